import { useTranslation } from 'react-i18next';
import { DataTable, ErrorMessage, Loading, Page, useLabels, useQuery } from '@dangvien/ui';
import { OrgTree } from './OrgTree.tsx';
import { countByKind, DISTRICT_TREE, type DistrictTreeData } from './tree.ts';

export function DistrictPage() {
  const { t } = useTranslation('district');
  const labels = useLabels();
  const { data, error, loading, refetch } = useQuery<DistrictTreeData>(DISTRICT_TREE);

  if (loading) return <Page title={t('title')}><Loading /></Page>;
  if (error || !data) return <Page title={t('title')}><ErrorMessage error={error} onRetry={refetch} /></Page>;

  const roots = data.rootOrgUnits;
  return (
    <Page title={t('title')}>
      {roots.length === 0 ? (
        <p className="dv-notice" data-testid="no-units">
          {t('common.noUnits', { ns: 'translation' })}
        </p>
      ) : (
        <>
          <DataTable
            testId="district-counts"
            caption={t('countsCaption')}
            columns={[
              { header: t('kind'), cell: (row) => labels.orgUnitKind(row.kind) },
              { header: t('count'), numeric: true, cell: (row) => row.count },
            ]}
            rows={countByKind(roots)}
            rowKey={(row) => row.kind}
          />
          <h2>{t('treeHeading')}</h2>
          <OrgTree units={roots} testId="district-tree" />
        </>
      )}
    </Page>
  );
}
