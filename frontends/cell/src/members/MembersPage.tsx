import { useId, useMemo, useState } from 'react';
import { Link } from '@dangvien/ui';
import { useTranslation } from 'react-i18next';
import { addTranslations, Badge, Button, DataTable, QueryBoundary, Section, useQuery, type Column, type Tone } from '@dangvien/ui';
import { useCellPath } from '../layout/useCellPath.ts';
import { vi } from './messages.ts';
import { countTags, listMembers, MEMBER_TAGS, nameSortKey, withTag, type ListedMember, type MemberTag } from './members.ts';
import { CELL_MEMBER_LIST } from './queries.ts';

addTranslations('cell.members', { vi });

export const TAG_TONE: Record<MemberTag, Tone> = {
  probationary: 'warning',
  official: 'success',
  exempt: 'neutral',
  working213: 'info',
  temporaryHere: 'info',
  temporaryAway: 'neutral',
  other: 'neutral',
};

/** Đảng viên: everyone the cell looks after, searchable without diacritics, filtered by status; each name opens the member page. */
export default function MembersPage() {
  const { t } = useTranslation('cell.members');
  const { cellId } = useCellPath();
  const query = useQuery(CELL_MEMBER_LIST, { id: cellId });
  return (
    <Section title={t('list.title')}>
      <p>{t('list.intro')}</p>
      <QueryBoundary query={query}>{(data) => <MemberList members={listMembers(data, cellId)} />}</QueryBoundary>
    </Section>
  );
}

function MemberList({ members }: { members: ListedMember[] }) {
  const { t } = useTranslation('cell.members');
  const { t: tCell } = useTranslation('cell');
  const { cellPath } = useCellPath();
  const searchId = useId();
  const filterId = useId();
  const [search, setSearch] = useState('');
  const [tag, setTag] = useState<MemberTag | 'all'>('all');
  const counts = useMemo(() => countTags(members), [members]);
  const shown = useMemo(() => withTag(members, tag), [members, tag]);

  const columns: Column<ListedMember>[] = [
    {
      header: t('list.name'),
      sortValue: (member) => nameSortKey(member.fullName),
      cell: (member) => (
        <>
          {member.memberId ? (
            <Link className="dv-link-target" to={cellPath('members', member.memberId)} data-testid="member-link">
              {member.fullName}
            </Link>
          ) : (
            <strong>{member.fullName}</strong>
          )}
          {member.memberId ? null : <div className="dv-muted">{t('list.outsideScope')}</div>}
          {member.dateOfBirth ? <div className="dv-muted">{t('list.born', { year: member.dateOfBirth.slice(0, 4) })}</div> : null}
          {member.elsewhere ? <div className="dv-muted">{t('list.worksAt', { place: member.elsewhere })}</div> : null}
        </>
      ),
    },
    {
      header: t('list.status'),
      cell: (member) => (
        <>
          <span className="dv-card__badges">
            {member.tags.map((memberTag) => (
              <Badge key={memberTag} tone={TAG_TONE[memberTag]}>
                {t(`tag.${memberTag}`)}
              </Badge>
            ))}
          </span>
          {member.latestReview?.grade ? (
            <div className="dv-muted">{t('list.grade', { year: member.latestReview.year, grade: tCell(`labels.grade.${member.latestReview.grade}`) })}</div>
          ) : null}
        </>
      ),
    },
  ];

  return (
    <>
      <div className="dv-field">
        <label htmlFor={searchId}>{t('list.search')}</label>
        <input
          id={searchId}
          type="search"
          value={search}
          data-testid="member-search"
          aria-describedby={`${searchId}-hint`}
          onChange={(event) => {
            setSearch(event.target.value);
          }}
        />
        <small id={`${searchId}-hint`} className="dv-field__hint">
          {t('list.searchHint')}
        </small>
      </div>
      <div className="dv-filters" role="group" aria-labelledby={filterId} data-testid="member-filters">
        <span id={filterId} className="dv-filters__label">
          {t('list.filter')}
        </span>
        <Button variant={tag === 'all' ? 'primary' : 'secondary'} aria-pressed={tag === 'all'} onClick={() => setTag('all')} data-testid="member-filter-all">
          {t('list.all', { count: members.length })}
        </Button>
        {MEMBER_TAGS.filter((memberTag) => counts[memberTag] > 0).map((memberTag) => (
          <Button
            key={memberTag}
            variant={tag === memberTag ? 'primary' : 'secondary'}
            aria-pressed={tag === memberTag}
            onClick={() => setTag(memberTag)}
            data-testid={`member-filter-${memberTag}`}
          >
            {t('list.tagCount', { label: t(`tag.${memberTag}`), count: counts[memberTag] })}
          </Button>
        ))}
      </div>
      <DataTable
        testId="cell-members"
        caption={t('list.caption', { count: shown.length })}
        columns={columns}
        rows={shown}
        rowKey={(member) => member.key}
        search={search}
        searchText={(member) => member.fullName}
        emptyText={members.length === 0 ? t('list.noMembers') : t('list.noMatch')}
      />
    </>
  );
}
