import { useTranslation } from 'react-i18next';
import { compareVietnameseText, DataTable, Facts, QueryBoundary, Section, todayInVietnam, useQuery, type Column } from '@dangvien/ui';
import { collectedShare, formatMoney, monthLabel, monthRange } from './dues.ts';
import { WARD_DUES, type CellDues, type MemberArrears, type MonthDues, type WardDues } from './queries.ts';

/** The year's dues: totals, by cell, by month, and the members who still owe. */
export function DuesTables({ committeeId, year }: { committeeId: string; year: number }) {
  const { t } = useTranslation('ward.dues');
  const range = monthRange(year, todayInVietnam());
  return (
    <Section title={t('dues.title', { year })}>
      {range ? <DuesOfRange committeeId={committeeId} year={year} range={range} /> : <p className="dv-empty">{t('dues.noMonths', { year })}</p>}
    </Section>
  );
}

function DuesOfRange({ committeeId, year, range }: { committeeId: string; year: number; range: { fromMonth: string; toMonth: string } }) {
  const dues = useQuery(WARD_DUES, { unitId: committeeId, ...range });
  return <QueryBoundary query={dues}>{(data) => <Ledger dues={data.duesArrears} year={year} />}</QueryBoundary>;
}

function moneyColumns<Row extends { due: number; paid: number; owed: number }>(t: (key: string) => string): Column<Row>[] {
  return [
    { header: t('dues.dueMoney'), numeric: true, cell: (row) => formatMoney(row.due), exportValue: (row) => row.due, sortValue: (row) => row.due },
    { header: t('dues.paidMoney'), numeric: true, cell: (row) => formatMoney(row.paid), exportValue: (row) => row.paid, sortValue: (row) => row.paid },
    { header: t('dues.owedMoney'), numeric: true, cell: (row) => formatMoney(row.owed), exportValue: (row) => row.owed, sortValue: (row) => row.owed },
    { header: t('dues.share'), numeric: true, cell: (row) => collectedShare(row.paid, row.due), sortValue: (row) => (row.due > 0 ? row.paid / row.due : null) },
  ];
}

function Ledger({ dues, year }: { dues: WardDues; year: number }) {
  const { t } = useTranslation('ward.dues');
  const cellColumns: Column<CellDues>[] = [
    { header: t('dues.cell'), cell: (row) => row.cell.name, sortValue: (row) => row.cell.name },
    ...moneyColumns<CellDues>(t),
    { header: t('dues.membersInArrears'), numeric: true, cell: (row) => row.membersInArrears, sortValue: (row) => row.membersInArrears },
  ];
  const monthColumns: Column<MonthDues>[] = [
    { header: t('dues.month'), cell: (row) => monthLabel(row.month), sortValue: (row) => row.month },
    ...moneyColumns<MonthDues>(t),
    { header: t('dues.membersInArrears'), numeric: true, cell: (row) => row.membersInArrears, sortValue: (row) => row.membersInArrears },
  ];
  const memberColumns: Column<MemberArrears>[] = [
    { header: t('dues.member'), cell: (row) => row.member.fullName, sortValue: (row) => row.member.fullName },
    { header: t('dues.cell'), cell: (row) => row.cell?.name ?? '', sortValue: (row) => row.cell?.name },
    { header: t('dues.unpaidMonths'), cell: (row) => row.unpaidMonths.map(monthLabel).join(', ') },
    { header: t('dues.unpaidCount'), numeric: true, cell: (row) => row.unpaidMonths.length, sortValue: (row) => row.unpaidMonths.length },
    { header: t('dues.owedMoney'), numeric: true, cell: (row) => formatMoney(row.owed), exportValue: (row) => row.owed, sortValue: (row) => row.owed },
  ];
  const sortedCells = [...dues.byCell].sort((a, b) => compareVietnameseText(a.cell.name, b.cell.name));
  return (
    <>
      <Facts
        items={[
          { label: t('dues.range'), value: `${monthLabel(dues.fromMonth)} – ${monthLabel(dues.toMonth)}` },
          { label: t('dues.due'), value: formatMoney(dues.due) },
          { label: t('dues.paid'), value: `${formatMoney(dues.paid)} (${collectedShare(dues.paid, dues.due) || '—'})` },
          { label: t('dues.owed'), value: formatMoney(dues.owed) },
        ]}
      />
      <DataTable
        testId="dues-by-cell"
        caption={t('dues.byCell', { from: monthLabel(dues.fromMonth), to: monthLabel(dues.toMonth) })}
        columns={cellColumns}
        rows={sortedCells}
        rowKey={(row) => row.cell.id}
        emptyText={t('dues.noDues')}
        exportFileName={t('dues.exportCells', { year })}
      />
      <DataTable
        testId="dues-by-month"
        caption={t('dues.byMonth')}
        columns={monthColumns}
        rows={dues.byMonth}
        rowKey={(row) => row.month}
        exportFileName={t('dues.exportMonths', { year })}
      />
      <DataTable
        testId="dues-members"
        caption={t('dues.members', { count: dues.members.length })}
        columns={memberColumns}
        rows={dues.members}
        rowKey={(row) => row.member.id}
        emptyText={t('dues.noArrears')}
        pageSize={25}
        exportFileName={t('dues.exportMembers', { year })}
      />
    </>
  );
}
