import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormError, FormProvider, TextAreaField, showServerError, useMutation, useSchemaForm } from '@dangvien/ui';
import { REOPEN_REVIEW_CYCLE } from './queries.ts';
import { reopenInput, reopenSchema, type ReopenForm } from './reopen.ts';

/** Mở lại kỳ đánh giá: a closed cycle is opened again with a reason; a refusal (closed by the level above) stays in the form. */
export function ReopenCycle({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation('ward.grading');
  const [asking, setAsking] = useState(false);
  const form = useSchemaForm<ReopenForm>(reopenSchema, { reason: '' });
  const reopen = useMutation(REOPEN_REVIEW_CYCLE);
  const submit = form.handleSubmit(async (values) => {
    try {
      await reopen.mutateAsync({ input: reopenInput(cycleId, values) });
    } catch (error) {
      showServerError(form, error, (where) => (where.field === 'reason' ? 'reason' : undefined));
    }
  });
  if (!asking) {
    return (
      <Button variant="secondary" data-testid="grading-reopen" onClick={() => setAsking(true)}>
        {t('reopen.action')}
      </Button>
    );
  }
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="grading-reopen-form">
        <p>{t('reopen.intro')}</p>
        <TextAreaField<ReopenForm> name="reason" label={t('reopen.reason')} hint={t('reopen.reasonHint')} rows={3} />
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid="grading-reopen-submit">
            {form.formState.isSubmitting ? t('reopen.saving') : t('reopen.submit')}
          </Button>
          <Button variant="secondary" onClick={() => setAsking(false)}>
            {t('reopen.cancel')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
