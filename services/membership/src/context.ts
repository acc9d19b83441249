import { readableScopes, scopesWithRole, SENSITIVE_READER_ROLES, type Caller } from '@dangvien/auth';
import { groupLoader, rowLoader } from '@dangvien/server';
import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { MembershipDatabase } from './database.ts';
import { eventsOfMembers } from './lifecycle/lifecycle.repository.ts';
import type { MemberEventRow } from './lifecycle/lifecycle.tables.ts';
import { findMembersInReach, membersWithin, partyCardsOfMembers, type MemberInReach } from './member/member.repository.ts';
import type { MemberRow, PartyCardRow } from './member/member.tables.ts';
import { rosterLoaders, type RosterLoaders } from './placement/placement.loaders.ts';
import { unitsShown } from './placement/scope.ts';
import { SensitiveReadRecorder } from './sensitive-read/sensitive-read.repository.ts';

/** What every resolver receives: the database, the caller, and the per-request loaders of the features. */
export interface MembershipContext {
  db: Kysely<MembershipDatabase>;
  caller: Caller;
  /**
   * Members by id whatever their place, each marked whether the caller may read it. Only for what a
   * row the caller already sees names (a transfer's or a notice's member name): the member may have
   * left the caller's subtrees, or the system.
   */
  membersInReach: DataLoader<string, MemberInReach | null>;
  /** Members inside the caller's subtrees by id (null outside them); batched with `membersInReach`. */
  memberById: DataLoader<string, MemberRow | null>;
  /** Events of members already resolved (so already in scope), oldest first. */
  eventsOfMember: DataLoader<string, MemberEventRow[]>;
  partyCardsOfMember: DataLoader<string, PartyCardRow[]>;
  /** Whether the caller may read this member's sensitive data: a grant with a SENSITIVE_READER_ROLES role whose subtree holds the member's cell. */
  sensitiveReadable: DataLoader<string, boolean>;
  /** Whether the organization subgraph shows the caller this unit (placement/scope.ts `unitsShown`): cells a record names. */
  unitShown: DataLoader<string, boolean>;
  /** Rosters and member counts of units, per date and filter (placement/). */
  rosters: RosterLoaders;
  /** The sensitive fields this request served, by member: written to the processing log before the response (sensitive-read/). */
  sensitiveReads: SensitiveReadRecorder;
}

export function createContext(db: Kysely<MembershipDatabase>, caller: Caller): MembershipContext {
  const scopes = readableScopes(caller);
  const sensitiveScopes = scopesWithRole(caller, SENSITIVE_READER_ROLES);
  const membersInReach = rowLoader((ids) => findMembersInReach(db, ids, scopes), (row) => row.id);
  return {
    db,
    caller,
    membersInReach,
    memberById: new DataLoader(async (ids) => (await membersInReach.loadMany(ids)).map((row) => (row instanceof Error ? row : row?.readable ? row : null))),
    eventsOfMember: groupLoader((ids) => eventsOfMembers(db, ids), (row) => row.member_id),
    partyCardsOfMember: groupLoader((ids) => partyCardsOfMembers(db, ids), (row) => row.member_id),
    sensitiveReadable: new DataLoader(async (ids) => {
      const allowed = await membersWithin(db, ids, sensitiveScopes);
      return ids.map((id) => allowed.has(id));
    }),
    unitShown: new DataLoader(async (ids) => {
      const shown = await unitsShown(db, ids, scopes);
      return ids.map((id) => shown.has(id));
    }),
    rosters: rosterLoaders(db, caller),
    sensitiveReads: new SensitiveReadRecorder(db, caller),
  };
}
