import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  DataTable,
  formatDate,
  FormError,
  FormProvider,
  Section,
  showServerError,
  TextAreaField,
  TextField,
  useMutation,
  useSchemaForm,
  type Column,
} from '@dangvien/ui';
import { RECORD_RESIDENCE_MEETING, type ResidenceMeetingRow } from './queries.ts';
import { meetingOfHalfYear } from './residence.ts';
import { meetingSchema, type MeetingForm } from './schemas.ts';
import type { ResidenceView } from './view.ts';

/** Họp 6 tháng: record the ward's meeting with the working members living here (who came), and the meetings recorded. */
export function MeetingsView({ wardId, members, today, meetings }: ResidenceView & { meetings: readonly ResidenceMeetingRow[] }) {
  const { t } = useTranslation('ward.residence');
  const [notice, setNotice] = useState<string | null>(null);
  const [schema] = useState(() => meetingSchema(today));
  const form = useSchemaForm<MeetingForm>(schema, { heldOn: today, presentMemberIds: [], note: '' });
  const record = useMutation(RECORD_RESIDENCE_MEETING);
  const thisHalf = meetingOfHalfYear(meetings, today);
  const halfLabel = (halfYear: string) => t('half', { which: halfYear.endsWith('H1') ? t('halfFirst') : t('halfLast'), year: halfYear.slice(0, 4) });
  const submit = form.handleSubmit(async (values) => {
    try {
      const saved = await record.mutateAsync({ input: { wardId, heldOn: values.heldOn, presentMemberIds: values.presentMemberIds, note: values.note || null } });
      const meeting = saved.recordResidenceMeeting;
      setNotice(t('meetingSaved', { date: formatDate(meeting.heldOn), present: meeting.presentCount, absent: meeting.absentCount }));
      form.reset({ heldOn: today, presentMemberIds: [], note: '' });
    } catch (error) {
      setNotice(null);
      showServerError(form, error);
    }
  });
  const columns = useMemo<Column<ResidenceMeetingRow>[]>(
    () => [
      { header: t('heldOn'), cell: (row) => formatDate(row.heldOn), sortValue: (row) => row.heldOn },
      { header: t('halfYear'), cell: (row) => halfLabel(row.halfYear) },
      { header: t('presentCount'), cell: (row) => row.presentCount, numeric: true },
      { header: t('absentCount'), cell: (row) => row.absentCount, numeric: true },
      { header: t('note'), cell: (row) => row.note ?? '' },
    ],
    // halfLabel only reads t.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t],
  );
  return (
    <>
      <Section title={t('meetingsTitle')}>
        <p>{t('meetingsIntro')}</p>
        {notice ? (
          <Alert tone="success" live="status">
            <span data-testid="residence-notice">{notice}</span>
          </Alert>
        ) : null}
        {thisHalf ? <Alert tone="info">{t('meetingThisHalf', { half: halfLabel(thisHalf.halfYear), date: formatDate(thisHalf.heldOn) })}</Alert> : null}
        <FormProvider {...form}>
          <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="residence-meeting-form">
            <h3 className="dv-form__heading">{t('meetingFormTitle')}</h3>
            <TextField<MeetingForm> name="heldOn" type="date" label={t('heldOn')} max={today} />
            <fieldset className="dv-choice" aria-describedby="residence-present-hint">
              <legend>{t('presentLegend')}</legend>
              <small id="residence-present-hint" className="dv-field__hint dv-block">
                {t('presentHint')}
              </small>
              {members.length === 0 ? <p className="dv-empty">{t('nobodyLinked')}</p> : null}
              {members.map((member) => (
                <label key={member.id} className="dv-check">
                  <input type="checkbox" value={member.memberId} {...form.register('presentMemberIds')} />
                  {member.memberName}
                </label>
              ))}
            </fieldset>
            <TextAreaField<MeetingForm> name="note" label={t('meetingNote')} hint={t('meetingNoteHint')} rows={3} />
            <FormError />
            <div className="dv-form__actions">
              <Button type="submit" disabled={form.formState.isSubmitting} data-testid="residence-meeting-submit">
                {form.formState.isSubmitting ? t('common.saving', { ns: 'translation' }) : t('saveMeeting')}
              </Button>
            </div>
          </form>
        </FormProvider>
      </Section>
      <Section title={t('meetingsListTitle')}>
        <DataTable testId="residence-meetings" exportFileName="quy-dinh-213-hop-6-thang" caption={t('meetingsCaption')} columns={columns} rows={meetings} rowKey={(row) => row.id} emptyText={t('meetingsNone')} />
      </Section>
    </>
  );
}
