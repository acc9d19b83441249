import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../components.tsx';
import type { QueryResult } from './useQuery.ts';

/**
 * The one way a page shows a query: a loading line, the error in Vietnamese with a retry button, an
 * empty message when `isEmpty` says there is nothing, else the children with the data. A refresh in
 * the background keeps the data on screen.
 */
export function QueryBoundary<TResult>(props: {
  query: QueryResult<TResult>;
  children: (data: TResult) => ReactNode;
  isEmpty?: (data: TResult) => boolean;
  empty?: ReactNode;
  loadingLabel?: string;
  errorTitle?: string;
}) {
  const { t } = useTranslation();
  const { query, children, isEmpty, empty, loadingLabel, errorTitle } = props;
  if (query.data !== undefined) {
    if (isEmpty?.(query.data)) return <p className="dv-empty">{empty ?? t('common.empty')}</p>;
    return <>{children(query.data)}</>;
  }
  if (query.error) {
    return (
      <ErrorMessage
        error={query.error}
        title={errorTitle}
        onRetry={() => {
          void query.refetch();
        }}
      />
    );
  }
  return <Loading label={loadingLabel} />;
}
