import type { Selectable } from 'kysely';
import type { CommitteePosition, CommitteeTerm } from '../generated/tables.ts';

export type CommitteeTermRow = Selectable<CommitteeTerm>;
export type PositionRow = Selectable<CommitteePosition>;
