import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  FormError,
  FormProvider,
  QueryBoundary,
  SelectField,
  showServerError,
  TextField,
  useFieldArray,
  useMutation,
  useQuery,
  useSchemaForm,
  useWatch,
} from '@dangvien/ui';
import { activeMembersOf, todayInVietnam, splitMoves, type CellRow, type Move } from './cells.ts';
import { MovesPreview, OperationProgress } from './OperationSteps.tsx';
import { SPLIT_CELL, WARD_CELL_MEMBERS, type CellRoster } from './queries.ts';
import { splitCellSchema, type SplitCellForm as Values } from './schemas.ts';

/** Chia tách: the cell ends and new cells replace it; each member and party group goes to one of them. */
export function SplitFlow({ committeeId, cell, onClose }: { committeeId: string; cell: CellRow; onClose: () => void }) {
  const rosters = useQuery(WARD_CELL_MEMBERS, { id: committeeId });
  return (
    <QueryBoundary query={rosters}>
      {(data) => <SplitSteps committeeId={committeeId} cell={cell} roster={data.orgUnit?.children.find((child) => child.id === cell.id)} onClose={onClose} />}
    </QueryBoundary>
  );
}

function SplitSteps({ committeeId, cell, roster, onClose }: { committeeId: string; cell: CellRow; roster: CellRoster | undefined; onClose: () => void }) {
  const { t } = useTranslation('ward.cells');
  const members = activeMembersOf(roster);
  const form = useSchemaForm<Values>(splitCellSchema, {
    effectiveDate: todayInVietnam(),
    decisionNumber: '',
    parts: [
      { code: `${cell.code}A`, name: `${cell.name}A` },
      { code: `${cell.code}B`, name: `${cell.name}B` },
    ],
    remainingPart: '0',
    members: members.map((member) => ({ memberId: member.id, part: '' })),
    subUnits: cell.subUnits.map((unit) => ({ unitId: unit.id, part: '' })),
  });
  const parts = useFieldArray({ control: form.control, name: 'parts' });
  const [step, setStep] = useState<'edit' | 'preview'>('edit');
  const [operationId, setOperationId] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState<readonly Move[]>([]);
  const split = useMutation(SPLIT_CELL);
  const [partValues, remainingPart, memberValues] = useWatch({ control: form.control, name: ['parts', 'remainingPart', 'members'] });
  const assignment = Object.fromEntries(memberValues.map((row) => [row.memberId, row.part]));
  const moves = splitMoves(roster, partValues, assignment, Number(remainingPart));
  const partName = (index: number) => partValues[index]?.name || t('fields.newPart', { n: index + 1 });
  const partOptions = partValues.map((_part, index) => ({ value: String(index), label: partName(index) }));

  const confirm = async () => {
    const values = form.getValues();
    setConfirmed(moves);
    const remaining = Number(values.remainingPart);
    try {
      const result = await split.mutateAsync({
        input: {
          id: cell.id,
          effectiveDate: values.effectiveDate,
          decisionNumber: values.decisionNumber.trim(),
          parts: values.parts.map((part, index) => ({
            code: part.code.trim(),
            name: part.name.trim(),
            childIds: values.subUnits.filter((unit) => unit.part === String(index)).map((unit) => unit.unitId),
            memberIds: index === remaining ? [] : values.members.filter((row) => row.part === String(index)).map((row) => row.memberId),
            receivesRemainingMembers: index === remaining,
          })),
        },
      });
      setOperationId(result.splitOrgUnit.id);
    } catch (error) {
      setStep('edit');
      showServerError(form, error, (where) => (where.field === 'effectiveDate' || where.field === 'decisionNumber' ? where.field : undefined));
    }
  };

  if (operationId) return <OperationProgress operationId={operationId} committeeId={committeeId} action="split" moves={confirmed} onClose={onClose} />;
  return (
    <FormProvider {...form}>
      <form className="dv-form" noValidate data-testid="cells-split-form" onSubmit={(event) => void form.handleSubmit(() => setStep('preview'))(event)}>
        <div className={step === 'edit' ? 'dv-form' : 'ward-cells__hidden'} hidden={step !== 'edit'}>
          <TextField<Values> name="effectiveDate" type="date" label={t('fields.effectiveDate')} hint={t('fields.effectiveDateHint')} />
          <TextField<Values> name="decisionNumber" label={t('fields.decisionNumber')} hint={t('fields.decisionHint')} autoComplete="off" />
          <h3>{t('fields.parts')}</h3>
          {parts.fields.map((field, index) => (
            <div key={field.id} className="ward-cells__part">
              <TextField<Values> name={`parts.${index}.name`} label={t('fields.partName', { n: index + 1 })} autoComplete="off" />
              <TextField<Values> name={`parts.${index}.code`} label={t('fields.partCode', { n: index + 1 })} autoComplete="off" />
              {parts.fields.length > 2 ? (
                <Button variant="secondary" onClick={() => parts.remove(index)}>
                  {t('fields.removePart', { n: index + 1 })}
                </Button>
              ) : null}
            </div>
          ))}
          {parts.fields.length < 20 ? (
            <div>
              <Button variant="secondary" onClick={() => parts.append({ code: '', name: '' })}>
                {t('fields.addPart')}
              </Button>
            </div>
          ) : null}
          <SelectField<Values> name="remainingPart" label={t('fields.remainingPart')} options={partOptions} />
          {members.map((member, index) => (
            <SelectField<Values>
              key={member.id}
              name={`members.${index}.part`}
              label={t('fields.memberPart', { name: member.fullName })}
              options={[{ value: '', label: t('fields.theRest', { name: partName(Number(remainingPart)) }) }, ...partOptions]}
            />
          ))}
          {cell.subUnits.map((unit, index) => (
            <SelectField<Values>
              key={unit.id}
              name={`subUnits.${index}.part`}
              label={t('fields.subUnitPart', { name: unit.name })}
              options={[{ value: '', label: t('fields.pickCell') }, ...partOptions]}
            />
          ))}
          <FormError />
          <div className="dv-form__actions">
            <Button type="submit" data-testid="cells-preview-open">
              {t('previewButton')}
            </Button>
          </div>
        </div>
        {step === 'preview' ? (
          <>
            <MovesPreview moves={moves} decisionNumber={form.getValues('decisionNumber')} effectiveDate={form.getValues('effectiveDate')} />
            <div className="dv-form__actions">
              <Button variant="secondary" onClick={() => setStep('edit')} disabled={split.isPending} data-testid="cells-preview-back">
                {t('back')}
              </Button>
              <Button variant="danger" onClick={() => void confirm()} disabled={split.isPending} data-testid="cells-confirm">
                {split.isPending ? t('saving') : t('confirm', { action: t('actionName.split') })}
              </Button>
            </div>
          </>
        ) : null}
      </form>
    </FormProvider>
  );
}
