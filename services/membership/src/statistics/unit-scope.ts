import { readableScopes, scopesWithRole, type Caller, type Role } from '@dangvien/auth';
import { withinReplicaScopes, unitsWithinScopes } from '@dangvien/org-replica';
import { DomainError, requireId } from '@dangvien/server';
import type { Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';

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
