import type { Kysely, Transaction } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { MemberEventDetailsInput, MemberEventKind } from '../generated/graphql.ts';
import type { MemberEventRow } from './lifecycle.tables.ts';

/** The events of many members, each history oldest first (recording order within a day). */
export function eventsOfMembers(db: Kysely<MembershipDatabase>, memberIds: readonly string[]): Promise<MemberEventRow[]> {
  return db.selectFrom('member_event').selectAll().where('member_id', 'in', memberIds).orderBy('occurred_on').orderBy('id').execute();
}

/** One member's effective history (annulled events left out), in the caller's transaction. */
export function historyOf(trx: Transaction<MembershipDatabase>, memberId: string): Promise<MemberEventRow[]> {
  return trx.selectFrom('member_event').selectAll().where('member_id', '=', memberId).where('annulled_at', 'is', null).execute();
}

export interface NewMemberEvent {
  kind: MemberEventKind;
  occurredOn: string;
  decisionNumber: string | null;
  details?: MemberEventDetailsInput;
}

/** Appends events to a member's history (the table refuses updates and deletes). */
export function insertEvents(trx: Transaction<MembershipDatabase>, memberId: string, events: readonly NewMemberEvent[], recordedBy: string) {
  return trx
    .insertInto('member_event')
    .values(events.map((event) => ({ member_id: memberId, kind: event.kind, occurred_on: event.occurredOn, decision_number: event.decisionNumber, details: event.details ?? {}, recorded_by: recordedBy })))
    .returning('id')
    .execute();
}

/** One event, locked: an annulment and a second one on the same event run one after the other. */
export function findEvent(trx: Transaction<MembershipDatabase>, eventId: number): Promise<MemberEventRow | undefined> {
  return trx.selectFrom('member_event').selectAll().where('id', '=', eventId).forUpdate().executeTakeFirst();
}

/** Marks an event annulled (the table's trigger allows this one change, once). */
export function markAnnulled(trx: Transaction<MembershipDatabase>, eventId: number, annulledBy: string, reason: string): Promise<MemberEventRow> {
  return trx
    .updateTable('member_event')
    .set({ annulled_at: new Date(), annulled_by: annulledBy, annulled_reason: reason })
    .where('id', '=', eventId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
