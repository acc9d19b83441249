import { useTranslation } from 'react-i18next';
import { DataTable, ErrorMessage, Loading, MemberImport, Page, useLabels, useQuery } from '@dangvien/ui';
import { useState } from 'react';
import { UnitImport } from './import/UnitImport.tsx';
import { OrgTree } from './OrgTree.tsx';
import { countByKind, DISTRICT_TREE } from './tree.ts';

export function DistrictPage() {
  const { t } = useTranslation('district');
  const labels = useLabels();
  const { data, error, isPending: loading, refetch } = useQuery(DISTRICT_TREE);
  const [chosenRoot, setChosenRoot] = useState<string>();

  if (loading) return <Page title={t('title')}><Loading /></Page>;
  if (error || !data) return <Page title={t('title')}><ErrorMessage error={error} onRetry={() => void refetch()} /></Page>;

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
          <h2>{t('dataTitle')}</h2>
          {roots.length > 1 ? (
            <label className="dv-field">
              {t('pickRoot')}
              <select value={chosenRoot ?? roots[0]!.id} onChange={(event) => setChosenRoot(event.target.value)}>
                {roots.map((root) => (
                  <option key={root.id} value={root.id}>
                    {root.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <MemberImport key={`members-${chosenRoot ?? roots[0]!.id}`} unitId={chosenRoot ?? roots[0]!.id} />
          <UnitImport key={`units-${chosenRoot ?? roots[0]!.id}`} parentId={chosenRoot ?? roots[0]!.id} />
        </>
      )}
    </Page>
  );
}
