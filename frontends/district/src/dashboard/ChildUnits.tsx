import { useTranslation } from 'react-i18next';
import { compareVietnameseText, DataTable, formatDate, Link, Section, type Column } from '@dangvien/ui';
import { LazyBarChart } from './ChartFigure.tsx';
import { formatRate } from './period.ts';
import type { ChildUnitRow, DashboardFigures, DuesSummary } from './queries.ts';

interface Row extends ChildUnitRow {
  attendance: number | null | undefined;
  excellent: number | undefined;
  duesOwed: number | undefined;
}

/** One row per unit directly below (wards of a district, cells of a ward): each links one level down, keeping the period. */
export function ChildUnits({ data, dues, href }: { data: DashboardFigures; dues: DuesSummary | null | undefined; href: (unitId: string) => string }) {
  const { t } = useTranslation('district.dashboard');
  const s = data.memberStatistics;
  const attendance = new Map((data.attendanceRateByChildUnit ?? []).map((row) => [row.unitId, row.rate]));
  const grades = new Map((data.gradeDistributionByChildUnit ?? []).map((row) => [row.unitId, row.excellent]));
  const owed = new Map((dues?.byChildUnit ?? []).map((row) => [row.unit.id, row.owed]));
  const rows: Row[] = [...s.byChildUnit]
    .sort((a, b) => compareVietnameseText(a.unit.name, b.unit.name))
    .map((row) => ({ ...row, attendance: attendance.get(row.unit.id), excellent: grades.get(row.unit.id) ?? 0, duesOwed: dues ? (owed.get(row.unit.id) ?? 0) : undefined }));
  const count = (header: string, value: (row: Row) => number) => ({ header, numeric: true, cell: (row: Row) => value(row).toLocaleString('vi-VN'), exportValue: value, sortValue: value });
  const columns: Column<Row>[] = [
    { header: t('units.unit'), cell: (row) => <Link to={href(row.unit.id)}>{row.unit.name}</Link>, exportValue: (row) => row.unit.name, sortValue: (row) => row.unit.name },
    count(t('units.members'), (row) => row.members),
    count(t('units.official'), (row) => row.official),
    count(t('units.probationary'), (row) => row.probationary),
    count(t('units.admitted'), (row) => row.admitted),
    count(t('units.transferredIn'), (row) => row.transferredIn),
    count(t('units.transferredOut'), (row) => row.transferredOut),
    count(t('units.expelled'), (row) => row.expelled),
    count(t('units.namesRemoved'), (row) => row.namesRemoved),
    { header: t('units.attendance'), numeric: true, cell: (row) => formatRate(row.attendance), exportValue: (row) => row.attendance ?? null, sortValue: (row) => row.attendance },
    count(t('units.excellent'), (row) => row.excellent ?? 0),
    ...(dues ? [count(t('units.duesOwed'), (row) => row.duesOwed ?? 0)] : []),
  ];
  const caption = t('units.caption', { from: formatDate(s.from), to: formatDate(s.to) });
  return (
    <Section title={<span id="dd-units">{t('units.title')}</span>}>
      {rows.length === 0 ? (
        <p className="dv-empty">{t('units.none')}</p>
      ) : (
        <>
          <DataTable testId="dash-units" caption={caption} columns={columns} rows={rows} rowKey={(row) => row.unit.id} exportFileName={t('export.units')} />
          <div className="dd-wide-chart">
            <LazyBarChart
              title={t('units.chart')}
              categories={rows.map((row) => row.unit.name)}
              series={[
                { label: t('units.official'), values: rows.map((row) => row.official) },
                { label: t('units.probationary'), values: rows.map((row) => row.probationary) },
              ]}
              horizontal
              stacked
            />
          </div>
        </>
      )}
    </Section>
  );
}
