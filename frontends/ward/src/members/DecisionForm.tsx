import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormError, FormProvider, SelectField, TextAreaField, TextField, formatDate, showServerError, useMutation, useSchemaForm } from '@dangvien/ui';
import type { MemberStatus } from '../generated/graphql.ts';
import { defaultDecisionDate, officialWindow, todayInVietnam, type Action } from './lifecycle.ts';
import { RECORD_MEMBER_EVENT, type WardMemberRecord } from './queries.ts';
import { DISCIPLINE_LEVELS, eventInput, eventSchema, type EventForm } from './schemas.ts';

/** The server's fields of recordMemberEvent, as boxes of this form; "kind" (the rule itself) goes above the button. */
const FIELD_OF: Record<string, keyof EventForm> = {
  occurredOn: 'occurredOn',
  decisionNumber: 'decisionNumber',
  'details.disciplineLevel': 'disciplineLevel',
  'details.reason': 'reason',
};

/** One decision about the member, sent as it is; a refusal (the Charter's rule, in the server's words) stays in the form. */
export function DecisionForm({ member, action, onDone, onCancel }: { member: WardMemberRecord; action: Action; onDone: (status: MemberStatus) => void; onCancel: () => void }) {
  const { t } = useTranslation('ward.members');
  const today = todayInVietnam();
  const schema = useMemo(() => eventSchema(today), [today]);
  const form = useSchemaForm<EventForm>(schema, {
    kind: action,
    occurredOn: defaultDecisionDate(action, member.admittedOn, today),
    decisionNumber: '',
    disciplineLevel: '',
    reason: '',
  });
  const record = useMutation(RECORD_MEMBER_EVENT);
  const submit = form.handleSubmit(async (values) => {
    try {
      const result = await record.mutateAsync({ input: eventInput(member.id, values) });
      onDone(result.recordMemberEvent.status);
    } catch (error) {
      showServerError(form, error, (where) => (where.field ? FIELD_OF[where.field] : undefined));
    }
  });
  const probation = action === 'OFFICIAL' && member.admittedOn ? officialWindow(member.admittedOn) : null;
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="decision-form" data-action={action}>
        {probation && member.admittedOn ? (
          <p data-testid="decision-official-hint">{t('form.officialHint', { admitted: formatDate(member.admittedOn), from: formatDate(probation.from), to: formatDate(probation.to) })}</p>
        ) : null}
        <TextField<EventForm> name="occurredOn" label={action === 'DIED' ? t('form.occurredOnDIED') : t('form.occurredOn')} type="date" max={today} />
        {action !== 'DIED' ? <TextField<EventForm> name="decisionNumber" label={t('form.decisionNumber')} hint={t('form.decisionHint')} autoComplete="off" /> : null}
        {action === 'DISCIPLINE' ? (
          <SelectField<EventForm>
            name="disciplineLevel"
            label={t('form.disciplineLevel')}
            options={[{ value: '', label: t('choose') }, ...DISCIPLINE_LEVELS.map((level) => ({ value: level, label: t(`discipline.${level}`) }))]}
          />
        ) : null}
        <TextAreaField<EventForm> name="reason" label={t('form.reason')} rows={3} />
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" variant={action === 'OFFICIAL' || action === 'ADMITTED' || action === 'REINSTATED' || action === 'EXEMPT_ENDED' ? 'primary' : 'danger'} disabled={form.formState.isSubmitting} data-testid="decision-submit">
            {form.formState.isSubmitting ? t('form.saving') : t('form.submit')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
