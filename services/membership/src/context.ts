import { readableScopes, scopesWithRole, SENSITIVE_READER_ROLES, type Caller } from '@dangvien/auth';
import { withinReplicaScopes } from '@dangvien/org-replica';
import { groupLoader, rowLoader } from '@dangvien/server';
import DataLoader from 'dataloader';
import type { Kysely, Selectable } from 'kysely';
import type { MemberPartyCardTable, MembershipDatabase } from './database.ts';
import type { MemberEventRow } from './member/member-record.ts';
import { findMembersByIds, findMembersOfCells, type MemberRow } from './member/member.repository.ts';

export interface MembershipContext {
  db: Kysely<MembershipDatabase>;
  caller: Caller;
  memberById: ReturnType<typeof rowLoader<MemberRow>>;
  membersOfCell: ReturnType<typeof groupLoader<MemberRow>>;
  /** Events of members already resolved (so already in scope), oldest first. */
  eventsOfMember: ReturnType<typeof groupLoader<MemberEventRow>>;
  partyCardsOfMember: ReturnType<typeof groupLoader<Selectable<MemberPartyCardTable>>>;
  /** Whether the caller may read this member's sensitive data: a grant with a SENSITIVE_READER_ROLES role whose subtree holds the member's cell. */
  sensitiveReadable: DataLoader<string, boolean>;
}

export function createContext(db: Kysely<MembershipDatabase>, caller: Caller): MembershipContext {
  const scopes = readableScopes(caller);
  const sensitiveScopes = scopesWithRole(caller, SENSITIVE_READER_ROLES);
  return {
    db,
    caller,
    memberById: rowLoader((ids) => findMembersByIds(db, ids, scopes), (row) => row.id),
    membersOfCell: groupLoader((ids) => findMembersOfCells(db, ids, scopes), (row) => row.cell_id ?? ''),
    eventsOfMember: groupLoader(
      (ids) => db.selectFrom('member_event').selectAll().where('member_id', 'in', ids).orderBy('occurred_on').orderBy('id').execute(),
      (row) => row.member_id,
    ),
    partyCardsOfMember: groupLoader((ids) => db.selectFrom('member_party_card').selectAll().where('member_id', 'in', ids).orderBy('id').execute(), (row) => row.member_id),
    sensitiveReadable: new DataLoader(async (ids) => {
      if (sensitiveScopes.length === 0) return ids.map(() => false);
      const rows = await db.selectFrom('member').select('id').where('id', 'in', [...ids]).where(withinReplicaScopes('member.cell_id', sensitiveScopes)).execute();
      const allowed = new Set(rows.map((row) => row.id));
      return ids.map((id) => allowed.has(id));
    }),
  };
}
