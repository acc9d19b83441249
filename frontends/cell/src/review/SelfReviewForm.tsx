import { useTranslation } from 'react-i18next';
import { Button, FormError, FormProvider, showServerError, TextAreaField, useMutation, useSchemaForm } from '@dangvien/ui';
import { SUBMIT_SELF_REVIEW } from './queries.ts';
import { selfReviewSchema, type SelfReviewForm as Values } from './schemas.ts';

/** Bản tự kiểm điểm of one member, entered by the secretary on the member's behalf. */
export function SelfReviewForm(props: { cycleId: string; member: { id: string; fullName: string }; content: string | undefined; onDone: (message: string) => void }) {
  const { cycleId, member, content, onDone } = props;
  const { t } = useTranslation('cell.review');
  const form = useSchemaForm(selfReviewSchema, { content: content ?? '' });
  const mutation = useMutation(SUBMIT_SELF_REVIEW);
  const submit = form.handleSubmit(async (values: Values) => {
    try {
      await mutation.mutateAsync({ input: { cycleId, memberId: member.id, content: values.content.trim() } });
      onDone(t('selfReviewSaved', { name: member.fullName }));
    } catch (error) {
      showServerError(form, error, (where) => (where.field === 'content' ? 'content' : undefined));
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="self-review-form">
        <TextAreaField<Values> name="content" label={t('selfReviewContent')} hint={t('selfReviewHint')} rows={8} />
        <FormError />
        <div className="dv-form__actions dv-sticky-actions">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? t('common.saving', { ns: 'translation' }) : t('common.save', { ns: 'translation' })}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
