import type { Selectable } from 'kysely';
import type { SavedQuery } from '../generated/tables.ts';

export type SavedQueryRow = Selectable<SavedQuery>;
