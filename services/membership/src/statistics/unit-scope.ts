import { MUTATION_ROLES, readableScopes, scopesWithRole, type Caller, type MutationName, type Role } from '@dangvien/auth';
import { withinReplicaScopes, unitsWithinScopes } from '@dangvien/org-replica';
import { DomainError, requireId } from '@dangvien/server';
import type { Kysely, Transaction } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { MemberRow } from '../member/member.tables.ts';

/**
 * A unit the caller may read (inside the subtree of one of their grants, today), or NOT_FOUND as if
 * it did not exist. Returns the validated id.
 */
export async function requireReadableUnit(db: Kysely<MembershipDatabase>, caller: Caller, unitIdArgument: string): Promise<string> {
  const unitId = requireId(unitIdArgument, 'unitId');
  const scopes = readableScopes(caller);
  const known = await db.selectFrom('org_unit_replica').select('id').where('id', '=', unitId).where(withinReplicaScopes('org_unit_replica.id', scopes)).executeTakeFirst();
  if (!known) throw new DomainError('NOT_FOUND', 'Không tìm thấy đơn vị.', { field: 'unitId' });
  return unitId;
}

/** Whether `unitId` lies inside the subtrees of the caller's grants with one of `roles` (today). */
export async function unitWithinRoles(db: Kysely<MembershipDatabase>, caller: Caller, unitId: string, roles: readonly Role[]): Promise<boolean> {
  const scopes = scopesWithRole(caller, roles);
  return (await unitsWithinScopes(db, [unitId], scopes)).has(unitId);
}

/**
 * Locks a member the caller may change with `mutation`: out of every grant looks like missing
 * (NOT_FOUND), readable but without the role is FORBIDDEN.
 */
export async function lockMemberForMutation(trx: Transaction<MembershipDatabase>, caller: Caller, mutation: MutationName, memberId: string, what: string): Promise<MemberRow> {
  const scopes = scopesWithRole(caller, MUTATION_ROLES[mutation] as readonly Role[]);
  const member = await trx.selectFrom('member').selectAll().where('id', '=', memberId).where(withinReplicaScopes('member.cell_id', scopes)).forUpdate().executeTakeFirst();
  if (member) return member;
  const readable = await trx.selectFrom('member').select('id').where('id', '=', memberId).where(withinReplicaScopes('member.cell_id', readableScopes(caller))).executeTakeFirst();
  if (readable) throw new DomainError('FORBIDDEN', `Vai trò của bạn không được ${what}.`);
  throw new DomainError('NOT_FOUND', 'Không tìm thấy đảng viên.', { field: 'memberId' });
}
