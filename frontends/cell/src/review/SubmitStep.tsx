import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, DataTable, Dialog, Section, useQuery, type Column } from '@dangvien/ui';
import type { Grade } from '../generated/graphql.ts';
import { REVIEW_PROGRESS, type ReviewCycle, type ReviewMember } from './queries.ts';
import { gradeCounts, quotaOf, residenceStatus } from './review.ts';

interface Line {
  id: string;
  fullName: string;
  score: number;
  grade: Grade;
}

type Step =
  | { kind: 'idle' }
  | { kind: 'missing' }
  | { kind: 'confirm'; lines: Line[]; residenceMissing: number; quota: ReturnType<typeof quotaOf>; counts: string[] }
  | { kind: 'sent'; count: number; time: string; counts: string[] };

/**
 * "Gửi đề xuất lên đảng ủy". The API has no separate submit: each proposal is on the server (where the
 * ward's committee reads it) as soon as it is saved. This step reads the proposals back from the server,
 * refuses while a member has none, shows what the committee will read, and confirms it.
 */
export function SubmitStep({ cycle, cellId, members }: { cycle: ReviewCycle; cellId: string; members: readonly ReviewMember[] }) {
  const { t } = useTranslation('cell.review');
  const { t: cell } = useTranslation('cell');
  const progress = useQuery(REVIEW_PROGRESS, { cycleId: cycle.id, cellId });
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const periodText = t(`period.${cycle.period}`, { year: cycle.year });

  /** The proposals as the server has them now, one line per member of the roster. */
  const readBack = async () => {
    const fresh = await progress.refetch();
    const proposals = new Map((fresh.data?.reviewCycle?.proposals ?? []).map((proposal) => [proposal.member.id, proposal]));
    const missing = members.filter((member) => !proposals.has(member.id));
    const lines = members.flatMap((member): Line[] => {
      const proposal = proposals.get(member.id);
      return proposal ? [{ id: member.id, fullName: member.fullName, score: proposal.score, grade: proposal.grade }] : [];
    });
    const grades = lines.map((line) => line.grade);
    const counts = gradeCounts(grades).map(({ grade, count }) => t('gradeCount', { grade: cell(`labels.grade.${grade}`), count }));
    return { missing, lines, counts, quota: quotaOf(cycle.ruleSet, grades) };
  };

  const check = async () => {
    setBusy(true);
    try {
      const { missing, lines, counts, quota } = await readBack();
      if (missing.length > 0) {
        setStep({ kind: 'missing' });
        return;
      }
      const residenceMissing = cycle.ruleSet.residenceCommentRequired ? members.filter((member) => residenceStatus(member.residenceLinks, cycle.year) === 'missing').length : 0;
      setStep({ kind: 'confirm', lines, residenceMissing, quota, counts });
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    setBusy(true);
    try {
      const { missing, lines, counts } = await readBack();
      if (missing.length > 0) setStep({ kind: 'missing' });
      else setStep({ kind: 'sent', count: lines.length, time: new Date().toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' }), counts });
    } finally {
      setBusy(false);
    }
  };

  // Who still has no proposal, as the server has it now (the list shrinks as she proposes).
  const proposed = new Set((progress.data?.reviewCycle?.proposals ?? []).map((proposal) => proposal.member.id));
  const stillMissing = members.filter((member) => !proposed.has(member.id)).map((member) => member.fullName);

  const columns: Column<Line>[] = [
    { header: t('member'), cell: (line) => line.fullName },
    { header: t('scoreShort'), cell: (line) => line.score, numeric: true },
    { header: t('grade'), cell: (line) => cell(`labels.grade.${line.grade}`) },
  ];

  return (
    <Section title={t('submitTitle')}>
      <p>{t('submitHint')}</p>
      <div className="dv-form__actions">
        <Button onClick={() => void check()} disabled={busy || members.length === 0} data-testid="review-submit">
          {busy && step.kind !== 'confirm' ? t('checking') : t('submit')}
        </Button>
      </div>
      <div aria-live="polite">
        {step.kind === 'missing' && stillMissing.length > 0 ? (
          <Alert tone="danger" title={t('missingProposals', { count: stillMissing.length })}>
            <p data-testid="review-missing">{t('missingProposalsText', { names: stillMissing.join(', ') })}</p>
          </Alert>
        ) : null}
        {step.kind === 'sent' ? (
          <Alert tone="success" title={t('sent')}>
            <p data-testid="review-sent">{t('sentText', { count: step.count, time: step.time })}</p>
            <ul>
              {step.counts.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
      </div>
      <Dialog open={step.kind === 'confirm'} title={t('confirmTitle')} onClose={() => setStep((current) => (current.kind === 'confirm' ? { kind: 'idle' } : current))}>
        {step.kind === 'confirm' ? (
          <div data-testid="review-confirm">
            <p>{t('confirmIntro', { count: step.lines.length, period: periodText })}</p>
            <ul>
              {step.counts.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            {step.quota.exceeded ? (
              <Alert tone="warning" title={t('quotaExceeded', { excellent: step.quota.excellent, allowed: step.quota.allowed })}>
                <p>{t('quotaExceededText')}</p>
              </Alert>
            ) : null}
            {step.residenceMissing > 0 ? (
              <Alert tone="warning">
                <p>{t('confirmResidence', { count: step.residenceMissing })}</p>
              </Alert>
            ) : null}
            <DataTable caption={t('summaryCaption')} columns={columns} rows={step.lines} rowKey={(line) => line.id} testId="review-summary" />
            <div className="dv-form__actions dv-sticky-actions">
              <Button onClick={() => void confirm()} disabled={busy} data-testid="review-confirm-send">
                {busy ? t('checking') : t('confirm')}
              </Button>
              <Button variant="secondary" onClick={() => setStep({ kind: 'idle' })}>
                {t('common.cancel', { ns: 'translation' })}
              </Button>
            </div>
          </div>
        ) : null}
      </Dialog>
    </Section>
  );
}
