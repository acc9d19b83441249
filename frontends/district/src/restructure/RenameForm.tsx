import { useTranslation } from 'react-i18next';
import { Button, FormError, FormProvider, todayInVietnam, showServerError, TextField, useMutation, useSchemaForm } from '@dangvien/ui';
import { RENAME_UNIT } from './queries.ts';
import { renameSchema, type RenameValues } from './schemas.ts';

/** Đổi tên: a new name from a date, by a decision; the old name stays in the unit's history. */
export function RenameForm({ unit, onDone }: { unit: { id: string; name: string }; onDone: (message: string) => void }) {
  const { t } = useTranslation('district.tree');
  const form = useSchemaForm<RenameValues>(renameSchema(unit.name), { name: unit.name, effectiveDate: todayInVietnam(), decisionNumber: '' });
  const rename = useMutation(RENAME_UNIT);
  const submit = form.handleSubmit(async (values) => {
    try {
      await rename.mutateAsync({ input: { id: unit.id, name: values.name.trim(), effectiveDate: values.effectiveDate, decisionNumber: values.decisionNumber.trim() } });
      onDone(t('unit.renamed', { name: values.name.trim() }));
    } catch (error) {
      showServerError(form, error, (where) => (where.field === 'id' ? undefined : (where.field as keyof RenameValues | undefined)));
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="unit-rename-form">
        <TextField<RenameValues> name="name" label={t('fields.newName')} autoComplete="off" />
        <TextField<RenameValues> name="effectiveDate" type="date" label={t('fields.effectiveDate')} hint={t('fields.renameDateHint')} />
        <TextField<RenameValues> name="decisionNumber" label={t('fields.decisionNumber')} hint={t('fields.decisionHint')} autoComplete="off" />
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid="unit-rename-submit">
            {form.formState.isSubmitting ? t('preview.saving') : t('unit.rename')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
