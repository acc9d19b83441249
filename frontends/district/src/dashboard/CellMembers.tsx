import { useTranslation } from 'react-i18next';
import { compareVietnameseNames, DataTable, Link, QueryBoundary, Section, useQuery, type Column } from '@dangvien/ui';
import { DASHBOARD_CELL_MEMBERS, type CellMember } from './queries.ts';

/** The last step of the drill-down: the cell's members on the period's last day, each opening the cell module's member page. */
export function CellMembers({ cellId, asOf, memberHref }: { cellId: string; asOf: string; memberHref: (memberId: string) => string | undefined }) {
  const { t } = useTranslation('district.dashboard');
  const query = useQuery(DASHBOARD_CELL_MEMBERS, { id: cellId, asOf });
  const statuses = t('members.status', { returnObjects: true }) as Record<string, string>;
  const columns: Column<CellMember>[] = [
    {
      header: t('cellMembers.name'),
      cell: (member) => {
        const href = memberHref(member.id);
        return href ? <Link to={href}>{member.fullName}</Link> : member.fullName;
      },
      exportValue: (member) => member.fullName,
    },
    { header: t('cellMembers.status'), cell: (member) => statuses[member.status] ?? member.status, sortValue: (member) => statuses[member.status] ?? member.status },
  ];
  return (
    <Section title={<span id="dd-members">{t('cellMembers.title')}</span>}>
      <QueryBoundary query={query}>
        {(data) => {
          // The server sorts the Vietnamese way already; sorted again so the order never depends on it.
          const members = [...(data.orgUnit?.members ?? [])].sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
          return (
            <DataTable
              testId="dash-cell-members"
              caption={t('cellMembers.caption', { count: members.length })}
              columns={columns}
              rows={members}
              rowKey={(member) => member.id}
              emptyText={t('cellMembers.none')}
              pageSize={50}
              exportFileName={t('export.members')}
            />
          );
        }}
      </QueryBoundary>
    </Section>
  );
}
