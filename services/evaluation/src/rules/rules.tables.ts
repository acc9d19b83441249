import type { Selectable } from 'kysely';
import type { RuleSet } from '../generated/tables.ts';

export type RuleSetRow = Selectable<RuleSet>;
