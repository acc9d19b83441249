import type { GraphQLResolverMap } from '@apollo/subgraph';

/**
 * One resolver map from the feature folders' maps (type by type, field by field). Each feature types
 * its map with its subgraph's generated `Resolvers` (`src/generated/resolvers.ts`), which checks
 * arguments, parents and results against the SDL; Apollo's own map type is looser, hence `object`.
 */
export function mergeResolvers<Ctx>(...maps: object[]): GraphQLResolverMap<Ctx> {
  const merged: Record<string, object> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      merged[type] = { ...merged[type], ...(fields as object) };
    }
  }
  return merged as GraphQLResolverMap<Ctx>;
}
