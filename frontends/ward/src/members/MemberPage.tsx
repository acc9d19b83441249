import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Badge, Button, ButtonLink, DataTable, Dialog, Facts, QueryBoundary, Section, formatDate, useParams, useQuery, type Column } from '@dangvien/ui';
import type { MemberStatus } from '../generated/graphql.ts';
import { useWardPath } from '../layout/useWardPath.ts';
import { AnnulForm } from './AnnulForm.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { actionsFor, latestEffectiveEvent, officialWindow, recorderName, todayInVietnam, type Action } from './lifecycle.ts';
import { WARD_MEMBER, type WardMemberEvent, type WardMemberRecord } from './queries.ts';
import { STATUS_TONE } from './status.ts';

/** Statuses of members who can be given a transfer letter (the server's rule). */
const TRANSFERABLE: readonly MemberStatus[] = ['PROBATIONARY', 'OFFICIAL', 'EXEMPT'];

/**
 * A member as the committee sees them: status, cell, the decisions the Charter allows now and the
 * dated history behind the status. The full record (profile, reviews, dues, tasks) is the cell
 * module's member page, linked here rather than copied.
 */
export default function MemberPage() {
  const { t } = useTranslation('ward.members');
  const { memberId = '' } = useParams();
  const { wardPath } = useWardPath();
  const query = useQuery(WARD_MEMBER, { id: memberId });
  return (
    <>
      <p>
        <ButtonLink to={wardPath('members')}>{t('page.back')}</ButtonLink>
      </p>
      <QueryBoundary query={query} isEmpty={(data) => !data.member} empty={t('page.notFound')}>
        {(data) => (data.member ? <MemberView member={data.member} /> : null)}
      </QueryBoundary>
    </>
  );
}

function MemberView({ member }: { member: WardMemberRecord }) {
  const { t } = useTranslation('ward.members');
  const { wardPath, cellPath } = useWardPath();
  const [open, setOpen] = useState<Action | null>(null);
  const [notice, setNotice] = useState<{ action: Action; status: MemberStatus } | null>(null);
  const [annulling, setAnnulling] = useState<WardMemberEvent | null>(null);
  const [annulled, setAnnulled] = useState<{ kind: WardMemberEvent['kind']; status: MemberStatus } | null>(null);
  const fullRecord = member.cell ? cellPath(member.cell.id, 'members', member.id) : undefined;
  const probation = member.status === 'PROBATIONARY' && member.admittedOn ? officialWindow(member.admittedOn) : null;
  // Transferred out of the system: the record is kept to read; its new organization records decisions.
  const keptOnly = member.cell == null;
  const actions = keptOnly ? [] : actionsFor(member.status);
  return (
    <>
      <Section
        title={<span data-testid="member-name">{member.fullName}</span>}
        actions={
          <>
            {fullRecord ? (
              <ButtonLink to={fullRecord} data-testid="member-full-record">
                {t('page.fullRecord')}
              </ButtonLink>
            ) : null}
            {member.cell && TRANSFERABLE.includes(member.status) && !member.underInspection ? (
              <ButtonLink to={wardPath('transfers', 'issue', member.id)} data-testid="member-transfer">
                {t('page.transfer')}
              </ButtonLink>
            ) : null}
          </>
        }
      >
        <p className="dv-card__badges">
          <Badge tone={STATUS_TONE[member.status]}>
            <span data-testid="member-status" data-status={member.status}>
              {t(`status.${member.status}`)}
            </span>
          </Badge>
          {member.underInspection ? <Badge tone="danger">{t('page.underInspection')}</Badge> : null}
        </p>
        <Facts
          items={[
            { label: t('page.cell'), value: member.cell?.name ?? t('page.noCell') },
            { label: t('page.dateOfBirth'), value: formatDate(member.dateOfBirth) || null },
            { label: t('page.admittedOn'), value: formatDate(member.admittedOn) || null },
            { label: t('page.partyAge'), value: member.partyAge == null ? null : t('page.partyAgeYears', { count: member.partyAge }) },
            { label: t('page.partyCardNumber'), value: member.partyCardNumber ?? null },
            ...(probation ? [{ label: t('page.probation'), value: t('page.probationWindow', { from: formatDate(probation.from), to: formatDate(probation.to) }) }] : []),
          ]}
        />
        {fullRecord ? <p className="dv-muted">{t('page.fullRecordHint')}</p> : null}
      </Section>

      <Section title={t('page.decisions')}>
        {notice ? (
          <Alert tone="success" live="status">
            <span data-testid="member-notice">{t('page.recorded', { event: t(`event.${notice.action}`), status: t(`status.${notice.status}`) })}</span>
          </Alert>
        ) : null}
        {annulled ? (
          <Alert tone="success" live="status">
            <span data-testid="member-annul-notice">{t('page.annulDone', { event: t(`event.${annulled.kind}`), status: t(`status.${annulled.status}`) })}</span>
          </Alert>
        ) : null}
        {actions.length === 0 ? (
          <p className="dv-empty" data-testid="member-no-decisions">
            {keptOnly ? t('page.keptOnly') : t('page.noDecisions')}
          </p>
        ) : (
          <>
            <p>{t('page.decisionsIntro')}</p>
            <div className="dv-toolbar" data-testid="member-actions">
              {actions.map((action) => (
                <Button
                  key={action}
                  variant="secondary"
                  data-testid={`member-action-${action}`}
                  onClick={() => {
                    setNotice(null);
                    setAnnulled(null);
                    setOpen(action);
                  }}
                >
                  {t(`action.${action}`)}
                </Button>
              ))}
            </div>
          </>
        )}
      </Section>

      <History
        member={member}
        onAnnul={
          keptOnly
            ? undefined
            : (event) => {
                setNotice(null);
                setAnnulled(null);
                setAnnulling(event);
              }
        }
      />

      <Dialog
        open={annulling !== null}
        title={annulling ? t('annul.title', { event: t(`event.${annulling.kind}`), date: formatDate(annulling.occurredOn) }) : ''}
        onClose={() => setAnnulling(null)}
      >
        {annulling ? (
          <AnnulForm
            key={annulling.id}
            event={annulling}
            onCancel={() => setAnnulling(null)}
            onDone={(status) => {
              setAnnulled({ kind: annulling.kind, status });
              setAnnulling(null);
            }}
          />
        ) : null}
      </Dialog>

      <Dialog open={open !== null} title={open ? t('form.title', { action: t(`action.${open}`), name: member.fullName }) : ''} onClose={() => setOpen(null)}>
        {open ? (
          <DecisionForm
            key={open}
            member={member}
            action={open}
            onCancel={() => setOpen(null)}
            onDone={(status) => {
              setNotice({ action: open, status });
              setOpen(null);
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}

/** The dated history, newest first; an annulled event stays, struck through with who, when and why; the latest effective one can be annulled. */
/** The dated decisions; the latest effective one can be annulled where `onAnnul` is given. */
function History({ member, onAnnul }: { member: WardMemberRecord; onAnnul?: (event: WardMemberEvent) => void }) {
  const { t } = useTranslation('ward.members');
  const latest = latestEffectiveEvent(member.events);
  const struck = (event: WardMemberEvent, text: string) => (event.annulled ? <s>{text}</s> : text);
  const columns: Column<WardMemberEvent>[] = [
    { header: t('page.colDate'), cell: (event) => struck(event, formatDate(event.occurredOn)), sortValue: (event) => event.occurredOn, exportValue: (event) => event.occurredOn },
    {
      header: t('page.colEvent'),
      exportValue: (event) => `${t(`event.${event.kind}`)}${event.annulled ? ` (${t('page.annulled')})` : ''}`,
      cell: (event) => (
        <span data-testid={`member-event-${event.id}`} data-annulled={event.annulled}>
          {struck(event, `${t(`event.${event.kind}`)}${event.disciplineLevel ? ` (${t(`discipline.${event.disciplineLevel}`)})` : ''}`)}
          {event.annulled ? (
            <>
              {' '}
              <Badge tone="danger">{t('page.annulled')}</Badge>
              <div className="dv-muted" data-testid="member-event-annulment">
                {t('page.annulledLine', { date: event.annulledAt ? formatDate(todayInVietnam(new Date(event.annulledAt))) : '', by: recorderName(event.annulledBy ?? ''), reason: event.annulReason ?? '' })}
              </div>
            </>
          ) : null}
          {event.reason ? <div className="dv-muted">{event.reason}</div> : null}
        </span>
      ),
    },
    { header: t('page.colDecision'), cell: (event) => struck(event, event.decisionNumber ?? '') },
    { header: t('page.colRecordedBy'), cell: (event) => recorderName(event.recordedBy) },
    {
      header: t('page.colCorrection'),
      exportValue: () => null,
      cell: (event) =>
        onAnnul && event.id === latest?.id ? (
          <Button variant="secondary" data-testid="member-annul" aria-label={t('page.annulLabel', { event: t(`event.${event.kind}`), date: formatDate(event.occurredOn) })} onClick={() => onAnnul(event)}>
            {t('page.annul')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Section title={t('page.history')}>
      <DataTable caption={t('page.historyCaption')} columns={columns} rows={[...member.events].reverse()} rowKey={(event) => event.id} emptyText={t('page.noEvents')} testId="member-events" exportFileName="quyet-dinh-dang-vien" />
      {member.transfers.length > 0 ? (
        <>
          <h3>{t('page.transfers')}</h3>
          <ul className="dv-linklist" data-testid="member-transfers">
            {[...member.transfers].reverse().map((transfer) => (
              <li key={transfer.id}>
                {t('page.transferLine', {
                  number: transfer.letterNumber,
                  date: formatDate(transfer.letterIssuedOn),
                  from: transfer.fromCell?.name ?? transfer.externalOrganization ?? '…',
                  to: transfer.toCell?.name ?? transfer.externalOrganization ?? '…',
                })}
                {` (${t(`placementKind.${transfer.kind}`)})`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}
