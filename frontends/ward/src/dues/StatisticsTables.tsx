import { useTranslation } from 'react-i18next';
import { DataTable, formatDate, QueryBoundary, Section, todayInVietnam, useQuery, type Column } from '@dangvien/ui';
import { formatRate } from './dues.ts';
import { vi } from './messages.ts';
import { WARD_STATISTICS, type WardStatistics } from './queries.ts';

interface CountRow {
  key: string;
  label: string;
  count: number;
}

/** YYYY-MM-DD of the browser's own day (toISOString would give UTC's, a day off before 7 a.m. in Vietnam). */

const share = (count: number, total: number) => (total > 0 ? `${(Math.round((count / total) * 1000) / 10).toLocaleString('vi-VN')} %` : '');

/** A table of counts (by status, sex, age …) with each one's share of the total; exportable to Excel. */
function CountTable(props: { testId: string; caption: string; header: string; countHeader?: string; rows: readonly CountRow[]; fileName: string }) {
  const { testId, caption, header, countHeader, rows, fileName } = props;
  const { t } = useTranslation('ward.dues');
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const columns: Column<CountRow>[] = [
    { header, cell: (row) => row.label },
    { header: countHeader ?? t('stats.count'), numeric: true, cell: (row) => row.count, sortValue: (row) => row.count },
    { header: t('stats.share'), numeric: true, cell: (row) => share(row.count, total) },
  ];
  return <DataTable testId={testId} caption={caption} columns={columns} rows={rows} rowKey={(row) => row.key} exportFileName={fileName} />;
}

const labelled = (counts: readonly { value?: string | null; count: number }[], label: (value: string) => string, unknown: string): CountRow[] =>
  counts.map((entry) => ({ key: entry.value ?? '', label: entry.value ? label(entry.value) : unknown, count: entry.count }));

/** Member statistics of the committee (status, sex, age, education, political theory, the year's movements), attendance and grades. */
export function StatisticsTables({ committeeId, year }: { committeeId: string; year: number }) {
  const { t } = useTranslation('ward.dues');
  const today = todayInVietnam();
  const asOf = year < Number(today.slice(0, 4)) ? `${year}-12-31` : today;
  const stats = useQuery(WARD_STATISTICS, { unitId: committeeId, year, asOf });
  return (
    <Section title={t('stats.title')}>
      <QueryBoundary query={stats}>{(data) => <Tables data={data} year={year} />}</QueryBoundary>
    </Section>
  );
}

function Tables({ data, year }: { data: WardStatistics; year: number }) {
  const { t } = useTranslation('ward.dues');
  const s = data.memberStatistics;
  const name = (key: string) => t('stats.exportName', { name: key, year });
  const label = (map: Record<string, string>) => (value: string) => map[value] ?? value;
  const movements = (Object.keys(vi.stats.movement) as (keyof typeof vi.stats.movement)[]).map((key) => ({ key, label: t(`stats.movement.${key}`), count: s[key] }));
  const attendance = data.attendanceRate;
  const grades = data.gradeDistribution;
  return (
    <>
      <p data-testid="stats-total">
        {t('stats.asOf', { date: formatDate(s.asOf) })}. {t('stats.members')}: <strong>{s.members}</strong>
      </p>
      <CountTable testId="stats-status" caption={t('stats.byStatus')} header={t('stats.category')} rows={labelled(s.byStatus, label(vi.stats.status), t('stats.unknown'))} fileName={name('tinh-trang')} />
      <CountTable testId="stats-sex" caption={t('stats.bySex')} header={t('stats.category')} rows={labelled(s.bySex, label(vi.stats.sex), t('stats.unknown'))} fileName={name('gioi-tinh')} />
      <CountTable testId="stats-age" caption={t('stats.byAgeBand')} header={t('stats.category')} rows={labelled(s.byAgeBand, (value) => value, t('stats.unknown'))} fileName={name('do-tuoi')} />
      <CountTable testId="stats-education" caption={t('stats.byEducationLevel')} header={t('stats.category')} rows={labelled(s.byEducationLevel, (value) => value, t('stats.unknown'))} fileName={name('hoc-van')} />
      <CountTable testId="stats-theory" caption={t('stats.byPoliticalTheoryLevel')} header={t('stats.category')} rows={labelled(s.byPoliticalTheoryLevel, label(vi.stats.theory), t('stats.unknown'))} fileName={name('ly-luan')} />
      <CountTable testId="stats-movements" caption={t('stats.movements', { year })} header={t('stats.event')} rows={movements} fileName={name('bien-dong')} />
      {attendance ? (
        <CountTable
          testId="stats-attendance"
          caption={`${t('stats.attendance', { year })}: ${formatRate(attendance.rate)}`}
          header={t('stats.attendanceItem')}
          countHeader={t('stats.records')}
          rows={[
            { key: 'present', label: t('stats.present'), count: attendance.present },
            { key: 'excused', label: t('stats.excused'), count: attendance.excused },
            { key: 'absent', label: t('stats.absent'), count: attendance.absent },
          ]}
          fileName={name('du-sinh-hoat')}
        />
      ) : null}
      {attendance ? <p data-testid="stats-meetings">{t('stats.meetings')}: {attendance.meetings}. {t('stats.rate')}: {formatRate(attendance.rate)}</p> : null}
      {grades ? (
        <CountTable
          testId="stats-grades"
          caption={t('stats.grades', { year })}
          header={t('stats.grade')}
          rows={(['excellent', 'good', 'completed', 'notCompleted'] as const).map((key) => ({ key, label: t(`stats.gradeLabel.${key}`), count: grades[key] }))}
          fileName={name('xep-loai')}
        />
      ) : null}
    </>
  );
}
