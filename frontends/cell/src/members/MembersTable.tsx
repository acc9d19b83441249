import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '@dangvien/ui';
import type { CellMember } from './queries.ts';

export function MembersTable({ members, emptyText }: { members: CellMember[]; emptyText: string }) {
  const { t } = useTranslation('cell');
  const notReviewed = <span className="dv-muted">{t('notReviewed')}</span>;

  const columns: Column<CellMember>[] = [
    { header: t('fullName'), cell: (member) => member.fullName },
    { header: t('status'), cell: (member) => t(`labels.memberStatus.${member.status}`) },
    { header: t('reviewYear'), numeric: true, cell: (member) => member.latestReview?.year ?? '—' },
    {
      header: t('grade'),
      cell: (member) => (member.latestReview?.grade ? t(`labels.grade.${member.latestReview.grade}`) : notReviewed),
    },
    { header: t('score'), numeric: true, cell: (member) => member.latestReview?.score ?? '—' },
  ];

  return (
    <DataTable
      testId="cell-members"
      caption={t('membersCaption', { count: members.length })}
      columns={columns}
      rows={members}
      rowKey={(member) => member.id}
      emptyText={emptyText}
    />
  );
}
