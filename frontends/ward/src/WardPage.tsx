import { useMemo } from 'react';
import { Link, useNavigate, useParams } from '@dangvien/ui';
import { useTranslation } from 'react-i18next';
import {
  compareVietnameseText,
  DataTable,
  ErrorMessage,
  joinPath,
  Loading,
  MemberImport,
  Page,
  UnitPicker,
  useCurrentUnit,
  useLabels,
  useQuery,
  type Column,
  type RemoteAppProps,
} from '@dangvien/ui';
import { WARD_CELLS, type WardChild } from './queries.ts';

const memberCount = (unit: WardChild) => unit.members?.length ?? 0;

export function WardPage({ basePath }: RemoteAppProps) {
  const { committeeId = '' } = useParams();
  const navigate = useNavigate();
  const { t } = useTranslation('ward');
  const labels = useLabels();
  const committees = useCurrentUnit('GRASSROOTS_COMMITTEE');
  const { data, error, isPending: loading, refetch } = useQuery(WARD_CELLS, { id: committeeId });

  const cells = useMemo(
    () => [...(data?.orgUnit?.children ?? [])].sort((a, b) => compareVietnameseText(a.name, b.name)),
    [data],
  );
  const total = cells.reduce((sum, cell) => sum + memberCount(cell), 0);
  const columns: Column<WardChild>[] = [
    { header: t('name'), cell: (cell) => cell.name },
    { header: t('kind'), cell: (cell) => labels.orgUnitKind(cell.kind) },
    { header: t('memberCount'), numeric: true, cell: memberCount },
  ];

  const toolbar =
    committees.units.length > 0 ? (
      <UnitPicker
        label={t('pickCommittee')}
        units={committees.units}
        value={committeeId}
        onChange={(id) => {
          void navigate(joinPath(basePath, id));
        }}
      />
    ) : null;

  return (
    <Page title={t('title')} toolbar={toolbar}>
      {loading ? (
        <Loading />
      ) : error ? (
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      ) : !data?.orgUnit ? (
        <p>
          {t('common.unitNotFound', { ns: 'translation' })} <Link to={basePath}>{t('backToDefault')}</Link>
        </p>
      ) : (
        <>
          <h2 data-testid="ward-name">{data.orgUnit.name}</h2>
          <DataTable
            testId="ward-cells"
            caption={t('cellsCaption', { count: cells.length })}
            columns={columns}
            rows={cells}
            rowKey={(cell) => cell.id}
            emptyText={t('noCells')}
          />
          <p data-testid="ward-total">{t('totalMembers', { count: total })}</p>
          <MemberImport unitId={data.orgUnit.id} />
        </>
      )}
    </Page>
  );
}
