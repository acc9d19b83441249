import { MUTATION_ROLES, readableScopes, scopesWithRole, type Caller, type MutationName, type Role } from '@dangvien/auth';
import { publish } from '@dangvien/events';
import { inReplicaSubtrees, withinReplicaScopes, type OrgReplicaTables } from '@dangvien/org-replica';
import { DomainError } from '@dangvien/server';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { MemberStatus } from '../generated/graphql.ts';
import { lastDayOf, liveToday } from '../member/record-scope.ts';
import { MEMBER_EVENTS, type MemberPlaced } from './placement.events.ts';

/** Who recorded something, as the member history shows it. */
export function recordedBy(caller: Caller): string {
  return `${caller.name} (${caller.subject})`;
}

/** `date` (YYYY-MM-DD) plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** Units members do party activity in: subordinate cells, and grassroots cells (chi bộ cơ sở) that have no cells below them. */
export const MEMBER_CELL_KINDS: readonly string[] = ['CELL', 'GRASSROOTS_CELL'];

const live = sql<boolean>`(valid_from IS NULL OR valid_from <= current_date) AND (valid_to IS NULL OR valid_to > current_date)`;

/** A unit of membership's copy of the tree (the table's type is the org-replica package's). */
export type ReplicaUnit = Pick<Selectable<OrgReplicaTables['org_unit_replica']>, 'id' | 'kind' | 'name' | 'parent_id'>;

/** A unit of the tree as it stands today, or null. */
export function liveUnit(trx: Transaction<MembershipDatabase>, unitId: string): Promise<ReplicaUnit | undefined> {
  return trx.selectFrom('org_unit_replica').select(['id', 'kind', 'name', 'parent_id']).where('id', '=', unitId).where(live).executeTakeFirst();
}

/**
 * A live unit inside the subtrees where the caller holds a role allowed for `mutation`. Outside the
 * caller's reach it is NOT_FOUND; inside but without the role, FORBIDDEN.
 */
export async function unitForMutation(trx: Transaction<MembershipDatabase>, caller: Caller, mutation: MutationName, unitId: string, what: string, field: string): Promise<ReplicaUnit> {
  const scopes = scopesWithRole(caller, MUTATION_ROLES[mutation] as readonly Role[]);
  const unit = await trx
    .selectFrom('org_unit_replica')
    .select(['id', 'kind', 'name', 'parent_id'])
    .where('id', '=', unitId)
    .where(live)
    .where(withinReplicaScopes('org_unit_replica.id', scopes))
    .executeTakeFirst();
  if (unit) return unit;
  const readable = await trx.selectFrom('org_unit_replica').select('id').where('id', '=', unitId).where(live).where(withinReplicaScopes('org_unit_replica.id', readableScopes(caller))).executeTakeFirst();
  if (readable) throw new DomainError('FORBIDDEN', `Vai trò của bạn không được ${what}.`);
  throw new DomainError('NOT_FOUND', 'Không tìm thấy đơn vị.', { field });
}

/** Whether the caller holds a role allowed for `mutation` over one of `unitIds`. */
export async function mayChangeIn(trx: Transaction<MembershipDatabase>, caller: Caller, mutation: MutationName, unitIds: readonly (string | null)[]): Promise<boolean> {
  const ids = unitIds.filter((id): id is string => id !== null);
  if (ids.length === 0) return false;
  const scopes = scopesWithRole(caller, MUTATION_ROLES[mutation] as readonly Role[]);
  const row = await trx.selectFrom('org_unit_replica').select('id').where('id', 'in', ids).where(withinReplicaScopes('org_unit_replica.id', scopes)).executeTakeFirst();
  return row !== undefined;
}

/** Whether the caller may read a unit (inside their subtrees; a unit ended since counts). */
export async function unitReadable(db: Kysely<MembershipDatabase>, caller: Caller, unitId: string): Promise<boolean> {
  const row = await db.selectFrom('org_unit_replica').select('id').where('id', '=', unitId).where(inReplicaSubtrees('org_unit_replica.id', readableScopes(caller))).executeTakeFirst();
  return row !== undefined;
}

/**
 * Which of `unitIds` may be answered as references: units of today's tree (as before), and ended units
 * inside the caller's subtrees on their last day (organization shows those). A record read through a
 * successor names an ended cell the caller does not see: it is answered null rather than as a
 * reference organization would refuse (which fails the whole record).
 */
export async function unitsShown(db: Kysely<MembershipDatabase>, unitIds: readonly string[], scopeIds: readonly string[]): Promise<Set<string>> {
  if (unitIds.length === 0 || scopeIds.length === 0) return new Set();
  const result = await sql<{ id: string }>`SELECT shown.id FROM unnest(${[...new Set(unitIds)]}::uuid[]) AS shown(id)
    WHERE ${liveToday(sql`shown.id`)} OR ${withinReplicaScopes(sql`shown.id`, scopeIds, lastDayOf(sql`shown.id`))}`.execute(db);
  return new Set(result.rows.map((row) => row.id));
}

/** Whether one of `unitIds` is inside the caller's readable subtrees. */
export async function mayReadIn(trx: Transaction<MembershipDatabase>, caller: Caller, unitIds: readonly (string | null)[]): Promise<boolean> {
  const ids = unitIds.filter((id): id is string => id !== null);
  if (ids.length === 0) return false;
  const row = await trx.selectFrom('org_unit_replica').select('id').where('id', 'in', ids).where(withinReplicaScopes('org_unit_replica.id', readableScopes(caller))).executeTakeFirst();
  return row !== undefined;
}

/** Tells evaluation and organization where a member is (null: outside the system) and the status, from `effectiveDate`. */
export async function publishPlaced(trx: Transaction<MembershipDatabase>, memberId: string, cellId: string | null, status: MemberStatus, effectiveDate: string): Promise<void> {
  await publish(trx, [{ type: MEMBER_EVENTS.placed, aggregateId: memberId, payload: { memberId, cellId, status, effectiveDate } satisfies MemberPlaced }]);
}

/** Two requests racing past a check: the unique index decides, and the loser gets the same CONFLICT as a checked one. */
export async function conflictOnUnique<T>(run: () => Promise<T>, messages: Record<string, string>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === '23505' && constraint && messages[constraint]) throw new DomainError('CONFLICT', messages[constraint]);
    throw error;
  }
}
