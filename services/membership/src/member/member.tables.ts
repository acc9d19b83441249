import type { Selectable, Updateable } from 'kysely';
import type { Member, MemberPartyCard } from '../generated/tables.ts';

export type MemberRow = Selectable<Member>;
export type PartyCardRow = Selectable<MemberPartyCard>;

/** The lý lịch columns a clerk sets (what `profileValues` returns): a column left out stays as it is. */
export type ProfileValues = Omit<Updateable<Member>, 'id' | 'status' | 'initial_status' | 'cell_id' | 'given_name' | 'full_name_folded' | 'created_at' | 'updated_at'>;
