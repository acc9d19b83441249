import { useEffect, useId, useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from '@dangvien/ui';
import { useTranslation } from 'react-i18next';
import {
  addTranslations,
  Alert,
  Button,
  ButtonLink,
  ChoiceField,
  FormError,
  FormProvider,
  formatDate,
  hasDraft,
  QueryBoundary,
  Section,
  SelectField,
  showServerError,
  TextAreaField,
  TextField,
  Toolbar,
  useDraftForm,
  useFieldArray,
  useMutation,
  useQuery,
  useQueuedMutation,
  useWatch,
} from '@dangvien/ui';
import { useCellPath } from '../layout/useCellPath.ts';
import { ATTENDANCE_STATUSES, MEETING_KINDS } from '../messages.ts';
import {
  attendanceInput,
  canEdit,
  EDIT_WINDOW_DAYS,
  editMeetingValues,
  todayInVietnam,
  meetingSchema,
  newMeetingValues,
  reconcileAttendance,
  recordMeetingInput,
  rosterOf,
  serverErrorPath,
  tally,
  yearOf,
  type AttendanceRow,
  type MeetingValues,
} from './attendance.ts';
import { vi } from './messages.ts';
import { CELL_ROSTER, RECORD_MEETING, UPDATE_MEETING } from './queries.ts';
import { useMeeting } from './useMeeting.ts';

addTranslations('cell.meetings', { vi });

/** Ghi biên bản sinh hoạt (new) or correct one (edit): the meeting and everyone's attendance on one screen. */
export default function MeetingFormPage() {
  const { meetingId } = useParams();
  return meetingId ? <EditMeeting meetingId={meetingId} /> : <NewMeeting />;
}

const EMPTY: MeetingValues = { heldOn: '', kind: 'REGULAR', agenda: '', resolution: '', attendance: [] };

function NewMeeting() {
  const { t } = useTranslation('cell.meetings');
  const { cellId, cellPath } = useCellPath();
  const roster = useQuery(CELL_ROSTER, { id: cellId });
  const draftKey = `meeting:${cellId}:new`;
  const [draftKept] = useState(() => hasDraft(draftKey));
  // Offline after a reload: the roster cannot be read, but the draft kept on this device has every row.
  const [fromDraft, setFromDraft] = useState(false);
  if (!fromDraft && draftKept && roster.error && roster.data === undefined) setFromDraft(true);
  const [queuedOn, setQueuedOn] = useState<string>();

  if (queuedOn) {
    return (
      <Section title={t('newTitle')}>
        <div data-testid="meeting-queued">
          <Alert tone="warning" live="status" title={t('queuedTitle')}>
            <p>{t('queuedText', { date: formatDate(queuedOn) })}</p>
          </Alert>
        </div>
        <Toolbar>
          <ButtonLink to={`${cellPath('meetings')}?year=${String(yearOf(queuedOn))}`}>{t('backToList')}</ButtonLink>
        </Toolbar>
      </Section>
    );
  }
  return (
    <Section title={t('newTitle')}>
      {fromDraft ? (
        <>
          <Alert tone="warning">{t('offlineRoster')}</Alert>
          <MeetingForm mode="new" cellId={cellId} draftKey={draftKey} defaults={EMPTY} onQueued={setQueuedOn} />
        </>
      ) : (
        <QueryBoundary query={roster} isEmpty={(data) => rosterOf(data.orgUnit?.members ?? []).length === 0} empty={t('noRoster')}>
          {(data) => {
            const defaults = newMeetingValues(data.orgUnit?.members ?? [], todayInVietnam(), t('agendaDefault'));
            return <MeetingForm mode="new" cellId={cellId} draftKey={draftKey} defaults={defaults} roster={defaults.attendance} onQueued={setQueuedOn} />;
          }}
        </QueryBoundary>
      )}
    </Section>
  );
}

function EditMeeting({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('cell.meetings');
  const { cellId } = useCellPath();
  const [params] = useSearchParams();
  const { query, meeting, year } = useMeeting(cellId, meetingId, params.get('year'));
  return (
    <Section title={meeting ? t('editTitle', { date: formatDate(meeting.heldOn) }) : t('listTitle')}>
      {meeting && !canEdit(meeting.heldOn, todayInVietnam()) ? <Alert tone="warning">{t('editClosed', { days: EDIT_WINDOW_DAYS })}</Alert> : null}
      <QueryBoundary query={query} isEmpty={() => !meeting} empty={t('notFound', { year })}>
        {() => (meeting ? <MeetingForm mode="edit" cellId={cellId} meetingId={meeting.id} draftKey={`meeting:${cellId}:${meeting.id}`} defaults={editMeetingValues(meeting)} /> : null)}
      </QueryBoundary>
    </Section>
  );
}

interface MeetingFormProps {
  mode: 'new' | 'edit';
  cellId: string;
  meetingId?: string;
  draftKey: string;
  defaults: MeetingValues;
  /** Today's roster, to fit a restored draft to it. */
  roster?: readonly AttendanceRow[];
  onQueued?: (heldOn: string) => void;
}

function MeetingForm({ mode, cellId, meetingId, draftKey, defaults, roster, onQueued }: MeetingFormProps) {
  const { t } = useTranslation('cell.meetings');
  const { t: labels } = useTranslation('cell');
  const { cellPath } = useCellPath();
  const navigate = useNavigate();
  const headingId = useId();
  const schema = useMemo(() => meetingSchema(), []);
  const { form, restored, clearDraft } = useDraftForm(schema, draftKey, defaults);
  const { fields } = useFieldArray({ control: form.control, name: 'attendance' });
  const rows = useWatch({ control: form.control, name: 'attendance' });
  const counts = tally(rows);
  const submitQueued = useQueuedMutation(RECORD_MEETING);
  const update = useMutation(UPDATE_MEETING);
  const kinds = MEETING_KINDS.map((value) => ({ value, label: labels(`labels.meetingKind.${value}`) }));
  const statuses = ATTENDANCE_STATUSES.map((value) => ({ value, label: labels(`labels.attendanceStatus.${value}`) }));

  // A draft written before someone joined or left the cell: fit it to today's roster once.
  useEffect(() => {
    if (!restored || !roster) return;
    const fitted = reconcileAttendance(form.getValues('attendance'), roster);
    if (fitted) form.setValue('attendance', fitted, { shouldDirty: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on the restored draft
  }, []);

  const save = async (values: MeetingValues) => {
    const back = (id: string) => `${cellPath('meetings', id)}?year=${String(yearOf(values.heldOn))}`;
    try {
      if (mode === 'new') {
        const input = recordMeetingInput(cellId, values);
        const result = await submitQueued((clientRequestId) => ({ input: { ...input, clientRequestId } }), t('outboxLabel', { date: formatDate(values.heldOn) }));
        clearDraft();
        if (result.sent) void navigate(back(result.data.recordMeeting.id), { state: { saved: true } });
        else onQueued?.(values.heldOn);
      } else if (meetingId) {
        await update.mutateAsync({
          input: {
            id: meetingId,
            kind: values.kind,
            agenda: values.agenda.trim(),
            resolution: values.resolution.trim() || null,
            attendance: attendanceInput(values.attendance),
          },
        });
        clearDraft();
        void navigate(back(meetingId), { state: { saved: true } });
      }
    } catch (error) {
      showServerError(form, error, (where) => serverErrorPath(where, values.attendance));
    }
  };

  const discardDraft = () => {
    clearDraft();
    form.reset(defaults);
  };

  return (
    <FormProvider {...form}>
      <form className="dv-form" noValidate data-testid="meeting-form" onSubmit={(event) => void form.handleSubmit(save)(event)}>
        {restored ? (
          <Alert tone="info" live="status">
            <p data-testid="draft-restored">{t('draftRestored')}</p>
            {defaults.attendance.length > 0 ? (
              <Button variant="secondary" onClick={discardDraft}>
                {t('discardDraft')}
              </Button>
            ) : null}
          </Alert>
        ) : null}
        {mode === 'new' ? (
          <TextField<MeetingValues> name="heldOn" label={t('heldOn')} type="date" max={todayInVietnam()} required />
        ) : (
          <p className="dv-muted">{t('heldOnFixed', { date: formatDate(defaults.heldOn) })}</p>
        )}
        <SelectField<MeetingValues> name="kind" label={t('kind')} options={kinds} />
        <TextAreaField<MeetingValues> name="agenda" label={t('agenda')} rows={3} required />
        <TextAreaField<MeetingValues> name="resolution" label={t('resolution')} rows={4} />

        <section aria-labelledby={headingId}>
          <h3 id={headingId} className="dv-form__heading">
            {t('attendanceTitle', { count: fields.length })}
          </h3>
          <p className="dv-muted">{t('attendanceHint')}</p>
          <ol className="dv-cards" data-testid="attendance-list">
            {fields.map((field, index) => (
              <li key={field.id} className="dv-card" data-testid={`attendance-${field.memberId}`}>
                <ChoiceField<MeetingValues> name={`attendance.${index}.status`} label={field.fullName} options={statuses} className="dv-choice--person" />
                {rows[index]?.status === 'EXCUSED' ? (
                  <TextField<MeetingValues> name={`attendance.${index}.reason`} label={t('reason', { name: field.fullName })} autoComplete="off" />
                ) : null}
              </li>
            ))}
          </ol>
        </section>

        <FormError />
        {/* Kept in view while marking a long roster: the totals the minutes will say, and the button. */}
        <div className="dv-sticky-actions">
          <p className="dv-tally" role="status" data-testid="attendance-tally">
            {t('tally', counts)}
          </p>
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid="meeting-submit">
            {form.formState.isSubmitting ? t('saving') : mode === 'new' ? t('save') : t('saveEdit')}
          </Button>
        </div>
        <div className="dv-form__actions">
          <ButtonLink to={meetingId ? `${cellPath('meetings', meetingId)}?year=${String(yearOf(defaults.heldOn))}` : cellPath('meetings')}>{t('cancel')}</ButtonLink>
        </div>
      </form>
    </FormProvider>
  );
}
