import { useTranslation } from 'react-i18next';
import { formatDate } from '@dangvien/ui';
import { recorderName, todayInVietnam } from '../members/lifecycle.ts';
import type { GradeDecision } from './queries.ts';

/**
 * Lịch sử quyết định: every decision on a member's grade, oldest first (grade, date, by whom, reason),
 * once the grade has been decided more than once (a single decision is the grade shown beside it).
 */
export function DecisionHistory({ memberId, decisions }: { memberId: string; decisions: readonly GradeDecision[] }) {
  const { t } = useTranslation('ward.grading');
  if (decisions.length < 2) return null;
  return (
    <details className="ward-decision-history" data-testid={`decision-history-${memberId}`}>
      <summary>{t('history.title', { count: decisions.length })}</summary>
      <ol>
        {decisions.map((decision) => (
          <li key={decision.id} data-testid="decision-history-line">
            {t('history.line', {
              grade: t(`grade.${decision.grade}`),
              score: decision.score == null ? '' : t('history.score', { score: decision.score }),
              date: formatDate(todayInVietnam(new Date(decision.decidedAt))),
              by: recorderName(decision.decidedBy),
            })}
            {decision.decisionNumber ? <div className="dv-muted">{t('history.number', { number: decision.decisionNumber })}</div> : null}
            {decision.reason ? <div className="dv-muted">{t('history.reason', { reason: decision.reason })}</div> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
