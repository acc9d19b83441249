import { sql, type Kysely, type Transaction } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { MemberRow } from '../member/member.tables.ts';
import type { DuesBasisRow, DuesPaymentRow, DuesRuleRow } from './dues.tables.ts';

/** Dues rule sets, oldest first. */
export function duesRules(db: Kysely<MembershipDatabase>): Promise<DuesRuleRow[]> {
  return db.selectFrom('dues_rule').selectAll().orderBy('valid_from').execute();
}

/** A member's dues bases, oldest first. */
export function duesBasesOfMember(db: Kysely<MembershipDatabase>, memberId: string): Promise<DuesBasisRow[]> {
  return db.selectFrom('member_dues_basis').selectAll().where('member_id', '=', memberId).orderBy('valid_from').orderBy('id').execute();
}

/** A member's payments, by month then recording order. */
export function paymentsOfMember(db: Kysely<MembershipDatabase>, memberId: string): Promise<DuesPaymentRow[]> {
  return db.selectFrom('dues_payment').selectAll().where('member_id', '=', memberId).orderBy('month').orderBy('id').execute();
}

/**
 * Holds a payment's idempotency key (a client's clientRequestId) until the transaction ends: two
 * deliveries of one queued payment run one after the other, so the second finds the first one's row.
 */
export async function lockPaymentRequest(trx: Transaction<MembershipDatabase>, clientRequestId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`dues_payment:${clientRequestId}`}))`.execute(trx);
}

/** The payment an idempotency key already recorded, if any. */
export function findPaymentOfRequest(db: Kysely<MembershipDatabase>, clientRequestId: string): Promise<DuesPaymentRow | undefined> {
  return db.selectFrom('dues_payment').selectAll().where('client_request_id', '=', clientRequestId).executeTakeFirst();
}

/** Members by id, by cell then the Vietnamese name order (the arrears list). */
export function membersByCellAndName(db: Kysely<MembershipDatabase>, ids: readonly string[]): Promise<MemberRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('member')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('cell_id')
    .orderBy(sql`given_name COLLATE "vi-x-icu"`)
    .orderBy(sql`full_name COLLATE "vi-x-icu"`)
    .execute();
}
