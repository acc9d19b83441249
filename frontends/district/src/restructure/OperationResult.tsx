import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, DataTable, OperationTracker, useLabels, useQuery } from '@dangvien/ui';
import { sortUnits } from '../tree/tree.ts';
import { RESTRUCTURE_UNIT, type ChildUnit } from './queries.ts';

/**
 * After confirming: the kit's tracker shows the operation pending until every subgraph has applied
 * it; then the sub-units of `resultUnitId` read again (not the cached list from before) with their members.
 */
export function RestructureProgress(props: { operationId: string; resultUnitId: string; action: 'merge' | 'reform'; onClose: () => void }) {
  return (
    <OperationTracker
      operationId={props.operationId}
      testIdPrefix="restructure"
      result={(times) => <Result resultUnitId={props.resultUnitId} action={props.action} onClose={props.onClose} times={times} />}
    />
  );
}

function Result(props: { resultUnitId: string; action: 'merge' | 'reform'; onClose: () => void; times: ReactNode }) {
  const { resultUnitId, action, onClose, times } = props;
  const { t } = useTranslation('district.tree');
  const labels = useLabels();
  const unit = useQuery(RESTRUCTURE_UNIT, { id: resultUnitId }, { enabled: false });
  const [after, setAfter] = useState<{ name: string; children: readonly ChildUnit[] } | null>(null);
  const { refetch } = unit;
  useEffect(() => {
    void refetch().then((answer) => setAfter(answer.data?.orgUnit ?? { name: '', children: [] }));
  }, [refetch]);
  if (!after) return null;
  return (
    <div data-testid="restructure-result">
      <Alert tone="success" live="status" title={t('result.done', { action: t(`actionName.${action}`) })} />
      {times}
      <DataTable
        caption={t('result.caption', { name: after.name, count: after.children.length })}
        columns={[
          { header: t('preview.unit'), cell: (row) => <span data-testid="restructure-result-unit">{row.name}</span> },
          { header: t('unit.kind'), cell: (row) => labels.orgUnitKind(row.kind) },
          { header: t('unit.members'), numeric: true, cell: (row) => row.memberCount },
        ]}
        rows={sortUnits(after.children)}
        rowKey={(row) => row.id}
      />
      <div className="dv-form__actions">
        <Button onClick={onClose} data-testid="restructure-result-close">
          {t('result.close')}
        </Button>
      </div>
    </div>
  );
}
