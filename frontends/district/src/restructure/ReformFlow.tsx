import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, DataTable, Facts, formatDate, FormError, FormProvider, todayInVietnam, showServerError, TextField, useLabels, useMutation, useSchemaForm } from '@dangvien/ui';
import { sortUnits } from '../tree/tree.ts';
import { RestructureProgress } from './OperationResult.tsx';
import { APPLY_REFORM, type RestructureUnit } from './queries.ts';
import { reformSchema, type ReformValues } from './schemas.ts';

/**
 * The 2025 reform of one district (applyProvinceReform): its grassroots organizations go directly
 * under the province and the district ends, on one date, as one operation. Form, preview, pending, result.
 */
export function ReformFlow({ district, province, onClose }: { district: RestructureUnit; province: { id: string; name: string }; onClose: () => void }) {
  const { t } = useTranslation('district.tree');
  const labels = useLabels();
  const form = useSchemaForm<ReformValues>(reformSchema, { effectiveDate: todayInVietnam(), decisionNumber: '' });
  const [step, setStep] = useState<'edit' | 'preview'>('edit');
  const [operationId, setOperationId] = useState<string | null>(null);
  const reform = useMutation(APPLY_REFORM);
  const moving = sortUnits(district.children.filter((child) => child.kind === 'GRASSROOTS_COMMITTEE' || child.kind === 'GRASSROOTS_CELL'));

  const confirm = async () => {
    const values = form.getValues();
    try {
      const answer = await reform.mutateAsync({ input: { districtId: district.id, effectiveDate: values.effectiveDate, decisionNumber: values.decisionNumber.trim() } });
      setOperationId(answer.applyProvinceReform.id);
    } catch (error) {
      setStep('edit');
      showServerError(form, error, (where) => (where.field === 'effectiveDate' || where.field === 'decisionNumber' ? where.field : undefined));
    }
  };

  if (operationId) return <RestructureProgress operationId={operationId} resultUnitId={province.id} action="reform" onClose={onClose} />;
  return (
    <FormProvider {...form}>
      <form className="dv-form" noValidate data-testid="unit-reform-form" onSubmit={(event) => void form.handleSubmit(() => setStep('preview'))(event)}>
        <div className={step === 'edit' ? 'dv-form' : 'district-tree__hidden'} hidden={step !== 'edit'}>
          <TextField<ReformValues> name="effectiveDate" type="date" label={t('fields.effectiveDate')} hint={t('fields.reformDateHint')} />
          <TextField<ReformValues> name="decisionNumber" label={t('fields.decisionNumber')} hint={t('fields.decisionHint')} autoComplete="off" />
          <FormError />
          <div className="dv-form__actions">
            <Button type="submit" data-testid="restructure-preview-open">
              {t('preview.button')}
            </Button>
          </div>
        </div>
        {step === 'preview' ? (
          <div data-testid="restructure-preview">
            <h3>{t('preview.title')}</h3>
            <Facts
              items={[{ label: t('preview.decision'), value: t('preview.decisionLine', { number: form.getValues('decisionNumber').trim(), date: formatDate(form.getValues('effectiveDate')) }) }]}
            />
            <p>{t('preview.reformEnds', { name: district.name, province: province.name })}</p>
            <DataTable
              caption={t('preview.reformCaption', { name: province.name })}
              columns={[
                { header: t('preview.unit'), cell: (row) => <span data-testid="restructure-preview-unit">{row.name}</span> },
                { header: t('unit.kind'), cell: (row) => labels.orgUnitKind(row.kind) },
                { header: t('unit.members'), numeric: true, cell: (row) => row.memberCount },
              ]}
              rows={moving}
              rowKey={(row) => row.id}
            />
            <p>{t('preview.note')}</p>
            <div className="dv-form__actions">
              <Button variant="secondary" onClick={() => setStep('edit')} disabled={reform.isPending} data-testid="restructure-preview-back">
                {t('preview.back')}
              </Button>
              <Button variant="danger" onClick={() => void confirm()} disabled={reform.isPending} data-testid="restructure-confirm">
                {reform.isPending ? t('preview.saving') : t('preview.confirm', { action: t('actionName.reform') })}
              </Button>
            </div>
          </div>
        ) : null}
      </form>
    </FormProvider>
  );
}
