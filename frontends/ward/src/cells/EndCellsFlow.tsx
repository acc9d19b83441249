import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ChecksField, FormError, FormProvider, QueryBoundary, SelectField, showServerError, TextField, useMutation, useQuery, useSchemaForm, useWatch } from '@dangvien/ui';
import { activeMembersOf, destinationsByCell, endMoves, todayInVietnam, type Move } from './cells.ts';
import { MemberDestinations } from './MemberDestinations.tsx';
import { MovesPreview, OperationProgress } from './OperationSteps.tsx';
import { DISSOLVE_CELL, MERGE_CELLS, WARD_CELL_MEMBERS, type CellRoster } from './queries.ts';
import { endCellsErrorPath, endCellsSchema, type EndCellsForm as Values } from './schemas.ts';

type Mode = 'dissolve' | 'merge';

/**
 * Giải thể one cell (cellId) or sáp nhập several: the form, then a preview of who moves where, then
 * the pending operation until every subgraph has applied it, then where the members are now.
 */
export function EndCellsFlow({ mode, committeeId, cellId, onClose }: { mode: Mode; committeeId: string; cellId?: string; onClose: () => void }) {
  const rosters = useQuery(WARD_CELL_MEMBERS, { id: committeeId });
  return (
    <QueryBoundary query={rosters}>
      {(data) => <EndCellsSteps mode={mode} committeeId={committeeId} cellId={cellId} cells={data.orgUnit?.children ?? []} onClose={onClose} />}
    </QueryBoundary>
  );
}

function EndCellsSteps(props: { mode: Mode; committeeId: string; cellId?: string; cells: readonly CellRoster[]; onClose: () => void }) {
  const { mode, committeeId, cellId, cells, onClose } = props;
  const { t } = useTranslation('ward.cells');
  // Giải thể: each active member of the cell, by default to the successor ('').
  const members = mode === 'dissolve' ? activeMembersOf(cells.find((cell) => cell.id === cellId)) : [];
  const form = useSchemaForm<Values>(endCellsSchema(mode), {
    ids: cellId ? [cellId] : [],
    successorId: '',
    members: members.map((member) => ({ memberId: member.id, unitId: '' })),
    effectiveDate: todayInVietnam(),
    decisionNumber: '',
  });
  const [step, setStep] = useState<'edit' | 'preview'>('edit');
  const [operationId, setOperationId] = useState<string | null>(null);
  // Frozen when confirmed: the lists read again afterwards already show the members moved.
  const [confirmed, setConfirmed] = useState<readonly Move[]>([]);
  const dissolve = useMutation(DISSOLVE_CELL);
  const merge = useMutation(MERGE_CELLS);
  const [ids, successorId, memberValues] = useWatch({ control: form.control, name: ['ids', 'successorId', 'members'] });
  const target = cells.find((cell) => cell.id === successorId);
  const named = Object.fromEntries(
    memberValues.flatMap((row) => {
      const cell = cells.find((candidate) => candidate.id === row.unitId);
      return cell ? [[row.memberId, { id: cell.id, name: cell.name }]] : [];
    }),
  );
  const moves = target ? endMoves(cells, ids, { id: target.id, name: target.name }, named) : [];

  const confirm = async () => {
    const values = form.getValues();
    setConfirmed(moves);
    const common = { effectiveDate: values.effectiveDate, decisionNumber: values.decisionNumber.trim() };
    try {
      const id =
        mode === 'dissolve'
          ? (
              await dissolve.mutateAsync({
                input: { id: values.ids[0] ?? '', successorId: values.successorId, destinations: destinationsByCell(values.members, values.successorId), ...common },
              })
            ).dissolveOrgUnit.id
          : (await merge.mutateAsync({ input: { ids: values.ids, intoId: values.successorId, ...common } })).mergeOrgUnits.id;
      setOperationId(id);
    } catch (error) {
      // Back to the form, the server's message next to the field it names; nothing has changed.
      setStep('edit');
      showServerError(form, error, (where) => endCellsErrorPath(mode, where, values.members));
    }
  };

  if (operationId) return <OperationProgress operationId={operationId} committeeId={committeeId} action={mode} moves={confirmed} onClose={onClose} />;
  const busy = dissolve.isPending || merge.isPending;
  const targets = cells.filter((cell) => !ids.includes(cell.id));
  return (
    <FormProvider {...form}>
      <form
        className="dv-form"
        noValidate
        data-testid={`cells-${mode}-form`}
        onSubmit={(event) => void form.handleSubmit(() => setStep('preview'))(event)}
      >
        <div className={step === 'edit' ? 'dv-form' : 'ward-cells__hidden'} hidden={step !== 'edit'}>
          {mode === 'merge' ? <ChecksField<Values> name="ids" label={t('fields.mergedCells')} options={cells.map((cell) => ({ value: cell.id, label: cell.name }))} /> : null}
          {targets.length === 0 ? <p className="dv-empty">{t('noOtherCell')}</p> : null}
          <SelectField<Values>
            name="successorId"
            label={mode === 'merge' ? t('fields.into') : t('fields.successor')}
            options={[{ value: '', label: t('fields.pickCell') }, ...targets.map((cell) => ({ value: cell.id, label: cell.name }))]}
          />
          {mode === 'dissolve' ? <MemberDestinations members={members} cells={targets} successorName={target?.name} /> : null}
          <TextField<Values> name="effectiveDate" type="date" label={t('fields.effectiveDate')} hint={t('fields.effectiveDateHint')} />
          <TextField<Values> name="decisionNumber" label={t('fields.decisionNumber')} hint={t('fields.decisionHint')} autoComplete="off" />
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
              <Button variant="secondary" onClick={() => setStep('edit')} disabled={busy} data-testid="cells-preview-back">
                {t('back')}
              </Button>
              <Button variant="danger" onClick={() => void confirm()} disabled={busy} data-testid="cells-confirm">
                {busy ? t('saving') : t('confirm', { action: t(`actionName.${mode}`) })}
              </Button>
            </div>
          </>
        ) : null}
      </form>
    </FormProvider>
  );
}
