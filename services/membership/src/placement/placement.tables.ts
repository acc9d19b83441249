import type { Selectable } from 'kysely';
import type { MemberPlacement } from '../generated/tables.ts';
import type { MemberRow } from '../member/member.tables.ts';

export type PlacementRow = Selectable<MemberPlacement>;

/** A member on a roster, with the cell of the placement that put them there. */
export type PlacedMember = MemberRow & { placed_cell_id: string };
