import { useTranslation } from 'react-i18next';
import { DataTable, ErrorMessage, Loading, useLabels, useQuery } from '@dangvien/ui';
import { OrgTree } from './OrgTree.tsx';
import { countByKind, DISTRICT_TREE } from './tree.ts';

/** The organization chart of the caller's scope (to become collapsible, searchable, dated: issue 17). */
export default function TreePage() {
  const { t } = useTranslation('district');
  const labels = useLabels();
  const { data, error, isPending, refetch } = useQuery(DISTRICT_TREE);
  if (isPending) return <Loading />;
  if (error || !data) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  const roots = data.rootOrgUnits;
  return (
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
  );
}
