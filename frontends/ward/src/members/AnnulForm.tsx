import { useTranslation } from 'react-i18next';
import { Button, FormError, FormProvider, TextAreaField, showServerError, useMutation, useSchemaForm } from '@dangvien/ui';
import type { MemberStatus } from '../generated/graphql.ts';
import { ANNUL_MEMBER_EVENT, type WardMemberEvent } from './queries.ts';
import { annulInput, annulSchema, type AnnulForm as AnnulValues } from './schemas.ts';

/** Hủy quyết định ghi nhầm: a required reason; a refusal (not the latest event, out of scope) stays in the form. */
export function AnnulForm({ event, onDone, onCancel }: { event: WardMemberEvent; onDone: (status: MemberStatus) => void; onCancel: () => void }) {
  const { t } = useTranslation('ward.members');
  const form = useSchemaForm<AnnulValues>(annulSchema, { reason: '' });
  const annul = useMutation(ANNUL_MEMBER_EVENT);
  const submit = form.handleSubmit(async (values) => {
    try {
      const result = await annul.mutateAsync({ input: annulInput(event.id, values) });
      onDone(result.annulMemberEvent.status);
    } catch (error) {
      // The server names `reason` when it refuses the reason; anything else (eventId) goes above the button.
      showServerError(form, error, (where) => (where.field === 'reason' ? 'reason' : undefined));
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(submitEvent) => void submit(submitEvent)} noValidate data-testid="annul-form">
        <p>{t('annul.intro')}</p>
        <TextAreaField<AnnulValues> name="reason" label={t('annul.reason')} hint={t('annul.reasonHint')} rows={3} />
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" variant="danger" disabled={form.formState.isSubmitting} data-testid="annul-submit">
            {form.formState.isSubmitting ? t('annul.saving') : t('annul.submit')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('annul.cancel')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
