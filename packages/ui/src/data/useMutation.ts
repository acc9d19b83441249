import { useMutation as useTanstackMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { requestText, type GraphQLRequestError, type TypedDocument, type Variables } from '../graphql.ts';

export type MutationResult<TResult, TVariables> = UseMutationResult<TResult, GraphQLRequestError, TVariables>;

/**
 * Sends a generated mutation. When it succeeds every query on screen is read again, so what the
 * user sees follows the change (a meeting recorded updates the list, the home's alerts, the member
 * page) without each form knowing which queries show it; queries not on screen are marked stale.
 */
export function useMutation<TResult, TVariables extends Variables>(
  document: TypedDocument<TResult, TVariables>,
  options: { onSuccess?: (data: TResult, variables: TVariables) => void } = {},
): MutationResult<TResult, TVariables> {
  const client = useQueryClient();
  const text = document.toString();
  return useTanstackMutation<TResult, GraphQLRequestError, TVariables>({
    mutationFn: (variables) => requestText<TResult>(text, variables),
    onSuccess: async (data, variables) => {
      options.onSuccess?.(data, variables);
      await client.invalidateQueries({ queryKey: ['graphql'] });
    },
  });
}
