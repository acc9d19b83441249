import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Badge, Button, ButtonLink, DataTable, Dialog, Link, QueryBoundary, Section, formatDate, useLocation, useQuery, type Column } from '@dangvien/ui';
import { useWardPath } from '../layout/useWardPath.ts';
import { todayInVietnam } from '../members/lifecycle.ts';
import { EndTemporaryForm, PresentedForm } from './LetterForms.tsx';
import { WARD_TRANSFERS, type WardTransfer } from './queries.ts';
import { canRecordPresented, isOverdue, isTemporaryOngoing, splitTransfers } from './transfers.ts';

type Open = { form: 'present' | 'end'; transfer: WardTransfer };

/** The committee's letters: out (with the 30-day deadline, overdue marked), in, and temporary stays not yet ended. */
export default function TransfersList() {
  const { t } = useTranslation('ward.transfers');
  const { committeeId, wardPath } = useWardPath();
  const location = useLocation();
  const arrivedState = location.state as { notice?: string; letterId?: string } | null;
  const arrived = arrivedState?.notice ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  const query = useQuery(WARD_TRANSFERS, { id: committeeId });
  const shown = notice ?? arrived;
  return (
    <Section
      title={t('list.title')}
      actions={
        <ButtonLink variant="primary" to={wardPath('transfers', 'receive')} data-testid="transfer-receive-open">
          {t('list.receive')}
        </ButtonLink>
      }
    >
      <p>{t('list.intro')}</p>
      <p>
        {t('list.issueHint')} <Link to={wardPath('members')}>{t('list.findMember')}</Link>
      </p>
      {shown ? (
        <Alert tone="success" live="status">
          <span data-testid="transfer-notice">{shown}</span>
          {!notice && arrivedState?.letterId ? (
            <p>
              <ButtonLink to={wardPath('transfers', 'letter', arrivedState.letterId)} data-testid="transfer-notice-print">
                {t('letterPrint.open')}
              </ButtonLink>
            </p>
          ) : null}
        </Alert>
      ) : null}
      <QueryBoundary query={query}>
        {(data) => (
          <Lists
            transfers={data.memberTransfers}
            wardCellIds={new Set((data.orgUnit?.children ?? []).map((cell) => cell.id))}
            onNotice={setNotice}
          />
        )}
      </QueryBoundary>
    </Section>
  );
}

function Lists({ transfers, wardCellIds, onNotice }: { transfers: readonly WardTransfer[]; wardCellIds: ReadonlySet<string>; onNotice: (text: string) => void }) {
  const { t } = useTranslation('ward.transfers');
  const { wardPath } = useWardPath();
  const today = todayInVietnam();
  const [open, setOpen] = useState<Open | null>(null);
  const lists = useMemo(() => splitTransfers(transfers, wardCellIds), [transfers, wardCellIds]);
  const overdue = lists.outgoing.filter((transfer) => isOverdue(transfer, today)).length;
  const place = (cell: { name: string } | null | undefined, external: string | null | undefined) =>
    cell?.name ?? (external ? t('outside', { name: external }) : '…');

  const memberColumn: Column<WardTransfer> = {
    header: t('col.member'),
    sortValue: (transfer) => transfer.memberName,
    cell: (transfer) => (
      <>
        {transfer.member ? (
          <Link className="dv-link-target" to={wardPath('members', transfer.member.id)}>
            {transfer.memberName}
          </Link>
        ) : (
          <strong>{transfer.memberName}</strong>
        )}
        <div className="dv-muted">{t('kindReason', { kind: t(`kind.${transfer.kind}`), reason: t(`reason.${transfer.reason}`) })}</div>
      </>
    ),
  };
  const letterColumn: Column<WardTransfer> = {
    header: t('col.letter'),
    sortValue: (transfer) => transfer.letterIssuedOn,
    cell: (transfer) => (
      <span data-testid="transfer-letter" data-transfer-id={transfer.id}>
        {t('letter', { number: transfer.letterNumber, date: formatDate(transfer.letterIssuedOn) })}
      </span>
    ),
  };
  const routeColumn: Column<WardTransfer> = {
    header: t('col.route'),
    cell: (transfer) => t('route', { from: place(transfer.fromCell, transfer.direction === 'IN' ? transfer.externalOrganization : null), to: place(transfer.toCell, transfer.direction === 'OUT' ? transfer.externalOrganization : null) }),
  };
  const dueColumn: Column<WardTransfer> = { header: t('col.due'), sortValue: (transfer) => transfer.reportDueOn, cell: (transfer) => <span data-testid="transfer-due">{formatDate(transfer.reportDueOn)}</span> };
  const stateColumn: Column<WardTransfer> = {
    header: t('col.state'),
    cell: (transfer) => (
      <span className="dv-card__badges" data-testid="transfer-state" data-overdue={isOverdue(transfer, today) ? 'yes' : 'no'}>
        {transfer.presentedOn ? (
          <Badge tone={transfer.presentedLate ? 'warning' : 'success'}>
            {t(transfer.presentedLate ? 'state.presentedLate' : 'state.presented', { date: formatDate(transfer.presentedOn) })}
          </Badge>
        ) : isOverdue(transfer, today) ? (
          <Badge tone="danger">{t('state.overdue')}</Badge>
        ) : (
          <Badge tone="warning">{t('state.waiting')}</Badge>
        )}
        {transfer.returnedOn ? <Badge tone="neutral">{t('state.returned', { date: formatDate(transfer.returnedOn) })}</Badge> : null}
        {isTemporaryOngoing(transfer) && transfer.temporaryUntil && transfer.temporaryUntil < today ? <Badge tone="danger">{t('state.temporaryOverdue')}</Badge> : null}
      </span>
    ),
  };
  const actionsColumn: Column<WardTransfer> = {
    header: t('col.actions'),
    cell: (transfer) => (
      <span className="dv-card__badges">
        {transfer.direction !== 'IN' && transfer.fromCell && wardCellIds.has(transfer.fromCell.id) ? (
          <ButtonLink
            to={wardPath('transfers', 'letter', transfer.id)}
            aria-label={t('letterPrint.openLabel', { number: transfer.letterNumber, name: transfer.memberName })}
            data-testid="transfer-print-open"
          >
            {t('letterPrint.open')}
          </ButtonLink>
        ) : null}
        {canRecordPresented(transfer, wardCellIds) ? (
          <Button variant="secondary" aria-label={t('present.openLabel', { number: transfer.letterNumber, name: transfer.memberName })} onClick={() => setOpen({ form: 'present', transfer })} data-testid="transfer-present-open">
            {t('present.open')}
          </Button>
        ) : null}
        {isTemporaryOngoing(transfer) ? (
          <Button variant="secondary" aria-label={t('end.openLabel', { name: transfer.memberName })} onClick={() => setOpen({ form: 'end', transfer })} data-testid="transfer-end-open">
            {t('end.open')}
          </Button>
        ) : null}
      </span>
    ),
  };
  const untilColumn: Column<WardTransfer> = {
    header: t('col.until'),
    sortValue: (transfer) => transfer.temporaryUntil,
    cell: (transfer) => formatDate(transfer.temporaryUntil),
  };

  return (
    <>
      <h3>{t('list.outgoing')}</h3>
      {overdue > 0 ? (
        <p>
          <Badge tone="danger">
            <span data-testid="transfer-overdue-count">{t('list.overdueCount', { count: overdue })}</span>
          </Badge>
        </p>
      ) : null}
      <DataTable
        testId="transfers-outgoing" exportFileName="chuyen-di"
        caption={t('list.outgoingCaption', { count: lists.outgoing.length })}
        columns={[memberColumn, letterColumn, routeColumn, dueColumn, stateColumn, actionsColumn]}
        rows={lists.outgoing}
        rowKey={(transfer) => transfer.id}
        emptyText={t('list.noOutgoing')}
        pageSize={20}
      />
      <h3>{t('list.incoming')}</h3>
      <DataTable
        testId="transfers-incoming" exportFileName="chuyen-den"
        caption={t('list.incomingCaption', { count: lists.incoming.length })}
        columns={[memberColumn, letterColumn, routeColumn, dueColumn, stateColumn, actionsColumn]}
        rows={lists.incoming}
        rowKey={(transfer) => transfer.id}
        emptyText={t('list.noIncoming')}
        pageSize={20}
      />
      <h3>{t('list.temporary')}</h3>
      <DataTable
        testId="transfers-temporary" exportFileName="sinh-hoat-tam-thoi"
        caption={t('list.temporaryCaption', { count: lists.temporary.length })}
        columns={[memberColumn, routeColumn, untilColumn, stateColumn, actionsColumn]}
        rows={lists.temporary}
        rowKey={(transfer) => transfer.id}
        emptyText={t('list.noTemporary')}
      />
      <Dialog
        open={open !== null}
        title={open ? (open.form === 'present' ? t('present.title', { number: open.transfer.letterNumber, name: open.transfer.memberName }) : t('end.title', { name: open.transfer.memberName })) : ''}
        onClose={() => setOpen(null)}
      >
        {open?.form === 'present' ? (
          <PresentedForm
            key={open.transfer.id}
            transfer={open.transfer}
            onCancel={() => setOpen(null)}
            onDone={() => {
              onNotice(t('list.presented'));
              setOpen(null);
            }}
          />
        ) : open?.form === 'end' ? (
          <EndTemporaryForm
            key={open.transfer.id}
            transfer={open.transfer}
            onCancel={() => setOpen(null)}
            onDone={() => {
              onNotice(t('list.ended'));
              setOpen(null);
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}
