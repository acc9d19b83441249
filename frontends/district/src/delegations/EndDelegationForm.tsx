import { useTranslation } from 'react-i18next';
import { Button, FormError, FormProvider, showServerError, TextField, useMutation, useSchemaForm } from '@dangvien/ui';
import { END_DELEGATION, type DelegationDetail } from './queries.ts';
import { endSchema, todayInVietnam, type EndForm } from './schemas.ts';

/** Kết thúc hoạt động của đoàn: from a date, by a decision of the assigning committee. */
export function EndDelegationForm({ delegation, onDone }: { delegation: DelegationDetail; onDone: (message: string) => void }) {
  const { t } = useTranslation('district.delegations');
  const form = useSchemaForm<EndForm>(endSchema, { endsOn: todayInVietnam(), decisionNumber: '' });
  const end = useMutation(END_DELEGATION);
  const submit = form.handleSubmit(async (values) => {
    try {
      await end.mutateAsync({ input: { id: delegation.id, endsOn: values.endsOn, decisionNumber: values.decisionNumber.trim() } });
      onDone(t('form.saved'));
    } catch (error) {
      showServerError(form, error, (where) => (where.field === 'endsOn' || where.field === 'decisionNumber' ? where.field : undefined));
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="delegation-end-form">
        <TextField<EndForm> name="endsOn" type="date" label={t('form.endsOn')} hint={t('form.endsOnHint')} />
        <TextField<EndForm> name="decisionNumber" label={t('form.endDecision')} autoComplete="off" />
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid="delegation-end-submit">
            {form.formState.isSubmitting ? t('form.saving') : t('form.endSubmit')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
