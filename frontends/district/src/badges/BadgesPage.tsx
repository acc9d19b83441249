import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addTranslations, DataTable, formatDate, Link, QueryBoundary, Section, Toolbar, useQuery, type Column } from '@dangvien/ui';
import type { DistrictBadgesDueQuery } from '../generated/graphql.ts';
import { useDistrictPath } from '../layout/useDistrictPath.ts';
import { memberFixPath } from '../quality/links.ts';
import { en, vi } from './messages.ts';
import { BADGE_AWARD_DATES, BADGES_DUE } from './queries.ts';

addTranslations('district.badges', { vi, en });

type Due = DistrictBadgesDueQuery['partyBadgesDue'];
type Row = Due['members'][number];

/** Huy hiệu Đảng: members due at an award date (the coming one by default), by badge, exportable for the proposal. */
export default function BadgesPage() {
  const { t } = useTranslation('district.badges');
  const { unitId } = useDistrictPath();
  const [awardDate, setAwardDate] = useState<string | null>(null);
  const dates = useQuery(BADGE_AWARD_DATES);
  const due = useQuery(BADGES_DUE, { unitId, awardDate }, { keepPrevious: true });
  const selectId = useId();
  const shown = awardDate ?? due.data?.partyBadgesDue.awardDate ?? '';
  return (
    <>
      <Section title={t('title')}>
        <p>{t('intro')}</p>
        <Toolbar>
          <div className="dv-field">
            <label htmlFor={selectId}>{t('awardDate')}</label>
            <select id={selectId} value={shown} onChange={(event) => setAwardDate(event.target.value)} aria-describedby={`${selectId}-hint`} data-testid="badges-award-date">
              {(dates.data?.partyBadgeAwardDates ?? (shown ? [shown] : [])).map((date) => (
                <option key={date} value={date}>
                  {formatDate(date)}
                </option>
              ))}
            </select>
            <small id={`${selectId}-hint`} className="dv-field__hint">
              {t('awardDateHint')}
            </small>
          </div>
        </Toolbar>
      </Section>
      <QueryBoundary query={due}>{(data) => <DueList due={data.partyBadgesDue} />}</QueryBoundary>
    </>
  );
}

function DueList({ due }: { due: Due }) {
  const { t } = useTranslation('district.badges');
  const paths = useDistrictPath();
  const counts = due.partyYears.map((years) => ({ years, count: due.members.filter((row) => row.years === years).length })).filter((entry) => entry.count > 0);
  const columns: Column<Row>[] = [
    {
      header: t('col.member'),
      sortValue: (row) => row.member.fullName ?? '',
      cell: (row) => {
        const to = memberFixPath(paths, row.member.id, row.cell);
        return to ? <Link to={to}>{row.member.fullName}</Link> : row.member.fullName;
      },
      exportValue: (row) => row.member.fullName,
    },
    { header: t('col.dateOfBirth'), sortValue: (row) => row.member.dateOfBirth ?? '', cell: (row) => (row.member.dateOfBirth ? formatDate(row.member.dateOfBirth) : '') },
    { header: t('col.cell'), sortValue: (row) => row.cell?.name ?? '', cell: (row) => row.cell?.name ?? '' },
    { header: t('col.committee'), sortValue: (row) => row.cell?.parent?.name ?? '', cell: (row) => row.cell?.parent?.name ?? '' },
    { header: t('col.admittedOn'), sortValue: (row) => row.admittedOn, cell: (row) => formatDate(row.admittedOn) },
    { header: t('col.years'), numeric: true, sortValue: (row) => row.years, cell: (row) => row.years },
    { header: t('col.reachesOn'), sortValue: (row) => row.reachesOn, cell: (row) => formatDate(row.reachesOn) },
  ];
  return (
    <Section title={`${t('awardDate')} ${formatDate(due.awardDate)}`}>
      <p>{t('rule', { name: due.ruleName, years: due.partyYears.join(', ') })}</p>
      <p>{t('window', { from: formatDate(due.previousAwardDate), to: formatDate(due.awardDate) })}</p>
      <p data-testid="badges-summary">{t('summary', { count: due.members.length, date: formatDate(due.awardDate) })}</p>
      {counts.length > 0 ? (
        <ul data-testid="badges-by-years">
          {counts.map((entry) => (
            <li key={entry.years}>{t('byYears', entry)}</li>
          ))}
        </ul>
      ) : null}
      <DataTable
        caption={t('caption', { date: formatDate(due.awardDate), count: due.members.length })}
        columns={columns}
        rows={due.members}
        rowKey={(row) => `${row.member.id}-${row.years}`}
        emptyText={t('empty')}
        testId="badges-table"
        exportFileName={`huy-hieu-dang-${due.awardDate}`}
      />
    </Section>
  );
}
