import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '@dangvien/ui';

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

const share = (count: number, total: number) => (total > 0 ? `${(Math.round((count / total) * 1000) / 10).toLocaleString('vi-VN')} %` : '');

/** A table of counts with each one's share of the total; exportable to Excel. */
export function CountTable(props: { testId: string; caption: string; header: string; countHeader: string; rows: readonly CountRow[]; fileName: string; withShare?: boolean }) {
  const { testId, caption, header, countHeader, rows, fileName, withShare = true } = props;
  const { t } = useTranslation('district.dashboard');
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const columns: Column<CountRow>[] = [
    { header, cell: (row) => row.label },
    { header: countHeader, numeric: true, cell: (row) => <span data-key={row.key}>{row.count.toLocaleString('vi-VN')}</span>, exportValue: (row) => row.count, sortValue: (row) => row.count },
    ...(withShare ? [{ header: t('members.share'), numeric: true, cell: (row: CountRow) => share(row.count, total) }] : []),
  ];
  return <DataTable testId={testId} caption={caption} columns={columns} rows={rows} rowKey={(row) => row.key} exportFileName={fileName} />;
}

/** Counts by a dimension's value (null: not recorded), labelled. */
export const labelledCounts = (counts: readonly { value?: string | null; count: number }[], label: (value: string) => string, unknown: string): CountRow[] =>
  counts.map((entry) => ({ key: entry.value ?? 'unknown', label: entry.value ? label(entry.value) : unknown, count: entry.count }));
