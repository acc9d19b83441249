import { useTranslation } from 'react-i18next';
import { DataTable, QueryBoundary, Section, type Column, type QueryResult } from '@dangvien/ui';
import { ChartFigure } from './ChartFigure.tsx';
import { formatMoney, monthLabel } from './period.ts';
import type { DuesSummary } from './queries.ts';

interface MoneyRow {
  key: string;
  label: string;
  value: number;
  money: boolean;
}

/** Dues of the period's ended months: due, collected, owed, and how many members owe. */
export function DuesSection({ months, dues }: { months: { fromMonth: string; toMonth: string } | undefined; dues: QueryResult<{ duesSummary: DuesSummary }> }) {
  const { t } = useTranslation('district.dashboard');
  if (!months) {
    return (
      <Section title={t('dues.title', { from: '—', to: '—' })}>
        <p className="dv-empty">{t('dues.none')}</p>
      </Section>
    );
  }
  const title = t('dues.title', { from: monthLabel(months.fromMonth), to: monthLabel(months.toMonth) });
  return (
    <Section title={title}>
      <QueryBoundary query={dues}>{(data) => <DuesTable summary={data.duesSummary} title={title} />}</QueryBoundary>
    </Section>
  );
}

function DuesTable({ summary, title }: { summary: DuesSummary; title: string }) {
  const { t } = useTranslation('district.dashboard');
  const rows: MoneyRow[] = [
    { key: 'due', label: t('dues.due'), value: summary.due, money: true },
    { key: 'paid', label: t('dues.paid'), value: summary.paid, money: true },
    { key: 'owed', label: t('dues.owed'), value: summary.owed, money: true },
    { key: 'members', label: t('dues.membersInArrears'), value: summary.membersInArrears, money: false },
  ];
  const columns: Column<MoneyRow>[] = [
    { header: t('dues.item'), cell: (row) => row.label },
    { header: t('dues.amount'), numeric: true, cell: (row) => <span data-key={row.key}>{row.money ? formatMoney(row.value) : row.value.toLocaleString('vi-VN')}</span>, exportValue: (row) => row.value },
  ];
  return (
    <ChartFigure title={title} categories={[t('dues.paid'), t('dues.owed')]} series={[{ label: t('dues.amount'), values: [summary.paid, summary.owed] }]} horizontal>
      <DataTable testId="dash-dues" caption={title} columns={columns} rows={rows} rowKey={(row) => row.key} exportFileName={t('export.dues')} />
    </ChartFigure>
  );
}
