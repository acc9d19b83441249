import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Badge, Button, DataTable, QueryBoundary, Section, Toolbar, useMutation, useQuery, type Column } from '@dangvien/ui';
import type { Grade } from '../generated/graphql.ts';
import { gradeUnder, parseScore } from './grading.ts';
import { OpenCycle } from './OpenCycle.tsx';
import { DECIDE_ORGANIZATION_GRADES, GRADING_ROSTER, ORGANIZATION_REVIEWS, type GradingCycle } from './queries.ts';

interface CellDecision {
  score: string;
  allTasksDone: boolean;
  exceeded: string;
}
interface CellRow {
  id: string;
  name: string;
  saved: { score: number; grade: Grade } | undefined;
}

/** Xếp loại chi bộ: the committee grades its cells in an ORGANIZATIONS cycle (no excellent quota applies). */
export function OrganizationGrading({ cycle, committeeId, year }: { cycle: GradingCycle | undefined; committeeId: string; year: number }) {
  const { t } = useTranslation('ward.grading');
  return (
    <Section title={t('org.title', { year })}>
      {cycle ? <CellGrades cycle={cycle} committeeId={committeeId} /> : <OpenCycle committeeId={committeeId} year={year} subject="ORGANIZATIONS" title={t('org.noCycle', { year })} />}
    </Section>
  );
}

function CellGrades({ cycle, committeeId }: { cycle: GradingCycle; committeeId: string }) {
  const { t } = useTranslation('ward.grading');
  const roster = useQuery(GRADING_ROSTER, { id: committeeId });
  const reviews = useQuery(ORGANIZATION_REVIEWS, { unitId: committeeId, year: cycle.year });
  const [typed, setTyped] = useState<Record<string, CellDecision>>({});
  const decide = useMutation(DECIDE_ORGANIZATION_GRADES);
  const [notice, setNotice] = useState<string>();
  const open = cycle.status === 'OPEN';
  return (
    <QueryBoundary query={roster}>
      {(people) => (
        <QueryBoundary query={reviews}>
          {(read) => {
            const saved = new Map(read.organizationReviews.filter((review) => review.cycle?.id === cycle.id).map((review) => [review.unit.id, review]));
            const rows: CellRow[] = (people.orgUnit?.children ?? []).map((cell) => {
              const review = saved.get(cell.id);
              return { id: cell.id, name: cell.name, saved: review ? { score: review.score, grade: review.grade } : undefined };
            });
            const decisionOf = (row: CellRow): CellDecision => typed[row.id] ?? { score: row.saved ? String(row.saved.score) : '', allTasksDone: false, exceeded: '0' };
            const change = (row: CellRow, patch: Partial<CellDecision>) => setTyped((current) => ({ ...current, [row.id]: { ...decisionOf(row), ...patch } }));
            const gradeOf = (row: CellRow): Grade | undefined => {
              const decision = decisionOf(row);
              const score = parseScore(decision.score);
              const exceeded = parseScore(decision.exceeded);
              if (typeof score !== 'number') return undefined;
              return gradeUnder(cycle.ruleSet, { score, disciplined: false, allTasksDone: decision.allTasksDone, exceededTaskPercent: typeof exceeded === 'number' ? exceeded : 0 });
            };
            const columns: Column<CellRow>[] = [
              { header: t('org.cell'), cell: (row) => row.name, sortValue: (row) => row.name },
              {
                header: t('org.score'),
                numeric: true,
                exportValue: (row) => {
                  const score = parseScore(decisionOf(row).score);
                  return typeof score === 'number' ? score : null;
                },
                cell: (row) =>
                  open ? (
                    <input className="ward-score-input" inputMode="numeric" aria-label={t('org.scoreOf', { name: row.name })} value={decisionOf(row).score} onChange={(event) => change(row, { score: event.target.value })} />
                  ) : (
                    (row.saved?.score ?? null)
                  ),
              },
              {
                header: t('org.allTasks'),
                exportValue: (row) => (decisionOf(row).allTasksDone ? 'Có' : 'Không'),
                cell: (row) => (
                  <input type="checkbox" disabled={!open} aria-label={t('org.allTasksOf', { name: row.name })} checked={decisionOf(row).allTasksDone} onChange={(event) => change(row, { allTasksDone: event.target.checked })} />
                ),
              },
              {
                header: t('org.exceeded'),
                numeric: true,
                exportValue: (row) => {
                  const exceeded = parseScore(decisionOf(row).exceeded);
                  return typeof exceeded === 'number' ? exceeded : null;
                },
                cell: (row) => (
                  <input className="ward-score-input" inputMode="numeric" disabled={!open} aria-label={t('org.exceededOf', { name: row.name })} value={decisionOf(row).exceeded} onChange={(event) => change(row, { exceeded: event.target.value })} />
                ),
              },
              {
                header: t('org.grade'),
                exportValue: (row) => {
                  const grade = gradeOf(row);
                  return grade ? t(`grade.${grade}`) : null;
                },
                cell: (row) => {
                  const grade = gradeOf(row);
                  return grade ? <Badge>{t(`grade.${grade}`)}</Badge> : t('notDecided');
                },
              },
              { header: t('org.saved'), cell: (row) => (row.saved ? t(`grade.${row.saved.grade}`) : t('notDecided')) },
            ];
            const submit = async () => {
              setNotice(undefined);
              const decisions = rows.flatMap((row) => {
                const decision = decisionOf(row);
                const score = parseScore(decision.score);
                const exceeded = parseScore(decision.exceeded);
                return typeof score === 'number'
                  ? [{ unitId: row.id, score, allTasksDone: decision.allTasksDone, exceededTaskPercent: typeof exceeded === 'number' ? exceeded : 0 }]
                  : [];
              });
              if (decisions.length === 0) return setNotice(t('nothingToDecide'));
              try {
                const result = await decide.mutateAsync({ cycleId: cycle.id, decisions });
                setNotice(t('org.decided', { count: result.decideOrganizationGrades.length }));
              } catch {
                // shown below the button
              }
            };
            return (
              <>
                <p className="dv-muted">{t('org.note')}</p>
                <DataTable testId="org-grading-table" caption={t('org.caption')} columns={columns} rows={rows} rowKey={(row) => row.id} exportFileName={t('org.exportName', { year: cycle.year })} />
                {open ? (
                  <Toolbar>
                    <Button data-testid="org-grading-decide" disabled={decide.isPending} onClick={() => void submit()}>
                      {t('org.decide')}
                    </Button>
                  </Toolbar>
                ) : null}
                {decide.error ? (
                  <div className="dv-alert dv-alert--error" role="alert">
                    {decide.error.message}
                  </div>
                ) : null}
                {notice ? (
                  <Alert tone="success" live="status">
                    <p data-testid="org-grading-notice">{notice}</p>
                  </Alert>
                ) : null}
              </>
            );
          }}
        </QueryBoundary>
      )}
    </QueryBoundary>
  );
}
