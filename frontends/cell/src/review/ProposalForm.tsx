import { useTranslation } from 'react-i18next';
import { Button, ChoiceField, FormError, FormProvider, showServerError, TextField, useMutation, useSchemaForm, useWatch } from '@dangvien/ui';
import { PROPOSE_GRADE } from './queries.ts';
import { gradeUnder, type GradingRules } from './review.ts';
import type { Grade } from '../generated/graphql.ts';
import { proposalDefaults, proposalFacts, proposalSchema, type ProposalForm as Values } from './schemas.ts';

/** The server's field names that this form has. */
const FIELDS: Record<string, keyof Values> = { score: 'score', exceededTaskPercent: 'exceededTaskPercent', disciplined: 'disciplined', allTasksDone: 'allTasksDone' };

/**
 * The cell's proposed score and grade for one member: the score and the facts the rule set asks
 * for; the grade the rules give is shown while typing, and the server's grade is what is recorded.
 */
export function ProposalForm(props: {
  cycleId: string;
  rules: GradingRules;
  member: { id: string; fullName: string };
  current: { score: number; grade: Grade; disciplined: boolean } | undefined;
  onDone: (message: string) => void;
}) {
  const { cycleId, rules, member, current, onDone } = props;
  const { t } = useTranslation('cell.review');
  const { t: cell } = useTranslation('cell');
  const yesNo = [
    { value: 'yes', label: t('yes') },
    { value: 'no', label: t('no') },
  ];
  const form = useSchemaForm<Values>(proposalSchema, proposalDefaults(rules, current));
  const mutation = useMutation(PROPOSE_GRADE);
  const submit = form.handleSubmit(async (values: Values) => {
    try {
      const answer = await mutation.mutateAsync({ input: { cycleId, memberId: member.id, ...proposalFacts(values) } });
      const { grade, score } = answer.proposeGrade;
      onDone(t('proposalSaved', { name: member.fullName, grade: cell(`labels.grade.${grade}`), score }));
    } catch (error) {
      showServerError(form, error, (where) => (where.field ? FIELDS[where.field] : undefined));
    }
  });
  return (
    <FormProvider {...form}>
      <form className="dv-form" onSubmit={(event) => void submit(event)} noValidate data-testid="proposal-form">
        <TextField<Values>
          name="score"
          label={t('score')}
          hint={t('scoreHint', {
            excellent: rules.excellentMinScore,
            good: rules.goodMinScore,
            goodMax: rules.excellentMinScore - 1,
            completed: rules.completedMinScore,
            completedMax: rules.goodMinScore - 1,
          })}
          type="number" inputMode="numeric" min={0} max={100} step={1} />
        <ChoiceField<Values> name="allTasksDone" label={t('allTasksDone')} options={yesNo} />
        <TextField<Values>
          name="exceededTaskPercent"
          label={t('exceeded')}
          hint={t('exceededHint', { percent: rules.excellentMinExceededPercent })}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
        />
        <ChoiceField<Values> name="disciplined" label={t('disciplinedQuestion')} hint={t('disciplinedHint')} options={yesNo} />
        <GradePreview rules={rules} />
        <FormError />
        <div className="dv-form__actions dv-sticky-actions">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? t('common.saving', { ns: 'translation' }) : t('common.save', { ns: 'translation' })}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}

/** The grade the rule set gives for what is typed so far (nothing until the score is a valid number). */
function GradePreview({ rules }: { rules: GradingRules }) {
  const { t } = useTranslation('cell.review');
  const { t: cell } = useTranslation('cell');
  const values = useWatch<Values>();
  const parsed = proposalSchema.safeParse(values);
  return (
    <p className="dv-notice" role="status" data-testid="grade-preview">
      {parsed.success ? t('gradePreview', { grade: cell(`labels.grade.${gradeUnder(rules, proposalFacts(parsed.data))}`) }) : t('gradePreviewEmpty')}
    </p>
  );
}
