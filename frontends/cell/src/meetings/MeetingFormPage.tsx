import { useBasePath } from '../layout/basePath.ts';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  compareVietnameseNames,
  ErrorMessage,
  formatDate,
  graphqlRequest,
  GraphQLRequestError,
  joinPath,
  Loading,
  Page,
  useQuery,
  type RemoteAppProps,
} from '@dangvien/ui';
import { defaultMarks, meetingInput, rosterOf, tally, type Mark } from './attendance.ts';
import type { MeetingKind } from '../generated/graphql.ts';
import { ATTENDANCE_STATUSES, MEETING_KINDS } from '../messages.ts';
import { CELL_ROSTER, RECORD_MEETING, type RosterMember } from './queries.ts';

/** Today on the secretary's own calendar (not UTC: at 6 a.m. in Hà Nội it is still yesterday in UTC). */
const today = () => {
  const now = new Date();
  return `${String(now.getFullYear())}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/** Biên bản sinh hoạt: the secretary records a meeting and marks who attended, in a few large clicks. */
export function MeetingPage({ basePath }: RemoteAppProps) {
  const { cellId = '' } = useParams();
  const { t } = useTranslation('cell');
  const { data, error, isPending: loading, refetch } = useQuery(CELL_ROSTER, { id: cellId });
  const roster = useMemo(() => rosterOf(data?.orgUnit?.members ?? []).sort((a, b) => compareVietnameseNames(a.fullName, b.fullName)), [data]);

  return (
    <Page title={t('meetingTitle')} toolbar={<Link to={joinPath(basePath, cellId)}>{t('backToCell')}</Link>}>
      {loading ? (
        <Loading />
      ) : error ? (
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      ) : !data?.orgUnit ? (
        <p>{t('common.unitNotFound', { ns: 'translation' })}</p>
      ) : (
        <>
          <h2 data-testid="cell-name">{data.orgUnit.name}</h2>
          {roster.length === 0 ? <p>{t('noRoster')}</p> : <MeetingForm key={cellId} cellId={cellId} roster={roster} />}
        </>
      )}
    </Page>
  );
}

function MeetingForm({ cellId, roster }: { cellId: string; roster: RosterMember[] }) {
  const { t } = useTranslation('cell');
  const id = useId();
  const [heldOn, setHeldOn] = useState(today);
  const [kind, setKind] = useState<MeetingKind>('REGULAR');
  const [agenda, setAgenda] = useState(() => t('agendaDefault'));
  const [resolution, setResolution] = useState('');
  const [marks, setMarks] = useState<Record<string, Mark>>(() => defaultMarks(roster.map((member) => member.id)));
  const [problem, setProblem] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [saving, setSaving] = useState(false);
  const names = new Map(roster.map((member) => [member.id, member.fullName]));

  const mark = (memberId: string, change: Partial<Mark>) => {
    setMarks((current) => ({ ...current, [memberId]: { ...current[memberId]!, ...change } }));
    setSaved(undefined);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    setFailure(undefined);
    setSaved(undefined);
    const result = meetingInput(cellId, { heldOn, kind, agenda, resolution, marks });
    if ('problem' in result) {
      const found = result.problem;
      setProblem(found.key === 'needReason' ? t('needReason', { name: names.get(found.memberId) }) : t(found.key));
      return;
    }
    setSaving(true);
    graphqlRequest(RECORD_MEETING, { input: result.input }).then(
      (answer) => {
        setSaving(false);
        setSaved(t('saved', { date: formatDate(answer.recordMeeting.heldOn), count: answer.recordMeeting.attendance.length }));
      },
      (error: unknown) => {
        setSaving(false);
        // The server's own sentence (Vietnamese: it names the member's problem and the day) says more than a generic one.
        setFailure(error instanceof GraphQLRequestError && error.detail && error.status !== undefined && error.status < 500 ? error.detail : String((error as Error).message));
      },
    );
  };

  const counts = tally(marks);
  return (
    <form onSubmit={submit} data-testid="meeting-form" noValidate>
      <div className="dv-page__toolbar">
        <div className="dv-field">
          <label htmlFor={`${id}-date`}>{t('heldOn')}</label>
          <input id={`${id}-date`} type="date" value={heldOn} required onChange={(event) => setHeldOn(event.target.value)} />
        </div>
        <div className="dv-field">
          <label htmlFor={`${id}-kind`}>{t('kind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as MeetingKind)}>
            {MEETING_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`labels.meetingKind.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="dv-field" style={{ flex: '1 1 20rem' }}>
          <label htmlFor={`${id}-agenda`}>{t('agenda')}</label>
          <input id={`${id}-agenda`} type="text" value={agenda} required onChange={(event) => setAgenda(event.target.value)} />
        </div>
        <div className="dv-field" style={{ flex: '1 1 20rem' }}>
          <label htmlFor={`${id}-resolution`}>{t('resolution')}</label>
          <input id={`${id}-resolution`} type="text" value={resolution} onChange={(event) => setResolution(event.target.value)} />
        </div>
      </div>

      <h3>{t('attendanceCaption', { count: roster.length })}</h3>
      <p className="dv-muted">{t('attendanceHint')}</p>
      <ol data-testid="attendance-list" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {roster.map((member) => {
          const current = marks[member.id]!;
          return (
            <li key={member.id} style={{ borderBottom: '1px solid var(--dv-border)', padding: '0.5rem 0' }}>
              <fieldset style={{ border: 0, padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1.5rem', alignItems: 'center' }}>
                <legend style={{ fontWeight: 700, fontSize: '1.15rem', padding: 0 }}>{member.fullName}</legend>
                {ATTENDANCE_STATUSES.map((status) => (
                  <label key={status} className="dv-check">
                    <input type="radio" name={`${id}-${member.id}`} value={status} checked={current.status === status} onChange={() => mark(member.id, { status })} />
                    {t(`labels.attendanceStatus.${status}`)}
                  </label>
                ))}
                {current.status === 'EXCUSED' ? (
                  <span className="dv-field">
                    <label htmlFor={`${id}-${member.id}-reason`}>{t('reason')}</label>
                    <input id={`${id}-${member.id}-reason`} type="text" value={current.reason} onChange={(event) => mark(member.id, { reason: event.target.value })} />
                  </span>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p data-testid="attendance-tally" style={{ fontSize: '1.15rem', fontWeight: 600 }}>
        {t('tally', counts)}
      </p>
      {problem ? (
        <p className="dv-error" role="alert">
          {problem}
        </p>
      ) : null}
      {failure ? (
        <div className="dv-error" role="alert" data-testid="meeting-error">
          <h3 className="dv-error__title">{t('notSaved')}</h3>
          <p className="dv-error__text">{failure}</p>
        </div>
      ) : null}
      {saved ? (
        <p className="dv-notice" role="status" data-testid="meeting-saved">
          {saved}
        </p>
      ) : null}
      <button type="submit" className="dv-button" disabled={saving}>
        {saving ? t('saving') : t('save')}
      </button>
    </form>
  );
}

/** Route element (until this page is rebuilt on the kit): the old page with the module's base path. */
export default function RouteMeetingPage() {
  return <MeetingPage basePath={useBasePath()} />;
}
