import { inReplicaSubtrees } from '@dangvien/org-replica';
import { sql, type Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';

const live = sql<boolean>`(valid_from IS NULL OR valid_from <= current_date) AND (valid_to IS NULL OR valid_to > current_date)`;

/** A unit of today's tree inside `scopes`, if any. */
export function readableLiveUnit(db: Kysely<MembershipDatabase>, unitId: string, scopes: readonly string[]) {
  return db.selectFrom('org_unit_replica').select(['id', 'code', 'name']).where('id', '=', unitId).where(live).where(inReplicaSubtrees('org_unit_replica.id', scopes)).executeTakeFirst();
}

/**
 * The current members (probationary, official, exempt) placed in `cellIds` and inside `scopes`, by
 * cell then Vietnamese name order, with their cell's code and name, admission and official dates,
 * and whether `sensitiveScopes` may read their sensitive columns.
 */
export function registerMembers(db: Kysely<MembershipDatabase>, cellIds: readonly string[], scopes: readonly string[], sensitiveScopes: readonly string[]) {
  return db
    .selectFrom('member')
    .innerJoin('org_unit_replica as cell', (join) => join.onRef('cell.id', '=', 'member.cell_id').on(sql<boolean>`(cell.valid_from IS NULL OR cell.valid_from <= current_date) AND (cell.valid_to IS NULL OR cell.valid_to > current_date)`))
    .selectAll('member')
    .select(['cell.code as cell_code', 'cell.name as cell_name'])
    .select(sensitiveScopes.length > 0 ? inReplicaSubtrees('member.cell_id', sensitiveScopes).as('sensitive') : sql<boolean>`false`.as('sensitive'))
    .select((eb) => [
      eb.selectFrom('member_event').select(sql<string>`min(occurred_on)::text`.as('d')).whereRef('member_event.member_id', '=', 'member.id').where('kind', '=', 'ADMITTED').where('annulled_at', 'is', null).as('admitted_on'),
      eb.selectFrom('member_event').select(sql<string>`min(occurred_on)::text`.as('d')).whereRef('member_event.member_id', '=', 'member.id').where('kind', '=', 'OFFICIAL').where('annulled_at', 'is', null).as('official_on'),
    ])
    .where('member.cell_id', 'in', cellIds)
    .where('member.status', 'in', ['PROBATIONARY', 'OFFICIAL', 'EXEMPT'])
    .where(inReplicaSubtrees('member.cell_id', scopes))
    .orderBy(sql`cell.name COLLATE "vi-x-icu"`)
    .orderBy(sql`member.given_name COLLATE "vi-x-icu"`)
    .orderBy(sql`member.full_name COLLATE "vi-x-icu"`)
    .execute();
}

export type RegisterMember = Awaited<ReturnType<typeof registerMembers>>[number];
