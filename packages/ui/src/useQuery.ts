import { useEffect, useState } from 'react';
import { requestText, type TypedDocument, type Variables, type VariablesArgument } from './graphql.ts';

export interface QueryState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  refetch: () => void;
}

interface Settled<T> {
  key: string;
  data?: T;
  error?: Error;
}

/**
 * Runs a query whenever it or its variables change; result and variables types come from the
 * document. Loading is derived from whether the last settled result belongs to the current
 * request, so no state is set synchronously in the effect.
 */
export function useQuery<TResult, TVariables extends Variables>(
  document: TypedDocument<TResult, TVariables>,
  ...[variables]: VariablesArgument<NoInfer<TVariables>>
): QueryState<TResult> {
  const query = document.toString();
  const variablesKey = JSON.stringify(variables ?? {});
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<TResult>>();
  const requestKey = JSON.stringify([attempt, query, variablesKey]);

  useEffect(() => {
    const controller = new AbortController();
    requestText<TResult>(query, JSON.parse(variablesKey) as Variables, { signal: controller.signal }).then(
      (data) => {
        setSettled({ key: requestKey, data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSettled({ key: requestKey, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => {
      controller.abort();
    };
  }, [query, variablesKey, requestKey]);

  const refetch = () => {
    setAttempt((n) => n + 1);
  };
  const current = settled?.key === requestKey ? settled : undefined;
  return { data: current?.data, error: current?.error, loading: !current, refetch };
}
