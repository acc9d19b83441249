import type { Selectable } from 'kysely';
import type { Delegate, DelegateRating, DelegateWorkItem, Delegation } from '../generated/tables.ts';

export type DelegationRow = Selectable<Delegation>;
export type DelegateRow = Selectable<Delegate>;
export type WorkItemRow = Selectable<DelegateWorkItem>;
export type RatingRow = Selectable<DelegateRating>;
