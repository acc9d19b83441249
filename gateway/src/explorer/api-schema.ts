import { printSchema, Supergraph } from '@apollo/federation-internals';
import { buildSchema, type GraphQLSchema } from 'graphql';

/**
 * The schema clients see, from the committed supergraph. Through SDL text: federation-internals loads
 * graphql as CommonJS and this module as ESM, and graphql refuses a schema object from "another realm".
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return buildSchema(printSchema(Supergraph.build(supergraphSdl).apiSchema()));
}
