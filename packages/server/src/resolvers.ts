import type { GraphQLResolverMap } from '@apollo/subgraph';

/** One resolver map from the feature folders' maps (type by type, field by field). */
export function mergeResolvers<Ctx>(...maps: GraphQLResolverMap<Ctx>[]): GraphQLResolverMap<Ctx> {
  const merged: GraphQLResolverMap<Ctx> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      merged[type] = { ...(merged[type] as object | undefined), ...(fields as object) } as GraphQLResolverMap<Ctx>[string];
    }
  }
  return merged;
}
