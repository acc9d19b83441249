import { useLocation, useParams, useSearchParams } from '@dangvien/ui';
import { useTranslation } from 'react-i18next';
import { addTranslations, Alert, ButtonLink, formatDate, PrintLayout, QueryBoundary, Section } from '@dangvien/ui';
import { useCellPath } from '../layout/useCellPath.ts';
import { canEdit, EDIT_WINDOW_DAYS, todayInVietnam, minutesAttendance, yearOf } from './attendance.ts';
import { vi } from './messages.ts';
import type { CellMeeting, CellMeetings } from './queries.ts';
import { useMeeting } from './useMeeting.ts';

addTranslations('cell.meetings', { vi });

/** One meeting: its printable minutes (Biên bản sinh hoạt chi bộ), and "Sửa" while it may still be corrected. */
export default function MeetingPage() {
  const { t } = useTranslation('cell.meetings');
  const { meetingId = '' } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const { cellId, cellPath } = useCellPath();
  const { query, meeting, year } = useMeeting(cellId, meetingId, params.get('year'));
  const listYear = meeting ? yearOf(meeting.heldOn) : year;
  const editable = meeting ? canEdit(meeting.heldOn, todayInVietnam()) : false;
  const justSaved = (location.state as { saved?: boolean } | null)?.saved === true;

  return (
    <Section
      title={meeting ? t('minutesTitle', { date: formatDate(meeting.heldOn) }) : t('listTitle')}
      actions={
        <>
          {meeting && editable ? (
            <ButtonLink variant="primary" to={`${cellPath('meetings', meeting.id, 'edit')}?year=${String(listYear)}`} data-testid="edit-meeting">
              {t('edit')}
            </ButtonLink>
          ) : null}
          <ButtonLink to={`${cellPath('meetings')}?year=${String(listYear)}`}>{t('backToList')}</ButtonLink>
        </>
      }
    >
      {justSaved ? (
        <Alert tone="success" live="status">
          <span data-testid="meeting-saved">{t('saved')}</span>
        </Alert>
      ) : null}
      {meeting && !editable ? <p className="dv-muted">{t('editClosed', { days: EDIT_WINDOW_DAYS })}</p> : null}
      <QueryBoundary query={query} isEmpty={() => !meeting} empty={t('notFound', { year })}>
        {(data) => (data.orgUnit && meeting ? <Minutes unit={data.orgUnit} meeting={meeting} /> : null)}
      </QueryBoundary>
    </Section>
  );
}

/** The minutes as printed on A4: letterhead, agenda, attendance, resolution, signatures. */
function Minutes({ unit, meeting }: { unit: CellMeetings; meeting: CellMeeting }) {
  const { t } = useTranslation('cell.meetings');
  const { t: labels } = useTranslation('cell');
  const attendance = minutesAttendance(meeting.attendance);
  const [year, month, day] = meeting.heldOn.split('-');
  return (
    <PrintLayout>
      <div className="dv-print__letterhead" data-testid="minutes">
        <div className="dv-print__issuer">
          {unit.parent ? <p className="dv-print__caps">{unit.parent.name}</p> : null}
          <p className="dv-print__caps dv-print__strong">{unit.name}</p>
          <p>*</p>
        </div>
        <div className="dv-print__nation">
          <p className="dv-print__strong dv-print__underline">{t('party')}</p>
          <p className="dv-print__italic">{t('placeDate', { day, month, year })}</p>
        </div>
      </div>
      <h3>{t('minutesHeading')}</h3>
      <p className="dv-print__center">
        {labels(`labels.meetingKind.${meeting.kind}`)} · {formatDate(meeting.heldOn)}
      </p>

      <h4>{t('partAgenda')}</h4>
      <p className="dv-print__text">{meeting.agenda}</p>

      <h4>{t('partAttendance')}</h4>
      <p data-testid="minutes-summary">{t('attendanceSummary', { total: attendance.total, ...attendance.counts })}</p>
      <p>{t('excusedList', { count: attendance.excused.length })}</p>
      {attendance.excused.length > 0 ? (
        <ol data-testid="minutes-excused">
          {attendance.excused.map((row) => (
            <li key={row.member.id}>
              {row.member.fullName}: {row.reason}
            </li>
          ))}
        </ol>
      ) : (
        <p className="dv-print__indent">{t('none')}</p>
      )}
      <p>{t('absentList', { count: attendance.absent.length })}</p>
      {attendance.absent.length > 0 ? (
        <ol data-testid="minutes-absent">
          {attendance.absent.map((row) => (
            <li key={row.member.id}>{row.member.fullName}</li>
          ))}
        </ol>
      ) : (
        <p className="dv-print__indent">{t('none')}</p>
      )}

      <h4>{t('partResolution')}</h4>
      <p className="dv-print__text">{meeting.resolution ?? t('noResolution')}</p>

      <div className="dv-print__signatures">
        <div>
          <p className="dv-print__strong">{t('secretary')}</p>
          <p className="dv-print__italic">{t('signHint')}</p>
        </div>
        <div>
          <p className="dv-print__strong">{t('chair')}</p>
          <p className="dv-print__italic">{t('signHint')}</p>
        </div>
      </div>
    </PrintLayout>
  );
}
