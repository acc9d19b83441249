import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { addTranslations, compareVietnameseText, DataTable, QueryBoundary, useLabels, useQuery, type Column } from '@dangvien/ui';
import { useWardPath } from '../layout/useWardPath.ts';
import { vi } from './messages.ts';
import { WARD_CELLS, type WardChild } from './queries.ts';

addTranslations('ward.cells', { vi });

const memberCount = (unit: WardChild) => unit.members?.length ?? 0;

/** Chi bộ: the committee's cells with their member counts. */
export default function CellsPage() {
  const { t } = useTranslation('ward.cells');
  const labels = useLabels();
  const { committeeId } = useWardPath();
  const query = useQuery(WARD_CELLS, { id: committeeId });
  const cells = useMemo(
    () => [...(query.data?.orgUnit?.children ?? [])].sort((a, b) => compareVietnameseText(a.name, b.name)),
    [query.data],
  );
  const total = cells.reduce((sum, cell) => sum + memberCount(cell), 0);
  const columns: Column<WardChild>[] = [
    { header: t('name'), cell: (cell) => cell.name },
    { header: t('kind'), cell: (cell) => labels.orgUnitKind(cell.kind) },
    { header: t('memberCount'), numeric: true, cell: memberCount },
  ];
  return (
    <QueryBoundary query={query}>
      {() => (
        <>
          <DataTable
            testId="ward-cells"
            caption={t('cellsCaption', { count: cells.length })}
            columns={columns}
            rows={cells}
            rowKey={(cell) => cell.id}
            emptyText={t('noCells')}
          />
          <p data-testid="ward-total">{t('totalMembers', { count: total })}</p>
        </>
      )}
    </QueryBoundary>
  );
}
