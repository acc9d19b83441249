import { readFileSync } from 'node:fs';
import { printSchema, Supergraph } from '@apollo/federation-internals';
import { buildSchema, getNullableType, isListType, isObjectType, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUPERGRAPH_PATH } from '../manifest.ts';
import { BOUNDED_LISTS, GROWING_LISTS_NOT_YET_PAGED } from './lists.ts';

const apiSchema = buildSchema(printSchema(Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema()));
const listFields = Object.values(apiSchema.getTypeMap())
  .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
  .flatMap((type) => Object.values((type as GraphQLObjectType).getFields()).map((field) => ({ name: `${type.name}.${field.name}`, field })))
  .filter(({ field }) => isListType(getNullableType(field.type)));

describe('every list of the API', () => {
  it('is paged (takes first), or named as bounded or as a growing list not yet paged, with why', () => {
    const unclassified = listFields
      .filter(({ field }) => !field.args.some((argument) => argument.name === 'first'))
      .map(({ name }) => name)
      .filter((name) => !(name in BOUNDED_LISTS) && !(name in GROWING_LISTS_NOT_YET_PAGED));
    expect(unclassified).toEqual([]);
  });

  it('names only fields that exist and take no first (a list paged since must leave the lists)', () => {
    const unpaged = new Set(listFields.filter(({ field }) => !field.args.some((argument) => argument.name === 'first')).map(({ name }) => name));
    expect([...Object.keys(BOUNDED_LISTS), ...Object.keys(GROWING_LISTS_NOT_YET_PAGED)].filter((name) => !unpaged.has(name))).toEqual([]);
  });
});
