import { QueryClient } from '@tanstack/react-query';
import { GraphQLRequestError } from '../graphql.ts';

/**
 * The one cache of the shell and every module (this package is a Module Federation singleton, so
 * a remote mounted in the shell reads and invalidates the same cache). Data is fresh for 30 s: moving
 * between a cell's pages shows what was read a moment ago at once and refreshes it behind the screen.
 * A refusal (bad input, forbidden, signed out) is not retried; a dropped network is, twice.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 10 * 60_000,
        retry: (failures, error) => !(error instanceof GraphQLRequestError && error.refused) && failures < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

export const queryClient = createQueryClient();
