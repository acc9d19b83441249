import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, DataTable, Facts, formatDate, OperationTracker, useQuery, type Column } from '@dangvien/ui';
import { movesByTarget, placedNow, type Move } from './cells.ts';
import { WARD_CELL_MEMBERS, type CellRoster } from './queries.ts';

export type RestructureAction = 'dissolve' | 'merge' | 'split';

/** Before confirming: who moves where, grouped by the cell they go to, and the decision. */
export function MovesPreview({ moves, decisionNumber, effectiveDate }: { moves: readonly Move[]; decisionNumber: string; effectiveDate: string }) {
  const { t } = useTranslation('ward.cells');
  const columns: Column<Move>[] = [
    { header: t('member'), cell: (move) => <span data-testid="cells-preview-member">{move.member.fullName}</span> },
    { header: t('from'), cell: (move) => move.fromName },
    { header: t('to'), cell: (move) => move.toName },
  ];
  return (
    <div data-testid="cells-preview" data-count={moves.length}>
      <h3>{t('previewTitle', { count: moves.length })}</h3>
      <Facts items={[{ label: t('decision'), value: t('decisionLine', { number: decisionNumber.trim(), date: formatDate(effectiveDate) }) }]} />
      {moves.length === 0 ? <p className="dv-empty">{t('previewNone')}</p> : null}
      {movesByTarget(moves).map((group) => (
        <DataTable
          key={group.toName}
          caption={t('movesCaption', { name: group.toName, count: group.moves.length })}
          columns={columns}
          rows={group.moves}
          rowKey={(move) => move.member.id}
        />
      ))}
      <p>{t('previewNote')}</p>
    </div>
  );
}

/**
 * After confirming: the operation is pending until every subgraph has applied its part (the kit's
 * tracker), then where each moved member does party activity now.
 */
export function OperationProgress(props: { operationId: string; committeeId: string; action: RestructureAction; moves: readonly Move[]; onClose: () => void }) {
  const { operationId, committeeId, action, moves, onClose } = props;
  return (
    <OperationTracker
      operationId={operationId}
      testIdPrefix="cells"
      result={(times) => <OperationResult committeeId={committeeId} action={action} moves={moves} onClose={onClose} times={times} />}
    />
  );
}

/** The members' cells read again once the operation is complete (not the cached list from before). */
function OperationResult(props: { committeeId: string; action: RestructureAction; moves: readonly Move[]; onClose: () => void; times: ReactNode }) {
  const { committeeId, action, moves, onClose, times } = props;
  const { t } = useTranslation('ward.cells');
  const rosters = useQuery(WARD_CELL_MEMBERS, { id: committeeId }, { enabled: false });
  const [result, setResult] = useState<readonly CellRoster[] | null>(null);
  const { refetch } = rosters;
  useEffect(() => {
    void refetch().then((answer) => setResult(answer.data?.orgUnit?.children ?? []));
  }, [refetch]);
  if (!result) return null;
  const placed = placedNow(moves, result);
  type Placed = (typeof placed)[number];
  const columns: Column<Placed>[] = [
    { header: t('member'), cell: (row) => row.member.fullName },
    { header: t('nowIn'), cell: (row) => <span data-testid="cells-result-cell">{row.now?.name ?? t('notPlaced')}</span> },
  ];
  return (
    <div data-testid="cells-result">
      <Alert tone="success" live="status" title={t('doneTitle', { action: t(`actionName.${action}`) })} />
      {times}
      <DataTable caption={t('resultCaption', { count: placed.length })} columns={columns} rows={placed} rowKey={(row) => row.member.id} />
      <div className="dv-form__actions">
        <Button onClick={onClose} data-testid="cells-result-close">
          {t('close')}
        </Button>
      </div>
    </div>
  );
}
