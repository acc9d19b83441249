import { useId } from 'react';
import { Link, thisYearInVietnam, useSearchParams } from '@dangvien/ui';
import { useTranslation } from 'react-i18next';
import { addTranslations, Badge, ButtonLink, formatDate, hasDraft, QueryBoundary, Section, Toolbar, useQuery } from '@dangvien/ui';
import { useCellPath } from '../layout/useCellPath.ts';
import { newestFirst, tally, yearsToPick } from './attendance.ts';
import { vi } from './messages.ts';
import { CELL_MEETINGS } from './queries.ts';

addTranslations('cell.meetings', { vi });

/** The cell's meetings of a year, newest first, and the way to record a new one. */
export default function MeetingsPage() {
  const { t } = useTranslation('cell.meetings');
  const { t: labels } = useTranslation('cell');
  const { cellId, cellPath } = useCellPath();
  const [params, setParams] = useSearchParams();
  const yearId = useId();
  const currentYear = thisYearInVietnam();
  const years = yearsToPick(currentYear);
  const asked = Number(params.get('year'));
  const year = years.includes(asked) ? asked : currentYear;
  const query = useQuery(CELL_MEETINGS, { id: cellId, year }, { keepPrevious: true });
  const draftKept = hasDraft(`meeting:${cellId}:new`);

  return (
    <Section
      title={t('listTitle')}
      actions={
        <ButtonLink variant="primary" to={cellPath('meetings', 'new')} data-testid="new-meeting">
          {draftKept ? t('continueDraft') : t('newMeeting')}
        </ButtonLink>
      }
    >
      <Toolbar>
        <div className="dv-field">
          <label htmlFor={yearId}>{t('year')}</label>
          <select id={yearId} value={year} data-testid="meeting-year" onChange={(event) => setParams({ year: event.target.value })}>
            {years.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
      </Toolbar>
      <QueryBoundary query={query} isEmpty={(data) => !data.orgUnit || data.orgUnit.meetings.length === 0} empty={t('noMeetings', { year })}>
        {(data) => {
          // The API lists them oldest first; the secretary looks for the latest.
          const meetings = newestFirst(data.orgUnit?.meetings ?? []);
          return (
            <>
              <p className="dv-muted">{t('listCaption', { year, count: meetings.length })}</p>
              <ul className="dv-cards" data-testid="meeting-list">
                {meetings.map((meeting) => {
                  const counts = tally(meeting.attendance);
                  return (
                    <li key={meeting.id} className="dv-card" data-testid={`meeting-${meeting.id}`}>
                      <h3 className="dv-card__title">
                        <Link to={`${cellPath('meetings', meeting.id)}?year=${String(year)}`}>
                          {t('meetingOn', { date: formatDate(meeting.heldOn) })} · {labels(`labels.meetingKind.${meeting.kind}`)}
                        </Link>
                      </h3>
                      <p className="dv-card__line">{meeting.agenda}</p>
                      <p className="dv-card__badges">
                        <Badge tone="success">
                          {labels('labels.attendanceStatus.PRESENT')} {counts.PRESENT}
                        </Badge>{' '}
                        <Badge tone="neutral">
                          {labels('labels.attendanceStatus.EXCUSED')} {counts.EXCUSED}
                        </Badge>{' '}
                        <Badge tone={counts.ABSENT > 0 ? 'warning' : 'neutral'}>
                          {labels('labels.attendanceStatus.ABSENT')} {counts.ABSENT}
                        </Badge>
                      </p>
                    </li>
                  );
                })}
              </ul>
            </>
          );
        }}
      </QueryBoundary>
    </Section>
  );
}
