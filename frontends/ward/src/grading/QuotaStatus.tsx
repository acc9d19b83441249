import { useTranslation } from 'react-i18next';
import { Alert } from '@dangvien/ui';
import type { QuotaCheck } from './grading.ts';
import type { GradingRules } from './queries.ts';

/** The rule set's excellent quota over the grades as they stand on screen, and what would satisfy it. */
export function QuotaStatus({ rules, quota }: { rules: GradingRules; quota: QuotaCheck }) {
  const { t } = useTranslation('ward.grading');
  const rule = <p>{t('quota.rule', { percent: rules.excellentQuotaPercent, code: rules.code })}</p>;
  // A live region: the verdict is read out as the clerk changes a score.
  return (
    <div data-testid="grading-quota" aria-live="polite">
      {quota.exceeded ? (
        <Alert tone="warning" title={t('quota.exceeded', { ...quota })}>
          {rule}
          <p data-testid="grading-quota-fix">
            <strong>{t('quota.demote', { count: quota.demote, min: rules.excellentMinScore })}</strong>
            {quota.moreGood !== null ? <> {t('quota.moreGood', { count: quota.moreGood })}</> : null}
          </p>
        </Alert>
      ) : (
        <Alert tone="success" title={t('quota.ok', { ...quota })}>
          {rule}
        </Alert>
      )}
    </div>
  );
}
