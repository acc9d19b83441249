import { keepPreviousData, replaceEqualDeep, useQueryClient, useQuery as useTanstackQuery, type UseQueryResult } from '@tanstack/react-query';
import { missingPartsOf } from './partial.ts';
import { requestText, type GraphQLRequestError, type TypedDocument, type Variables } from '../graphql.ts';

export interface QueryOptions {
  /** false: do not run yet (a variable it needs is not known). */
  enabled?: boolean;
  /** Keep showing the previous variables' data while the new one loads (search, paging). */
  keepPrevious?: boolean;
}

/** Variables, optional when the operation needs none, then options. */
export type QueryArguments<TVariables> =
  Record<string, never> extends TVariables ? [variables?: TVariables, options?: QueryOptions] : [variables: TVariables, options?: QueryOptions];

export type QueryResult<TResult> = UseQueryResult<TResult, GraphQLRequestError>;

/** The cache key of an operation with its variables: its text (generated documents are unique) and the variables. */
export function queryKey(document: object, variables: Variables | undefined): readonly unknown[] {
  return ['graphql', document.toString(), variables ?? {}];
}

/**
 * Reads a generated document through the shared cache; the result and variables types come from the
 * document. Two components asking the same thing share one request; a mutation refreshes it (useMutation).
 */
export function useQuery<TResult, TVariables extends Variables>(
  document: TypedDocument<TResult, TVariables>,
  ...[variables, options]: QueryArguments<NoInfer<TVariables>>
): QueryResult<TResult> {
  const query = document.toString();
  const client = useQueryClient();
  const enabled = options?.enabled ?? true;
  const key = queryKey(document, variables);
  const queryFn = ({ signal }: { signal: AbortSignal }) => requestText<TResult>(query, variables ?? {}, { signal });
  // Ask as soon as the page renders, not after React shows it: React holds back a page revealed
  // under a Suspense boundary (up to 300 ms after its fallback), and the observer below only fetches
  // once the page is on screen. Same key, so the observer then shares this one request.
  if (enabled && !client.getQueryState(key)) void client.prefetchQuery({ queryKey: key, queryFn });
  return useTanstackQuery<TResult, GraphQLRequestError>({
    queryKey: key,
    queryFn,
    enabled,
    placeholderData: options?.keepPrevious ? keepPreviousData : undefined,
    // A partial answer is kept as it came (it carries what is missing) and asked again until whole.
    structuralSharing: keepPartialAnswers,
    refetchInterval: (state) => (missingPartsOf(state.state.data) ? PARTIAL_REFETCH_MS : false),
  });
}

/**
 * How often a page with a part missing asks again: the part shows up a few seconds after its
 * service is back, without the clerk reloading, at the cost of one small request per page meanwhile.
 */
const PARTIAL_REFETCH_MS = 5000;

/** TanStack's structural sharing, except that a partial answer, or one replacing it, is taken whole. */
function keepPartialAnswers(previous: unknown, next: unknown): unknown {
  if (missingPartsOf(next) || missingPartsOf(previous)) return next;
  return replaceEqualDeep(previous, next);
}
