import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Badge, Button, Facts, formatDate, GraphQLRequestError, QueryBoundary, Section, Toolbar, useMutation, useQuery } from '@dangvien/ui';
import { recorderName, todayInVietnam } from '../members/lifecycle.ts';
import { decidedGrade, decisionRows, decisionsOf, initialScore, quotaCheck, type DecisionRow } from './grading.ts';
import { CLOSE_REVIEW_CYCLE, DECIDE_GRADES, GRADING_PROPOSALS, GRADING_ROSTER, type GradingCycle, type Proposal, type RosterCell } from './queries.ts';
import { DecisionTable } from './DecisionTable.tsx';
import { QuotaStatus } from './QuotaStatus.tsx';
import { ReopenCycle } from './ReopenCycle.tsx';

/** The members cycle of the year: its facts, the live quota, the decision table, deciding and closing. */
export function MemberGrading({ cycle, committeeId }: { cycle: GradingCycle; committeeId: string }) {
  const { t } = useTranslation('ward.grading');
  const roster = useQuery(GRADING_ROSTER, { id: committeeId });
  const proposals = useQuery(GRADING_PROPOSALS, { cycleId: cycle.id });
  return (
    <Section title={t('title', { year: cycle.year })}>
      <QueryBoundary query={roster}>
        {(people) => (
          <QueryBoundary query={proposals}>
            {(reads) => (
              <Decisions cycle={cycle} cells={people.orgUnit?.children ?? []} proposals={reads.reviewCycle?.proposals ?? []} />
            )}
          </QueryBoundary>
        )}
      </QueryBoundary>
    </Section>
  );
}

function Decisions({ cycle, cells, proposals }: { cycle: GradingCycle; cells: readonly RosterCell[]; proposals: readonly Proposal[] }) {
  const { t } = useTranslation('ward.grading');
  const rows = useMemo(() => decisionRows(cells, proposals, cycle.id), [cells, proposals, cycle.id]);
  // What the clerk typed, by member; a member not typed keeps the decided score or the cell's proposal.
  const [typed, setTyped] = useState<Record<string, string>>({});
  const scoreOf = (row: DecisionRow) => typed[row.memberId] ?? initialScore(row);
  const rules = cycle.ruleSet;
  const quota = quotaCheck(rules, rows.map((row) => decidedGrade(rules, row, scoreOf(row))));
  const open = cycle.status === 'OPEN';
  const decide = useMutation(DECIDE_GRADES);
  const close = useMutation(CLOSE_REVIEW_CYCLE);
  const [notice, setNotice] = useState<string>();
  const [confirmClose, setConfirmClose] = useState(false);
  const refusal = decide.error;
  const refusedMember = refusal instanceof GraphQLRequestError ? refusal.where.memberId : undefined;
  const refusedName = rows.find((row) => row.memberId === refusedMember)?.fullName;

  const submit = async () => {
    setNotice(undefined);
    const decisions = decisionsOf(rows, typed);
    if (decisions.length === 0) {
      setNotice(t('nothingToDecide'));
      return;
    }
    try {
      const saved = await decide.mutateAsync({ cycleId: cycle.id, decisions });
      setNotice(t('decided', { count: saved.decideGrades.length }));
    } catch {
      // The refusal is shown beside the button (and on the member's row when it names one).
    }
  };

  return (
    <>
      <Facts
        items={[
          { label: t('facts.period'), value: t('periodYear', { year: cycle.year }) },
          { label: t('facts.closesOn'), value: formatDate(cycle.closesOn) },
          { label: t('facts.ruleSet'), value: `${rules.code} – ${rules.name}` },
          { label: t('facts.status'), value: <Badge tone={open ? 'info' : 'neutral'}>{t(`status.${cycle.status}`)}</Badge> },
          { label: t('facts.proposals'), value: t('proposalsCount', { proposals: rows.filter((row) => row.proposal).length, total: rows.length }) },
        ]}
      />
      <QuotaStatus rules={rules} quota={quota} />
      <DecisionTable
        rows={rows}
        rules={rules}
        year={cycle.year}
        scoreOf={scoreOf}
        editable={open}
        refusedMember={refusedMember}
        onScore={(memberId, text) => setTyped((current) => ({ ...current, [memberId]: text }))}
      />
      {open ? (
        <>
          <Toolbar>
            <Button data-testid="grading-decide" disabled={decide.isPending} onClick={() => void submit()}>
              {decide.isPending ? t('deciding') : t('decide')}
            </Button>
            <Button variant="secondary" data-testid="grading-close" onClick={() => setConfirmClose(true)}>
              {t('close')}
            </Button>
          </Toolbar>
          {refusal ? (
            <div className="dv-alert dv-alert--error" role="alert" data-testid="grading-refusal">
              {refusal.message}
              {refusedName ? <> {t('refusedFor', { name: refusedName })}</> : null}
            </div>
          ) : null}
          {notice ? (
            <Alert tone="success" live="status">
              <p data-testid="grading-notice">{notice}</p>
            </Alert>
          ) : null}
          {confirmClose ? (
            <Alert tone="warning" title={t('closeConfirm', { period: t('periodYear', { year: cycle.year }) })}>
              <Toolbar>
                <Button
                  variant="danger"
                  data-testid="grading-close-confirm"
                  disabled={close.isPending}
                  onClick={() => void close.mutateAsync({ id: cycle.id }).then(() => setConfirmClose(false), () => undefined)}
                >
                  {t('closeYes')}
                </Button>
                <Button variant="secondary" onClick={() => setConfirmClose(false)}>
                  {t('closeNo')}
                </Button>
              </Toolbar>
              {close.error ? <p className="dv-field__error" role="alert">{close.error.message}</p> : null}
            </Alert>
          ) : null}
        </>
      ) : (
        <Alert tone="info">
          <p data-testid="grading-closed">{t('closed')}</p>
          {cycle.closedAt ? <p>{t('closedBy', { date: formatDate(todayInVietnam(new Date(cycle.closedAt))), by: recorderName(cycle.closedBy ?? '') })}</p> : null}
          <ReopenCycle key={cycle.id} cycleId={cycle.id} />
        </Alert>
      )}
    </>
  );
}
