import { randomUUID } from 'node:crypto';
import type { Caller } from '@dangvien/auth';
import { publish } from '@dangvien/events';
import { writeAudit } from '@dangvien/server';
import type { Transaction } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import { MEMBER_EVENT_CONTRACTS, type ResidenceLinked } from '../placement/placement.events.ts';
import { recordedBy } from '../placement/scope.ts';
import type { ResidenceNoticeKind } from '../generated/graphql.ts';

/** Ends the member's open residence link on `date` and tells evaluation (ResidenceLinked with no cell). */
export async function endResidenceLink(trx: Transaction<MembershipDatabase>, caller: Caller, memberId: string, date: string, reason: string): Promise<void> {
  const open = await trx.selectFrom('residence_link').selectAll().where('member_id', '=', memberId).where('valid_to', 'is', null).forUpdate().executeTakeFirst();
  if (!open) return;
  const end = date < open.valid_from ? open.valid_from : date;
  await trx.updateTable('residence_link').set({ valid_to: end, end_reason: reason }).where('id', '=', open.id).execute();
  await publish(trx, [{ type: MEMBER_EVENT_CONTRACTS.residenceLinked, aggregateId: memberId, payload: { memberId, residenceCellId: null, validFrom: end } satisfies ResidenceLinked }]);
  await writeAudit(trx, caller, [{ operation: 'endResidenceLink', entityType: 'Member', entityId: memberId, before: { residenceLinkId: open.id, validTo: null }, after: { residenceLinkId: open.id, validTo: end, reason } }]);
}

/**
 * The workplace side tells the residence of a change (transferred, changed post, expelled, removed)
 * when the member is linked to a residential cell; `endsLink` closes the link on that day.
 */
export async function noticeToResidence(
  trx: Transaction<MembershipDatabase>,
  caller: Caller,
  memberId: string,
  kind: ResidenceNoticeKind,
  occurredOn: string,
  note: string | null,
  endsLink: boolean,
): Promise<string | null> {
  const link = await trx.selectFrom('residence_link').select(['residence_cell_id']).where('member_id', '=', memberId).where('valid_to', 'is', null).executeTakeFirst();
  if (!link) return null;
  const member = await trx.selectFrom('member').select('cell_id').where('id', '=', memberId).executeTakeFirstOrThrow();
  const id = randomUUID();
  await trx
    .insertInto('residence_notice')
    .values({ id, member_id: memberId, direction: 'TO_RESIDENCE', kind, occurred_on: occurredOn, residence_cell_id: link.residence_cell_id, workplace_cell_id: member.cell_id, note, recorded_by: recordedBy(caller) })
    .execute();
  if (endsLink) await endResidenceLink(trx, caller, memberId, occurredOn, kind);
  return id;
}

/** The Regulation 213 notice a lifecycle decision sends to the residence (and which ends the link), if any. */
export function residenceNoticeOf(kind: string, disciplineLevel: string | null | undefined): 'NAME_REMOVED' | 'EXPELLED' | null {
  if (kind === 'NAME_REMOVED') return 'NAME_REMOVED';
  return kind === 'DISCIPLINE' && disciplineLevel === 'EXPULSION' ? 'EXPELLED' : null;
}

/**
 * An annulled expulsion or name removal never happened: the residence link it ended (the member's
 * latest, ended that day for that reason) is open again, and evaluation is told from that day.
 */
export async function restoreResidenceLink(trx: Transaction<MembershipDatabase>, caller: Caller, memberId: string, occurredOn: string, reason: ResidenceNoticeKind): Promise<void> {
  const links = await trx.selectFrom('residence_link').selectAll().where('member_id', '=', memberId).orderBy('valid_from', 'desc').forUpdate().execute();
  const latest = links[0];
  if (!latest || latest.valid_to === null || latest.end_reason !== reason) return;
  // endResidenceLink ends a link no earlier than its start.
  if (latest.valid_to !== (occurredOn < latest.valid_from ? latest.valid_from : occurredOn)) return;
  await trx.updateTable('residence_link').set({ valid_to: null, end_reason: null }).where('id', '=', latest.id).execute();
  await publish(trx, [{ type: MEMBER_EVENT_CONTRACTS.residenceLinked, aggregateId: memberId, payload: { memberId, residenceCellId: latest.residence_cell_id, validFrom: latest.valid_to } satisfies ResidenceLinked }]);
  await writeAudit(trx, caller, [
    { operation: 'restoreResidenceLink', entityType: 'Member', entityId: memberId, before: { residenceLinkId: latest.id, validTo: latest.valid_to, reason }, after: { residenceLinkId: latest.id, validTo: null } },
  ]);
}
