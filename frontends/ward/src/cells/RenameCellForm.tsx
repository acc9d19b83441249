import { useTranslation } from 'react-i18next';
import { Button, formatDate, FormError, FormProvider, showServerError, TextField, useMutation, useSchemaForm } from '@dangvien/ui';
import { todayInVietnam, type CellRow } from './cells.ts';
import { RENAME_CELL } from './queries.ts';
import { renameCellSchema, type RenameCellForm as Values } from './schemas.ts';

/** Đổi tên: a new name from a date, by a decision; the old name stays in the cell's history. */
export function RenameCellForm({ cell, onDone }: { cell: CellRow; onDone: (message: string) => void }) {
  const { t } = useTranslation('ward.cells');
  const form = useSchemaForm<Values>(renameCellSchema(cell.name), { name: cell.name, effectiveDate: todayInVietnam(), decisionNumber: '' });
  const rename = useMutation(RENAME_CELL);
  const submit = form.handleSubmit(async (values) => {
    try {
      await rename.mutateAsync({ input: { id: cell.id, name: values.name.trim(), effectiveDate: values.effectiveDate, decisionNumber: values.decisionNumber.trim() } });
      onDone(t('renamed', { name: values.name.trim(), date: formatDate(values.effectiveDate) }));
    } catch (error) {
      showServerError(form, error, (where) => (where.field === 'id' ? undefined : (where.field as keyof Values | undefined)));
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="cells-rename-form">
        <TextField<Values> name="name" label={t('fields.newName')} autoComplete="off" />
        <TextField<Values> name="effectiveDate" type="date" label={t('fields.effectiveDate')} hint={t('fields.renameDateHint')} />
        <TextField<Values> name="decisionNumber" label={t('fields.decisionNumber')} hint={t('fields.decisionHint')} autoComplete="off" />
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid="cells-rename-submit">
            {form.formState.isSubmitting ? t('saving') : t('submitRename')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
