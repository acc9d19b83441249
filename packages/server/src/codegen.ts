/** What a subgraph's `codegen.ts` declares: the rows its resolvers receive, the types its columns hold. */
export interface SubgraphCodegen {
  /** GraphQL type → the row its resolvers receive (`path#Type`, path from `src/generated/`). */
  mappers?: Record<string, string>;
  /** `table.column` → the TypeScript type it holds, e.g. a GraphQL enum of the subgraph's SDL. */
  columns?: Record<string, string>;
}
