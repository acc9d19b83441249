import { readFileSync } from 'node:fs';
import { MUTATION_ROLES } from '@dangvien/auth';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUPERGRAPH_PATH } from './manifest.ts';

describe('mutation permissions', () => {
  it('name the roles for every mutation our subgraphs expose, and nothing that is not one', () => {
    const schema = buildSchema(readFileSync(SUPERGRAPH_PATH, 'utf8'), { assumeValidSDL: true });
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();
    expect(Object.keys(MUTATION_ROLES).sort()).toEqual(mutations);
  });
});
