import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ChecksField, DataTable, Facts, formatDate, FormError, FormProvider, todayInVietnam, SelectField, showServerError, TextField, useMutation, useSchemaForm, useWatch } from '@dangvien/ui';
import { sortUnits } from '../tree/tree.ts';
import { RestructureProgress } from './OperationResult.tsx';
import { MERGE_UNITS, type ChildUnit, type RestructureUnit } from './queries.ts';
import { mergeSchema, type MergeValues } from './schemas.ts';

/**
 * Sáp nhập sub-units of a unit (cells of a ward, wards of a district): the form, a preview of which
 * units end and how many members move where, then the pending operation, then the units after it.
 */
export function MergeFlow({ parent, onClose }: { parent: RestructureUnit; onClose: () => void }) {
  const { t } = useTranslation('district.tree');
  const children = sortUnits(parent.children);
  const form = useSchemaForm<MergeValues>(mergeSchema, { ids: [], intoId: '', effectiveDate: todayInVietnam(), decisionNumber: '' });
  const [step, setStep] = useState<'edit' | 'preview'>('edit');
  const [operationId, setOperationId] = useState<string | null>(null);
  const merge = useMutation(MERGE_UNITS);
  const [ids, intoId] = useWatch({ control: form.control, name: ['ids', 'intoId'] });
  const merged = children.filter((child) => ids.includes(child.id));
  const into = children.find((child) => child.id === intoId);

  const confirm = async () => {
    const values = form.getValues();
    try {
      const answer = await merge.mutateAsync({ input: { ids: values.ids, intoId: values.intoId, effectiveDate: values.effectiveDate, decisionNumber: values.decisionNumber.trim() } });
      setOperationId(answer.mergeOrgUnits.id);
    } catch (error) {
      // Back to the form, the server's message next to the field it names; nothing has changed.
      setStep('edit');
      showServerError(form, error, (where) => (where.field === 'successorId' ? 'intoId' : where.field === 'id' ? 'ids' : (where.field as keyof MergeValues | undefined)));
    }
  };

  if (operationId) return <RestructureProgress operationId={operationId} resultUnitId={parent.id} action="merge" onClose={onClose} />;
  return (
    <FormProvider {...form}>
      <form className="dv-form" noValidate data-testid="unit-merge-form" onSubmit={(event) => void form.handleSubmit(() => setStep('preview'))(event)}>
        <div className={step === 'edit' ? 'dv-form' : 'district-tree__hidden'} hidden={step !== 'edit'}>
          <ChecksField<MergeValues> name="ids" label={t('fields.merged')} options={children.map((child) => ({ value: child.id, label: child.name }))} />
          <SelectField<MergeValues>
            name="intoId"
            label={t('fields.into')}
            options={[{ value: '', label: t('fields.pickUnit') }, ...children.filter((child) => !ids.includes(child.id)).map((child) => ({ value: child.id, label: child.name }))]}
          />
          <TextField<MergeValues> name="effectiveDate" type="date" label={t('fields.effectiveDate')} hint={t('fields.mergeDateHint')} />
          <TextField<MergeValues> name="decisionNumber" label={t('fields.decisionNumber')} hint={t('fields.decisionHint')} autoComplete="off" />
          <FormError />
          <div className="dv-form__actions">
            <Button type="submit" data-testid="restructure-preview-open">
              {t('preview.button')}
            </Button>
          </div>
        </div>
        {step === 'preview' && into ? (
          <>
            <MergePreview merged={merged} into={into} decisionNumber={form.getValues('decisionNumber')} effectiveDate={form.getValues('effectiveDate')} />
            <div className="dv-form__actions">
              <Button variant="secondary" onClick={() => setStep('edit')} disabled={merge.isPending} data-testid="restructure-preview-back">
                {t('preview.back')}
              </Button>
              <Button variant="danger" onClick={() => void confirm()} disabled={merge.isPending} data-testid="restructure-confirm">
                {merge.isPending ? t('preview.saving') : t('preview.confirm', { action: t('actionName.merge') })}
              </Button>
            </div>
          </>
        ) : null}
      </form>
    </FormProvider>
  );
}

function MergePreview(props: { merged: readonly ChildUnit[]; into: ChildUnit; decisionNumber: string; effectiveDate: string }) {
  const { merged, into, decisionNumber, effectiveDate } = props;
  const { t } = useTranslation('district.tree');
  const moving = merged.reduce((sum, unit) => sum + unit.memberCount, 0);
  // Sub-units of the merged units go under the unit they merge into, in the same operation.
  const withSubUnits = merged.filter((unit) => unit.children.length > 0);
  return (
    <div data-testid="restructure-preview">
      <h3>{t('preview.title')}</h3>
      <Facts items={[{ label: t('preview.decision'), value: t('preview.decisionLine', { number: decisionNumber.trim(), date: formatDate(effectiveDate) }) }]} />
      <DataTable
        caption={t('preview.mergeCaption', { name: into.name })}
        columns={[
          { header: t('preview.unit'), cell: (row) => <span data-testid="restructure-preview-unit">{row.name}</span> },
          { header: t('preview.members'), numeric: true, cell: (row) => row.memberCount },
          { header: t('preview.subUnits'), numeric: true, cell: (row) => row.children.length },
        ]}
        rows={merged}
        rowKey={(row) => row.id}
      />
      <p data-testid="restructure-preview-total">{t('preview.total', { name: into.name, count: into.memberCount + moving })}</p>
      {withSubUnits.map((unit) => (
        <p key={unit.id} data-testid="restructure-preview-sub-units">
          {t('preview.hasChildren', { name: unit.name, count: unit.children.length, into: into.name })}
        </p>
      ))}
      <p>{t('preview.note')}</p>
    </div>
  );
}
