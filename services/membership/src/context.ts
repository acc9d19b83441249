import { readableScopes, type Caller } from '@dangvien/auth';
import { groupLoader, rowLoader } from '@dangvien/server';
import type { Kysely } from 'kysely';
import type { MembershipDatabase } from './database.ts';
import { findMembersByIds, findMembersOfCells, type MemberRow } from './member/member.repository.ts';

export interface MembershipContext {
  db: Kysely<MembershipDatabase>;
  caller: Caller;
  memberById: ReturnType<typeof rowLoader<MemberRow>>;
  membersOfCell: ReturnType<typeof groupLoader<MemberRow>>;
}

export function createContext(db: Kysely<MembershipDatabase>, caller: Caller): MembershipContext {
  const scopes = readableScopes(caller);
  return {
    db,
    caller,
    memberById: rowLoader((ids) => findMembersByIds(db, ids, scopes), (row) => row.id),
    membersOfCell: groupLoader((ids) => findMembersOfCells(db, ids, scopes), (row) => row.cell_id ?? ''),
  };
}
