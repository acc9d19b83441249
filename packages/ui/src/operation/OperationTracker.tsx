import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryBoundary } from '../data/QueryBoundary.tsx';
import { useQuery } from '../data/useQuery.ts';
import { graphql } from '../generated/index.ts';
import type { OperationStatusQuery } from '../generated/graphql.ts';
import { Alert, Facts } from '../kit/kit.tsx';

export const OPERATION_STATUS = graphql(`
  query OperationStatus($id: ID!) {
    operation(id: $id) {
      id
      kind
      status
      createdAt
      completedAt
      subject { id name }
      parts {
        subgraph
        status
        unit { id name }
      }
    }
  }
`);

export type OperationStatus = NonNullable<OperationStatusQuery['operation']>;

/** How often the page asks whether every subgraph has applied the operation. */
const POLL_MS = 1000;

const formatTime = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString('vi-VN') : '—');

/**
 * A restructuring after it is confirmed (merger, split, dissolution, the 2025 reform): pending until
 * every subgraph has applied its part (members moved, evaluation's copy updated), each part listed;
 * then `result` with when it was recorded and completed. `testIdPrefix` names the pieces for tests
 * (`<prefix>-pending`, `<prefix>-completed-at`).
 */
export function OperationTracker(props: { operationId: string; testIdPrefix: string; result: (times: ReactNode, operation: OperationStatus) => ReactNode }) {
  const { operationId, testIdPrefix, result } = props;
  const { t } = useTranslation();
  const operation = useQuery(OPERATION_STATUS, { id: operationId });
  const completed = operation.data?.operation?.status === 'COMPLETED';
  const { refetch, dataUpdatedAt } = operation;
  useEffect(() => {
    if (completed) return undefined;
    const timer = window.setTimeout(() => void refetch(), POLL_MS);
    return () => window.clearTimeout(timer);
  }, [completed, refetch, dataUpdatedAt]);

  return (
    <QueryBoundary query={operation}>
      {(data) =>
        !data.operation ? null : completed ? (
          result(
            <Facts
              items={[
                { label: t('operation.startedAt'), value: formatTime(data.operation.createdAt) },
                { label: t('operation.completedAt'), value: <span data-testid={`${testIdPrefix}-completed-at`}>{formatTime(data.operation.completedAt)}</span> },
              ]}
            />,
            data.operation,
          )
        ) : (
          <div data-testid={`${testIdPrefix}-pending`} data-operation-id={data.operation.id}>
            <Alert tone="info" live="status" title={t('operation.pendingTitle')}>
              <p>{t('operation.pendingText')}</p>
              <ul>
                {data.operation.parts.map((part) => (
                  <li key={`${part.subgraph}-${part.unit?.id ?? ''}`}>
                    {t('operation.partLine', {
                      subgraph: t(`operation.subgraph.${part.subgraph}`, { defaultValue: part.subgraph }),
                      unit: part.unit?.name ?? '',
                      status: t(`operation.status.${part.status}`),
                    })}
                  </li>
                ))}
              </ul>
            </Alert>
          </div>
        )
      }
    </QueryBoundary>
  );
}
