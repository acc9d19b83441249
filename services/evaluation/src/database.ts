import type { ColumnType, Generated } from 'kysely';
import type { Grade } from '@dangvien/demo-data';

export type { Grade };

/** The evaluation subgraph's own database. No other subgraph reads these tables. */
export interface EvaluationDatabase {
  review: ReviewTable;
}

export interface ReviewTable {
  id: string;
  /** A Member owned by the membership subgraph. */
  member_id: string;
  year: number;
  score: number | null;
  grade: Grade | null;
  created_at: ColumnType<Date, never, never> & Generated<Date>;
}
