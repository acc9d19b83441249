import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addTranslations, Alert, Button, compareSortValues, DataTable, Dialog, formatDate, Link, QueryBoundary, Section, Toolbar, useQuery, type Column } from '@dangvien/ui';
import { useWardPath } from '../layout/useWardPath.ts';
import { cellRows, formatRate, ISO_DATE, todayInVietnam, type CellRow } from './cells.ts';
import { CreateCellForm } from './CreateCellForm.tsx';
import { EndCellsFlow } from './EndCellsFlow.tsx';
import { vi } from './messages.ts';
import { ALERT_PAGE, WARD_TREE } from './queries.ts';
import { RenameCellForm } from './RenameCellForm.tsx';
import { SplitFlow } from './SplitFlow.tsx';
import './cells.css';

addTranslations('ward.cells', { vi });

type Open =
  | { kind: 'create' }
  | { kind: 'merge' }
  | { kind: 'rename'; cell: CellRow }
  | { kind: 'dissolve'; cell: CellRow }
  | { kind: 'split'; cell: CellRow }
  | null;

/** Các chi bộ: the committee's tree on a day with each cell's figures; restructuring when the day is today. */
export default function CellsPage() {
  const { t } = useTranslation('ward.cells');
  const { committeeId } = useWardPath();
  const today = todayInVietnam();
  const [asOf, setAsOf] = useState(today);
  const year = Number(asOf.slice(0, 4));
  const query = useQuery(WARD_TREE, { id: committeeId, asOf, year, previousYear: year - 1, first: ALERT_PAGE }, { keepPrevious: true });
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const isToday = asOf === today;
  const close = () => setOpen(null);
  const finish = (message: string) => {
    setOpen(null);
    setNotice(message);
  };

  return (
    <>
      <Section
        title={t('title')}
        actions={
          isToday ? (
            <>
              <Button onClick={() => setOpen({ kind: 'create' })} data-testid="cells-create-open">
                {t('create')}
              </Button>
              <Button variant="secondary" onClick={() => setOpen({ kind: 'merge' })} data-testid="cells-merge-open">
                {t('merge')}
              </Button>
            </>
          ) : null
        }
      >
        <p>{t('intro')}</p>
        <AsOfPicker value={asOf} today={today} onChange={setAsOf} />
        {!isToday ? (
          <Alert tone="info">
            <span data-testid="cells-past">{t('pastView', { date: formatDate(asOf) })}</span>
          </Alert>
        ) : null}
        {notice ? (
          <Alert tone="success" live="status">
            <span data-testid="cells-notice">{notice}</span>
          </Alert>
        ) : null}
      </Section>
      <QueryBoundary query={query}>
        {(data) => (data.orgUnit ? <CellsTable rows={cellRows(data.orgUnit, data)} asOf={data.orgUnit.asOf} editable={isToday} onAction={setOpen} /> : null)}
      </QueryBoundary>
      <Dialog open={open?.kind === 'create'} title={t('create')} onClose={close}>
        <CreateCellForm committeeId={committeeId} onDone={finish} />
      </Dialog>
      <Dialog open={open?.kind === 'rename'} title={open?.kind === 'rename' ? t('renameOf', { name: open.cell.name }) : ''} onClose={close}>
        {open?.kind === 'rename' ? <RenameCellForm cell={open.cell} onDone={finish} /> : null}
      </Dialog>
      <Dialog open={open?.kind === 'dissolve'} title={open?.kind === 'dissolve' ? t('dissolveOf', { name: open.cell.name }) : ''} onClose={close}>
        {open?.kind === 'dissolve' ? <EndCellsFlow mode="dissolve" committeeId={committeeId} cellId={open.cell.id} onClose={close} /> : null}
      </Dialog>
      <Dialog open={open?.kind === 'merge'} title={t('merge')} onClose={close}>
        {open?.kind === 'merge' ? <EndCellsFlow mode="merge" committeeId={committeeId} onClose={close} /> : null}
      </Dialog>
      <Dialog open={open?.kind === 'split'} title={open?.kind === 'split' ? t('splitOf', { name: open.cell.name }) : ''} onClose={close}>
        {open?.kind === 'split' ? <SplitFlow committeeId={committeeId} cell={open.cell} onClose={close} /> : null}
      </Dialog>
    </>
  );
}

function AsOfPicker({ value, today, onChange }: { value: string; today: string; onChange: (day: string) => void }) {
  const { t } = useTranslation('ward.cells');
  const id = useId();
  return (
    <Toolbar>
      <div className="dv-field">
        <label htmlFor={id}>{t('asOf')}</label>
        <input
          id={id}
          type="date"
          max={today}
          value={value}
          aria-describedby={`${id}-hint`}
          data-testid="cells-as-of"
          onChange={(event) => {
            const day = event.target.value;
            if (ISO_DATE.test(day) && day <= today) onChange(day);
          }}
        />
        <small id={`${id}-hint`} className="dv-field__hint">
          {t('asOfHint')}
        </small>
      </div>
      {value !== today ? (
        <Button variant="secondary" onClick={() => onChange(today)} data-testid="cells-as-of-today">
          {t('today')}
        </Button>
      ) : null}
    </Toolbar>
  );
}

function CellsTable({ rows, asOf, editable, onAction }: { rows: CellRow[]; asOf: string; editable: boolean; onAction: (open: Open) => void }) {
  const { t } = useTranslation('ward.cells');
  const { cellPath } = useWardPath();
  // Vietnamese order with numbers as numbers ("số 2" before "số 12") until a header is clicked.
  const sorted = useMemo(() => [...rows].sort((a, b) => compareSortValues(a.name, b.name)), [rows]);
  const total = rows.reduce((sum, row) => sum + row.memberCount, 0);
  // Party groups (tổ đảng) get a column only when some cell has them.
  const subUnitsColumn: Column<CellRow> = {
    header: t('subUnits'),
    cell: (row) => (row.subUnits.length ? row.subUnits.map((unit) => `${unit.name} (${String(unit.memberCount)})`).join('; ') : '—'),
  };
  const columns: Column<CellRow>[] = [
    {
      header: t('name'),
      sortValue: (row) => row.name,
      cell: (row) => {
        const to = cellPath(row.id);
        return (
          <>
            {to ? (
              <Link to={to} data-testid="cells-open">
                {row.name}
              </Link>
            ) : (
              row.name
            )}
            <br />
            <span className="dv-muted">{t('codeLine', { code: row.code })}</span>
          </>
        );
      },
    },
    { header: t('memberCount'), numeric: true, sortValue: (row) => row.memberCount, cell: (row) => <span data-testid="cells-member-count">{row.memberCount}</span> },
    ...(rows.some((row) => row.subUnits.length > 0) ? [subUnitsColumn] : []),
    { header: t('lastMeeting'), sortValue: (row) => row.lastMeeting, cell: (row) => <span data-testid="cells-last-meeting">{row.lastMeeting ? formatDate(row.lastMeeting) : t('noMeeting')}</span> },
    { header: t('attendance', { year: asOf.slice(0, 4) }), numeric: true, sortValue: (row) => row.attendanceRate, cell: (row) => <span data-testid="cells-attendance">{formatRate(row.attendanceRate)}</span> },
    { header: t('openAlerts'), numeric: true, sortValue: (row) => row.openAlerts, cell: (row) => <span data-testid="cells-alerts">{row.openAlerts}</span> },
  ];
  if (editable) {
    columns.push({
      header: t('actions'),
      cell: (row) => (
        <div className="ward-cells__actions" role="group" aria-label={t('actionsFor', { name: row.name })}>
          <Button variant="secondary" onClick={() => onAction({ kind: 'rename', cell: row })} data-testid="cells-rename-open">
            {t('rename')}
          </Button>
          <Button variant="secondary" onClick={() => onAction({ kind: 'split', cell: row })} data-testid="cells-split-open">
            {t('split')}
          </Button>
          <Button variant="danger" onClick={() => onAction({ kind: 'dissolve', cell: row })} data-testid="cells-dissolve-open">
            {t('dissolve')}
          </Button>
        </div>
      ),
    });
  }
  return (
    <>
      <DataTable
        testId="ward-cells" exportFileName="cac-chi-bo"
        caption={t('cellsCaption', { date: formatDate(asOf), count: rows.length })}
        columns={columns}
        rows={sorted}
        rowKey={(row) => row.id}
        emptyText={t('noCells')}
      />
      <p data-testid="ward-total">{t('totalMembers', { count: total })}</p>
    </>
  );
}
