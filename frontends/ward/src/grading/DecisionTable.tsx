import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, DataTable, type Column } from '@dangvien/ui';
import type { Grade } from '../generated/graphql.ts';
import { DecisionHistory } from './DecisionHistory.tsx';
import { decidedGrade, GRADES, parseScore, type DecisionRow } from './grading.ts';
import type { GradingRules } from './queries.ts';

const GRADE_TONE = { EXCELLENT: 'success', GOOD: 'info', COMPLETED: 'neutral', NOT_COMPLETED: 'danger' } as const;
const gradeRank = (grade: Grade | null | undefined) => (grade ? GRADES.indexOf(grade) : null);

/**
 * The cells' proposals beside the committee's decision: each member's proposed score and grade, the
 * score the committee decides (typed here) and the grade it gives under the cycle's rule set.
 */
export function DecisionTable(props: {
  rows: readonly DecisionRow[];
  rules: GradingRules;
  year: number;
  scoreOf: (row: DecisionRow) => string;
  editable: boolean;
  refusedMember: string | undefined;
  onScore: (memberId: string, text: string) => void;
}) {
  const { rows, rules, year, scoreOf, editable, refusedMember, onScore } = props;
  const { t } = useTranslation('ward.grading');
  const [search, setSearch] = useState('');
  const gradeLabel = (grade: Grade | null | undefined) => (grade ? t(`grade.${grade}`) : undefined);
  const gradeNow = (row: DecisionRow) => decidedGrade(rules, row, scoreOf(row));
  const columns: Column<DecisionRow>[] = [
    { header: t('column.member'), cell: (row) => row.fullName, sortValue: (row) => row.fullName },
    { header: t('column.cell'), cell: (row) => row.cellName, sortValue: (row) => row.cellName },
    { header: t('column.proposedScore'), numeric: true, cell: (row) => row.proposal?.score ?? null, sortValue: (row) => row.proposal?.score },
    {
      header: t('column.proposedGrade'),
      cell: (row) => (row.proposal ? `${t(`grade.${row.proposal.grade}`)}${row.proposal.disciplined ? ` (${t('disciplined')})` : ''}` : t('noProposal')),
      sortValue: (row) => gradeRank(row.proposal?.grade),
    },
    {
      header: t('column.score'),
      numeric: true,
      sortValue: (row) => {
        const score = parseScore(scoreOf(row));
        return typeof score === 'number' ? score : null;
      },
      exportValue: (row) => {
        const score = parseScore(scoreOf(row));
        return typeof score === 'number' ? score : null;
      },
      cell: (row) => {
        const text = scoreOf(row);
        const invalid = parseScore(text) === 'invalid' || refusedMember === row.memberId;
        return editable ? (
          <input
            className="ward-score-input"
            inputMode="numeric"
            aria-label={t('scoreOf', { name: row.fullName })}
            aria-invalid={invalid}
            title={parseScore(text) === 'invalid' ? t('badScore') : undefined}
            data-testid={`score-${row.memberId}`}
            value={text}
            onChange={(event) => onScore(row.memberId, event.target.value)}
          />
        ) : (
          text
        );
      },
    },
    {
      header: t('column.grade'),
      exportValue: (row) => gradeLabel(gradeNow(row)) ?? null,
      cell: (row) => {
        const grade = gradeNow(row);
        return grade ? (
          <span data-testid={`grade-${row.memberId}`}>
            <Badge tone={GRADE_TONE[grade]}>{t(`grade.${grade}`)}</Badge>
          </span>
        ) : (
          <span className="dv-muted">{parseScore(scoreOf(row)) === 'invalid' ? t('badScore') : t('notDecided')}</span>
        );
      },
      sortValue: (row) => gradeRank(gradeNow(row)),
    },
    {
      header: t('column.saved'),
      exportValue: (row) => gradeLabel(row.decided?.grade) ?? t('notDecided'),
      cell: (row) => (
        <>
          {gradeLabel(row.decided?.grade) ?? t('notDecided')}
          {row.decided ? <DecisionHistory memberId={row.memberId} decisions={row.decided.decisions} /> : null}
        </>
      ),
      sortValue: (row) => gradeRank(row.decided?.grade),
    },
  ];
  return (
    <>
      <div className="dv-field">
        <label htmlFor="grading-search">{t('search')}</label>
        <input id="grading-search" type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      </div>
      <DataTable
        testId="grading-table"
        caption={t('tableCaption', { count: rows.length })}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.memberId}
        search={search}
        searchText={(row) => `${row.fullName} ${row.cellName}`}
        exportFileName={t('exportName', { year })}
      />
    </>
  );
}
