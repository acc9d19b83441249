import type { Selectable } from 'kysely';
import type { Review, ReviewDecision } from '../generated/tables.ts';

export type ReviewRow = Selectable<Review>;
export type ReviewDecisionRow = Selectable<ReviewDecision>;
