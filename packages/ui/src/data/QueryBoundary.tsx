import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../components.tsx';
import { Alert } from '../kit/kit.tsx';
import { missingPartsOf, missingSubgraphs } from './partial.ts';
import type { QueryResult } from './useQuery.ts';

/**
 * The one way a page shows a query: a loading line, a notice above the data when part of it is missing, the error in Vietnamese with a retry button, an
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
    return (
      <>
        <PartialNotice data={query.data} />
        {children(query.data)}
      </>
    );
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

/** Says, in the clerk's words, which part of the page is missing and that it will come back by itself. */
export function PartialNotice({ data }: { data: unknown }) {
  const { t } = useTranslation();
  const parts = missingPartsOf(data);
  if (!parts) return null;
  const names = missingSubgraphs(parts).map((subgraph) => t(`partial.parts.${subgraph}`, { defaultValue: t('partial.parts.other') }));
  return (
    <div data-testid="partial-notice">
      <Alert tone="warning" live="status" title={t('partial.title')}>
        <p>{t('partial.missing', { parts: names.join(', ') })}</p>
        <p>{t('partial.comesBack')}</p>
      </Alert>
    </div>
  );
}
