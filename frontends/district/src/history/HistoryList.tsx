import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, DataTable, formatDate, QueryBoundary, Toolbar, useQuery, type Column } from '@dangvien/ui';
import { ISO_DATE } from '../tree/tree.ts';
import { HISTORY_PAGE, RESTRUCTURINGS, type Restructuring, type RestructuringChange } from './queries.ts';

/** Lịch sử sắp xếp tổ chức of a unit's subtree: one row per decision and day, newest first, exportable. */
export function HistoryList({ unitId, unitName }: { unitId: string; unitName: string }) {
  const { t } = useTranslation('district.tree');
  const id = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const query = useQuery(RESTRUCTURINGS, { unitId, from: from || null, to: to || null, first: HISTORY_PAGE }, { keepPrevious: true });
  const columns: Column<Restructuring>[] = [
    { header: t('historyDate'), cell: (row) => formatDate(row.effectiveDate), sortValue: (row) => row.effectiveDate },
    { header: t('historyDecision'), cell: (row) => <span data-testid="history-decision">{row.decisionNumber ?? t('noDecision')}</span> },
    { header: t('historyKind'), cell: (row) => <span data-testid="history-kind">{t(`restructuringKind.${row.kind}`)}</span> },
    { header: t('historyChanges'), cell: (row) => <ChangeList changes={row.changes} /> },
    {
      header: t('historyStatus'),
      cell: (row) =>
        row.operations.length === 0 ? '' : row.operations.every((operation) => operation.status === 'COMPLETED') ? (
          <Badge tone="success">{t('completed')}</Badge>
        ) : (
          <Badge tone="warning">{t('pending')}</Badge>
        ),
    },
  ];
  return (
    <section aria-labelledby={`${id}-title`} data-testid="tree-history">
      <h2 id={`${id}-title`}>{t('historyCaption', { name: unitName })}</h2>
      <Toolbar>
        <DateFilter label={t('historyFrom')} value={from} onChange={setFrom} testId="history-from" />
        <DateFilter label={t('historyTo')} value={to} onChange={setTo} testId="history-to" />
      </Toolbar>
      <QueryBoundary query={query} isEmpty={(data) => data.restructurings.length === 0} empty={t('historyNone')}>
        {(data) => (
          <DataTable
            testId="history-table"
            caption={t('historyCaption', { name: unitName })}
            columns={columns}
            rows={data.restructurings}
            rowKey={(row) => `${row.effectiveDate}|${row.decisionNumber ?? ''}|${row.kind}|${row.changes[0]?.name ?? ''}`}
            exportFileName={`lich-su-sap-xep-${unitName}`}
          />
        )}
      </QueryBoundary>
    </section>
  );
}

function ChangeList({ changes }: { changes: readonly RestructuringChange[] }) {
  const { t } = useTranslation('district.tree');
  const outside = t('outside');
  const line = (change: RestructuringChange) => {
    switch (change.kind) {
      case 'ENDED':
        return change.successor ? t('change.ENDED', { name: change.name, successor: change.successor.name }) : t('change.ENDED_noSuccessor', { name: change.name });
      case 'CREATED':
        return change.parent ? t('change.CREATED_parent', { name: change.name, parent: change.parent.name }) : t('change.CREATED', { name: change.name });
      case 'RENAMED':
        return t('change.RENAMED', { previous: change.previousName ?? '', name: change.name });
      case 'MOVED':
        return t('change.MOVED', { name: change.name, from: change.previousParent?.name ?? outside, to: change.parent?.name ?? outside });
    }
  };
  return (
    <ul className="district-tree__changes">
      {changes.map((change) => (
        <li key={`${change.kind}-${change.name}-${change.unit?.id ?? ''}`}>{line(change)}</li>
      ))}
    </ul>
  );
}

function DateFilter({ label, value, onChange, testId }: { label: string; value: string; onChange: (day: string) => void; testId: string }) {
  const id = useId();
  return (
    <div className="dv-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value}
        data-testid={testId}
        onChange={(event) => {
          const day = event.target.value;
          if (day === '' || ISO_DATE.test(day)) onChange(day);
        }}
      />
    </div>
  );
}
