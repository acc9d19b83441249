import { useTranslation } from 'react-i18next';
import { ErrorMessage, joinPath, Loading, Navigate, Page, useQuery } from '@dangvien/ui';
import { DISTRICT_ROOTS } from './roots.ts';

/** /district opens the first top unit of the caller's scope. */
export function DistrictRedirect({ basePath }: { basePath: string }) {
  const { t } = useTranslation('district');
  const { data, error, isPending, refetch } = useQuery(DISTRICT_ROOTS);
  const first = data?.rootOrgUnits[0];
  if (first) return <Navigate to={joinPath(basePath, first.id)} replace />;
  return (
    <Page title={t('title')}>
      {isPending ? (
        <Loading />
      ) : error ? (
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      ) : (
        <p className="dv-notice" data-testid="no-units">
          {t('common.noUnits', { ns: 'translation' })}
        </p>
      )}
    </Page>
  );
}
