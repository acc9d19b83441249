import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { Consumer } from '@dangvien/events';
import { GraphQLError } from 'graphql';

/** How long a mutation waits for the copies it reads (the replicas of other subgraphs) to catch up. */
const CATCH_UP_LIMIT_MS = 3000;

/**
 * Read-your-writes across subgraphs: a mutation refused (not found, forbidden, not on the roster…) may
 * have looked for something the caller has just created in another subgraph (a cell, then a member in
 * it), whose event this subgraph has not applied yet. A refused mutation changed nothing (it refuses
 * inside its transaction), so it runs once more after this subgraph's consumers have applied what the
 * producers hold now, bounded in time. The event may also have arrived by the regular poll meanwhile,
 * so the second run does not depend on the catch-up itself applying something.
 */
export function withReadYourWrites<Ctx>(resolvers: GraphQLResolverMap<Ctx>, consumers: () => readonly Consumer[]): GraphQLResolverMap<Ctx> {
  const mutation = resolvers.Mutation as Record<string, unknown> | undefined;
  if (!mutation) return resolvers;
  const wrapped = Object.fromEntries(
    Object.entries(mutation).map(([name, resolve]) => {
      if (typeof resolve !== 'function') return [name, resolve];
      const run = resolve as (...args: unknown[]) => unknown;
      return [
        name,
        async (...args: unknown[]) => {
          try {
            return await run(...args);
          } catch (error) {
            if (!isRefusal(error) || consumers().length === 0) throw error;
            await catchUp(consumers());
            return run(...args);
          }
        },
      ];
    }),
  );
  return { ...resolvers, Mutation: wrapped } as GraphQLResolverMap<Ctx>;
}

/** A rule's refusal (a DomainError's code), not a failure of the server. */
function isRefusal(error: unknown): boolean {
  return error instanceof GraphQLError && REFUSALS.has(String(error.extensions.code));
}
const REFUSALS = new Set(['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT', 'CONFLICT']);

/** Catches every consumer up, waiting at most CATCH_UP_LIMIT_MS. */
async function catchUp(consumers: readonly Consumer[]): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, CATCH_UP_LIMIT_MS);
  });
  await Promise.race([Promise.all(consumers.map((consumer) => consumer.catchUp())).catch(() => undefined), limit]);
  clearTimeout(timer);
}
