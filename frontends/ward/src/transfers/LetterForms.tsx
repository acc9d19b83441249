import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormError, FormProvider, TextField, showServerError, useMutation, useSchemaForm } from '@dangvien/ui';
import { todayInVietnam } from '../members/lifecycle.ts';
import { END_TEMPORARY_TRANSFER, RECORD_LETTER_PRESENTED, type WardTransfer } from './queries.ts';
import { presentedSchema, returnedSchema } from './schemas.ts';
import { temporaryStart } from './transfers.ts';

interface LetterFormProps {
  transfer: WardTransfer;
  onDone: () => void;
  onCancel: () => void;
}

/** The day the letter was presented at the destination (or confirmed from outside the system). */
export function PresentedForm({ transfer, onDone, onCancel }: LetterFormProps) {
  const { t } = useTranslation('ward.transfers');
  const today = todayInVietnam();
  const schema = useMemo(() => presentedSchema(today, transfer.letterIssuedOn), [today, transfer.letterIssuedOn]);
  const form = useSchemaForm<{ presentedOn: string }>(schema, { presentedOn: today });
  const record = useMutation(RECORD_LETTER_PRESENTED);
  const submit = form.handleSubmit(async (values) => {
    try {
      await record.mutateAsync({ input: { transferId: transfer.id, presentedOn: values.presentedOn } });
      onDone();
    } catch (error) {
      showServerError(form, error, (where) => (where.field === 'presentedOn' ? 'presentedOn' : undefined));
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="transfer-present-form">
        <p>{transfer.direction === 'WITHIN' ? t('present.hintWithin') : t('present.hintOut')}</p>
        <TextField<{ presentedOn: string }> name="presentedOn" label={t('present.presentedOn')} type="date" min={transfer.letterIssuedOn} max={today} />
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid="transfer-present-submit">
            {form.formState.isSubmitting ? t('saving') : t('present.submit')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('cancel')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}

/** The day a member came back from a temporary stay. */
export function EndTemporaryForm({ transfer, onDone, onCancel }: LetterFormProps) {
  const { t } = useTranslation('ward.transfers');
  const today = todayInVietnam();
  const started = temporaryStart(transfer);
  const schema = useMemo(() => returnedSchema(today, started), [today, started]);
  const form = useSchemaForm<{ returnedOn: string }>(schema, { returnedOn: today });
  const end = useMutation(END_TEMPORARY_TRANSFER);
  const submit = form.handleSubmit(async (values) => {
    try {
      await end.mutateAsync({ input: { transferId: transfer.id, returnedOn: values.returnedOn } });
      onDone();
    } catch (error) {
      showServerError(form, error, (where) => (where.field === 'returnedOn' ? 'returnedOn' : undefined));
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="transfer-end-form">
        <p>{t('end.hint')}</p>
        <TextField<{ returnedOn: string }> name="returnedOn" label={t('end.returnedOn')} type="date" max={today} />
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid="transfer-end-submit">
            {form.formState.isSubmitting ? t('saving') : t('end.submit')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('cancel')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
