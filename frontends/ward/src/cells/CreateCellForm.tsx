import { useTranslation } from 'react-i18next';
import { Button, formatDate, FormError, FormProvider, SelectField, showServerError, TextField, useMutation, useSchemaForm } from '@dangvien/ui';
import { todayInVietnam } from './cells.ts';
import { CREATE_CELL } from './queries.ts';
import { CELL_CATEGORIES, createCellSchema, RESIDENTIAL_AREAS, type CreateCellForm as Values } from './schemas.ts';

/** Thành lập: a new cell under the committee from a date, by a decision. */
export function CreateCellForm({ committeeId, onDone }: { committeeId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation('ward.cells');
  const form = useSchemaForm<Values>(createCellSchema, { code: '', name: '', category: 'RESIDENTIAL', residentialArea: '', establishedOn: todayInVietnam(), decisionNumber: '' });
  const create = useMutation(CREATE_CELL);
  const submit = form.handleSubmit(async (values) => {
    try {
      const result = await create.mutateAsync({
        input: {
          parentId: committeeId,
          kind: 'CELL',
          code: values.code.trim(),
          name: values.name.trim(),
          category: values.category || null,
          residentialArea: values.residentialArea || null,
          establishedOn: values.establishedOn,
          decisionNumber: values.decisionNumber.trim(),
        },
      });
      onDone(t('created', { name: result.createOrgUnit.name, date: formatDate(values.establishedOn) }));
    } catch (error) {
      // The parent is fixed here: a refusal about it goes above the button.
      showServerError(form, error, (where) => (where.field === 'parentId' ? undefined : (where.field as keyof Values | undefined)));
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="cells-create-form">
        <TextField<Values> name="name" label={t('fields.name')} autoComplete="off" />
        <TextField<Values> name="code" label={t('fields.code')} hint={t('fields.codeHint')} autoComplete="off" />
        <SelectField<Values>
          name="category"
          label={t('fields.category')}
          options={[{ value: '', label: t('fields.categoryNone') }, ...CELL_CATEGORIES.map((value) => ({ value, label: t(`category.${value}`) }))]}
        />
        <SelectField<Values>
          name="residentialArea"
          label={t('fields.residentialArea')}
          hint={t('fields.residentialAreaHint')}
          options={[{ value: '', label: t('fields.categoryNone') }, ...RESIDENTIAL_AREAS.map((value) => ({ value, label: t(`residentialArea.${value}`) }))]}
        />
        <TextField<Values> name="establishedOn" type="date" label={t('fields.establishedOn')} />
        <TextField<Values> name="decisionNumber" label={t('fields.decisionNumber')} hint={t('fields.decisionHint')} autoComplete="off" />
        <FormError />
        <div className="dv-form__actions">
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid="cells-create-submit">
            {form.formState.isSubmitting ? t('saving') : t('submitCreate')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
