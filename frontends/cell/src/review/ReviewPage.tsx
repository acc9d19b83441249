import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addTranslations, Alert, Badge, Button, Dialog, Facts, formatDate, QueryBoundary, Section, useQuery } from '@dangvien/ui';
import { useCellPath } from '../layout/useCellPath.ts';
import { vi } from './messages.ts';
import { ProposalForm } from './ProposalForm.tsx';
import { REVIEW_CELL, REVIEW_CYCLES, REVIEW_PROGRESS, type ReviewCycle, type ReviewMember, type ReviewProgress } from './queries.ts';
import { currentCycle, gradeBands, GRADES, quotaOf, residenceStatus, splitRoster } from './review.ts';
import { SelfReviewForm } from './SelfReviewForm.tsx';
import { SubmitStep } from './SubmitStep.tsx';

addTranslations('cell.review', { vi });

/**
 * Kiểm điểm cuối năm: for the open members cycle of the cell's grassroots organization, each member's
 * self-review and residence comment (Regulation 213), the cell's proposed score and grade with the
 * rule set's guidance and quota, and the step that sends the proposals to the ward's committee.
 */
export default function ReviewPage() {
  const { t } = useTranslation('cell.review');
  const { cellId } = useCellPath();
  const cycles = useQuery(REVIEW_CYCLES, { unitId: cellId });
  return (
    <QueryBoundary query={cycles}>
      {(data) => {
        const cycle = currentCycle(data.reviewCycles);
        if (!cycle) {
          const closed = data.reviewCycles.find((c) => c.subject === 'MEMBERS' && c.status === 'CLOSED');
          return (
            <Section title={t('title')}>
              <Alert tone="info" title={t('noCycle')}>
                <p data-testid="review-no-cycle">{t('noCycleText')}</p>
                {closed ? <p>{t('lastClosed', { period: t(`period.${closed.period}`, { year: closed.year }) })}</p> : null}
              </Alert>
            </Section>
          );
        }
        return <CycleReview key={cycle.id} cycle={cycle} cellId={cellId} />;
      }}
    </QueryBoundary>
  );
}

type Editing = { kind: 'self' | 'proposal'; member: ReviewMember } | undefined;

function CycleReview({ cycle, cellId }: { cycle: ReviewCycle; cellId: string }) {
  const { t } = useTranslation('cell.review');
  const cell = useQuery(REVIEW_CELL, { cellId });
  const progress = useQuery(REVIEW_PROGRESS, { cycleId: cycle.id, cellId });
  const [editing, setEditing] = useState<Editing>();
  const [notice, setNotice] = useState<string>();
  const periodText = t(`period.${cycle.period}`, { year: cycle.year });

  return (
    <>
      <Section title={t('titleOfYear', { year: cycle.year })}>
        <Facts
          items={[
            { label: t('cycleFacts.period'), value: periodText },
            { label: t('cycleFacts.closesOn'), value: formatDate(cycle.closesOn) },
            { label: t('cycleFacts.ruleSet'), value: cycle.ruleSet.name },
          ]}
        />
      </Section>
      <QueryBoundary query={cell} isEmpty={(data) => !data.orgUnit}>
        {(data) => (
          <QueryBoundary query={progress}>
            {(reads) => {
              const { graded, exempt } = splitRoster(data.orgUnit?.members ?? []);
              const byMember = progressByMember(reads);
              return (
                <>
                  <Section title={t('membersTitle', { count: graded.length })}>
                    <p data-testid="review-progress">
                      {t('progress', {
                        selfReviews: graded.filter((member) => byMember.selfReviews.has(member.id)).length,
                        proposals: graded.filter((member) => byMember.proposals.has(member.id)).length,
                        total: graded.length,
                      })}
                    </p>
                    <QuotaStatus rules={cycle.ruleSet} progress={reads.reviewCycle} />
                    {notice ? (
                      <Alert tone="success" live="status">
                        <p data-testid="review-notice">{notice}</p>
                      </Alert>
                    ) : null}
                    {exempt.length > 0 ? <p className="dv-muted">{t('exemptNote', { names: exempt.map((member) => member.fullName).join(', ') })}</p> : null}
                    {graded.length === 0 ? (
                      <p className="dv-empty">{t('noMembers')}</p>
                    ) : (
                      <ul className="dv-cards dv-cards--columns" data-testid="review-members">
                        {graded.map((member) => (
                          <MemberCard
                            key={member.id}
                            member={member}
                            year={cycle.year}
                            selfReview={byMember.selfReviews.has(member.id)}
                            proposal={byMember.proposals.get(member.id)}
                            onEdit={(kind) => {
                              setNotice(undefined);
                              setEditing({ kind, member });
                            }}
                          />
                        ))}
                      </ul>
                    )}
                  </Section>
                  <Guidance rules={cycle.ruleSet} />
                  <SubmitStep cycle={cycle} cellId={cellId} members={graded} />
                  <Dialog
                    open={editing !== undefined}
                    title={editing ? t(editing.kind === 'self' ? 'selfReviewDialog' : 'proposalDialog', { name: editing.member.fullName }) : ''}
                    onClose={() => setEditing(undefined)}
                  >
                    {editing?.kind === 'self' ? (
                      <SelfReviewForm
                        cycleId={cycle.id}
                        member={editing.member}
                        content={byMember.selfReviews.get(editing.member.id)?.content}
                        onDone={(message) => {
                          setEditing(undefined);
                          setNotice(message);
                        }}
                      />
                    ) : editing ? (
                      <ProposalForm
                        cycleId={cycle.id}
                        rules={cycle.ruleSet}
                        member={editing.member}
                        current={byMember.proposals.get(editing.member.id)}
                        onDone={(message) => {
                          setEditing(undefined);
                          setNotice(message);
                        }}
                      />
                    ) : null}
                  </Dialog>
                </>
              );
            }}
          </QueryBoundary>
        )}
      </QueryBoundary>
    </>
  );
}

type SelfReviewEntry = NonNullable<ReviewProgress>['selfReviews'][number];
type ProposalEntry = NonNullable<ReviewProgress>['proposals'][number];

function progressByMember(reads: { reviewCycle?: ReviewProgress | null }) {
  return {
    selfReviews: new Map<string, SelfReviewEntry>((reads.reviewCycle?.selfReviews ?? []).map((entry) => [entry.member.id, entry])),
    proposals: new Map<string, ProposalEntry>((reads.reviewCycle?.proposals ?? []).map((entry) => [entry.member.id, entry])),
  };
}

/** One member: self-review, residence comment (working members), the cell's proposal, and the two actions. */
function MemberCard(props: { member: ReviewMember; year: number; selfReview: boolean; proposal: ProposalEntry | undefined; onEdit: (kind: 'self' | 'proposal') => void }) {
  const { member, year, selfReview, proposal, onEdit } = props;
  const { t } = useTranslation('cell.review');
  const { t: cell } = useTranslation('cell');
  const residence = residenceStatus(member.residenceLinks, year);
  return (
    <li className="dv-card" data-testid="review-member">
      <h3 className="dv-card__title">{member.fullName}</h3>
      <p className="dv-card__badges">
        <Badge>{cell(`labels.memberStatus.${member.status}`)}</Badge>
        {selfReview ? <Badge tone="success">{t('selfReviewDone')}</Badge> : <Badge tone="warning">{t('selfReviewMissing')}</Badge>}
        {residence === 'none' ? null : residence === 'done' ? <Badge tone="success">{t('residenceDone')}</Badge> : <Badge tone="danger">{t('residenceMissing')}</Badge>}
      </p>
      <p data-testid="review-proposal">
        <strong>{t('proposal')}: </strong>
        {proposal ? (
          <>
            {t('proposalValue', { score: proposal.score, grade: cell(`labels.grade.${proposal.grade}`) })}
            {proposal.disciplined ? <> · {t('disciplined')}</> : null}
          </>
        ) : (
          <span className="dv-muted">{t('proposalMissing')}</span>
        )}
      </p>
      <div className="dv-form__actions">
        <Button variant="secondary" onClick={() => onEdit('self')}>
          {selfReview ? t('editSelfReview') : t('enterSelfReview')}
        </Button>
        <Button variant={proposal ? 'secondary' : 'primary'} onClick={() => onEdit('proposal')}>
          {proposal ? t('editProposal') : t('propose')}
        </Button>
      </div>
    </li>
  );
}

/** The excellent quota over the cell's proposals: "tối đa N đảng viên xuất sắc", and a warning when the proposals exceed it. */
function QuotaStatus({ rules, progress }: { rules: ReviewCycle['ruleSet']; progress: ReviewProgress | undefined }) {
  const { t } = useTranslation('cell.review');
  const quota = quotaOf(rules, (progress?.proposals ?? []).map((proposal) => proposal.grade));
  return (
    <div data-testid="review-quota">
      {quota.exceeded ? (
        <Alert tone="warning" live="alert" title={t('quotaExceeded', { excellent: quota.excellent, allowed: quota.allowed })}>
          <p>{t('quotaRule', { percent: rules.excellentQuotaPercent })}</p>
          <p>{t('quotaExceededText')}</p>
        </Alert>
      ) : (
        <Alert tone="info" title={t('quotaTitle')}>
          <p>{t('quotaRule', { percent: rules.excellentQuotaPercent })}</p>
          <p data-testid="review-quota-now">{t('quotaNow', { good: quota.good, allowed: quota.allowed })}</p>
        </Alert>
      )}
    </div>
  );
}

/** The rule set's score bands and conditions (Quy định 366: excellent needs every task done and a share exceeded; Regulation 213). */
function Guidance({ rules }: { rules: ReviewCycle['ruleSet'] }) {
  const { t } = useTranslation('cell.review');
  const { t: cell } = useTranslation('cell');
  const bands = gradeBands(rules);
  return (
    <Section title={t('guidanceTitle', { code: rules.code })}>
      <ul className="dv-guidance" data-testid="review-bands">
        {GRADES.map((grade) => (
          <li key={grade}>
            <strong>{cell(`labels.grade.${grade}`)}</strong>: {t(bands[grade].key, bands[grade].values)}.
          </li>
        ))}
      </ul>
      <p>{t('excellentWithoutTasks')}</p>
      <p>{t('quotaRule', { percent: rules.excellentQuotaPercent })}</p>
      {rules.residenceCommentRequired ? <p>{t('residenceRule')}</p> : null}
    </Section>
  );
}
