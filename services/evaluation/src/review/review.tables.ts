import type { Selectable } from 'kysely';
import type { Review } from '../generated/tables.ts';

export type ReviewRow = Selectable<Review>;
