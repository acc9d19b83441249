import type { Caller } from '@dangvien/auth';
import { publish } from '@dangvien/events';
import { DomainError, requireText, writeAudit } from '@dangvien/server';
import type { Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { AnnulMemberEventInput } from '../generated/graphql.ts';
import { lockMember } from '../member/member.repository.ts';
import type { MemberRow } from '../member/member.tables.ts';
import { MEMBER_EVENT_CONTRACTS, type MemberDisciplineAnnulled } from '../placement/placement.events.ts';
import { publishPlaced, recordedBy } from '../placement/scope.ts';
import { residenceNoticeOf, restoreResidenceLink } from '../residence/residence-notices.ts';
import { replayOrRefuse, toLifecycleEvent } from './history.ts';
import { byDate, type LifecycleStatus } from './lifecycle.ts';
import { findEvent, historyOf, markAnnulled } from './lifecycle.repository.ts';

const EVENT_NOT_FOUND = 'Không tìm thấy quyết định cần hủy.';

/**
 * Hủy quyết định ghi nhầm: only the member's latest effective event may be annulled (an earlier one has
 * later decisions standing on it: those are annulled first, newest first). The row is kept, marked;
 * the status is replayed without it, and the other subgraphs learn of the change by events.
 */
export async function annulMemberEvent(db: Kysely<MembershipDatabase>, caller: Caller, input: AnnulMemberEventInput): Promise<MemberRow> {
  const eventId = /^\d{1,15}$/.test(input.eventId) ? Number(input.eventId) : null;
  if (!eventId) throw new DomainError('BAD_USER_INPUT', `Mã quyết định không hợp lệ: "${input.eventId}"`, { field: 'eventId' });
  const reason = requireText(input.reason, 'reason', 'lý do hủy', 1000);

  return db.transaction().execute(async (trx) => {
    const event = await findEvent(trx, eventId);
    if (!event) throw new DomainError('NOT_FOUND', EVENT_NOT_FOUND, { field: 'eventId' });
    // Outside the caller's subtrees the event is as missing as one that does not exist.
    const member = await lockMember(trx, caller, 'annulMemberEvent', event.member_id, 'hủy quyết định về đảng viên này').catch((error: unknown) => {
      if (error instanceof DomainError && error.extensions.code === 'NOT_FOUND') throw new DomainError('NOT_FOUND', EVENT_NOT_FOUND, { field: 'eventId' });
      throw error;
    });
    if (event.annulled_at) throw new DomainError('CONFLICT', 'Quyết định này đã được hủy trước đó.', { field: 'eventId' });
    const history = (await historyOf(trx, member.id)).map(toLifecycleEvent).sort(byDate);
    const latest = history[history.length - 1]!;
    if (latest.sequence !== Number(event.id)) {
      throw new DomainError('CONFLICT', `Chỉ hủy được quyết định ghi sau cùng của đảng viên (ngày ${latest.occurredOn}). Hủy các quyết định ghi sau quyết định này trước, từ mới nhất.`, {
        field: 'eventId',
      });
    }
    const status: LifecycleStatus | null = replayOrRefuse(history.slice(0, -1), member);
    if (status === null) throw new DomainError('CONFLICT', 'Không thể hủy quyết định duy nhất tạo nên lý lịch đảng viên.', { field: 'eventId' });
    const annulled = await markAnnulled(trx, event.id, recordedBy(caller), reason);
    let updated = member;
    if (status !== member.status) {
      updated = await trx.updateTable('member').set({ status, updated_at: new Date() }).where('id', '=', member.id).returningAll().executeTakeFirstOrThrow();
      // From the day the annulled event held from, the member is as before it (a wrongly recorded death reopens the place in the cell).
      await publishPlaced(trx, member.id, member.cell_id, status, event.occurred_on);
    }
    const disciplineLevel = event.details.disciplineLevel ?? null;
    if (event.kind === 'DISCIPLINE' && disciplineLevel) {
      const payload = { memberId: member.id, form: disciplineLevel, effectiveDate: event.occurred_on } satisfies MemberDisciplineAnnulled;
      await publish(trx, [{ type: MEMBER_EVENT_CONTRACTS.disciplineAnnulled, aggregateId: member.id, payload }]);
    }
    // Regulation 213: the residence link the annulled expulsion or name removal ended holds again.
    const residenceNotice = residenceNoticeOf(event.kind, disciplineLevel);
    if (residenceNotice) await restoreResidenceLink(trx, caller, member.id, event.occurred_on, residenceNotice);
    await writeAudit(trx, caller, [
      {
        operation: 'annulMemberEvent',
        entityType: 'Member',
        entityId: member.id,
        before: { status: member.status },
        after: { status, annulled: { id: String(event.id), kind: event.kind, occurredOn: event.occurred_on, decisionNumber: event.decision_number, reason, annulledAt: annulled.annulled_at!.toISOString() } },
      },
    ]);
    return updated;
  });
}
