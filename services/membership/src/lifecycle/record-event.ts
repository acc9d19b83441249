import type { Caller } from '@dangvien/auth';
import { publish } from '@dangvien/events';
import { DomainError, requireDate, requireId, writeAudit } from '@dangvien/server';
import type { Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { MemberEventDetailsInput, RecordMemberEventInput } from '../generated/graphql.ts';
import { notInFuture, optionalText } from '../input-checks.ts';
import { lockMember } from '../member/member.repository.ts';
import type { MemberRow } from '../member/member.tables.ts';
import { MEMBER_EVENT_CONTRACTS, type MemberDisciplined } from '../placement/placement.events.ts';
import { publishPlaced, recordedBy } from '../placement/scope.ts';
import { noticeToResidence, residenceNoticeOf } from '../residence/residence-notices.ts';
import { todayInVietnam } from '@dangvien/db';
import { replayOrRefuse, toLifecycleEvent } from './history.ts';
import { addMonths, admittedOn as firstAdmission, PROBATION_MONTHS } from './lifecycle.ts';
import { historyOf, insertEvents } from './lifecycle.repository.ts';

/** Adds one dated event; the whole history is replayed with it, so a refused event changes nothing. */
export async function recordMemberEvent(db: Kysely<MembershipDatabase>, caller: Caller, input: RecordMemberEventInput): Promise<MemberRow> {
  const today = todayInVietnam();
  const memberId = requireId(input.memberId, 'memberId');
  const givenDate = input.occurredOn ? notInFuture(requireDate(input.occurredOn, 'occurredOn'), today, 'occurredOn') : null;
  if (!givenDate && input.kind !== 'OFFICIAL') throw new DomainError('BAD_USER_INPUT', 'Chưa nhập ngày.', { field: 'occurredOn' });
  const decisionNumber = optionalText(input.decisionNumber, 'decisionNumber', 'số quyết định', 100);
  const disciplineLevel = input.details?.disciplineLevel ?? null;
  if (disciplineLevel && input.kind !== 'DISCIPLINE') throw new DomainError('BAD_USER_INPUT', 'Hình thức kỷ luật chỉ ghi cho sự kiện kỷ luật.', { field: 'details.disciplineLevel' });
  const reason = optionalText(input.details?.reason, 'details.reason', 'lý do', 1000);
  const details: MemberEventDetailsInput = { ...(disciplineLevel ? { disciplineLevel } : {}), ...(reason ? { reason } : {}) };

  return db.transaction().execute(async (trx) => {
    const member = await lockMember(trx, caller, 'recordMemberEvent', memberId, 'ghi quyết định về đảng viên này');
    const history = (await historyOf(trx, memberId)).map(toLifecycleEvent);
    let occurredOn = givenDate;
    if (!occurredOn) {
      const admitted = firstAdmission(history);
      if (!admitted) throw new DomainError('BAD_USER_INPUT', 'Chưa có ngày kết nạp: nhập ngày công nhận chính thức.', { field: 'occurredOn' });
      occurredOn = notInFuture(addMonths(admitted, PROBATION_MONTHS), today, 'occurredOn');
    }
    const next = { kind: input.kind, occurredOn, sequence: Number.MAX_SAFE_INTEGER, disciplineLevel };
    // A death dated before events already recorded would otherwise be refused as "already dead" by the
    // replay of the later events: say what stands in the way instead.
    const later = input.kind === 'DIED' ? history.filter((event) => event.occurredOn > occurredOn).sort((a, b) => (a.occurredOn < b.occurredOn ? 1 : -1))[0] : undefined;
    if (later) {
      throw new DomainError('CONFLICT', `Ngày mất (${occurredOn}) trước một quyết định đã ghi ngày ${later.occurredOn}. Kiểm tra lại ngày mất, hoặc điều chỉnh quyết định đó trước.`, { field: 'occurredOn' });
    }
    const status = replayOrRefuse([...history, next], member)!;
    const [event] = await insertEvents(trx, memberId, [{ kind: input.kind, occurredOn, decisionNumber, details }], recordedBy(caller));
    let updated = member;
    if (status !== member.status) {
      updated = await trx.updateTable('member').set({ status, updated_at: new Date() }).where('id', '=', memberId).returningAll().executeTakeFirstOrThrow();
      await publishPlaced(trx, member.id, member.cell_id, status, occurredOn);
    }
    if (input.kind === 'DISCIPLINE' && disciplineLevel) {
      // Evaluation caps the year's grade of a disciplined member: it learns of it in this transaction's outbox.
      const payload = { memberId, form: disciplineLevel, effectiveDate: occurredOn } satisfies MemberDisciplined;
      await publish(trx, [{ type: MEMBER_EVENT_CONTRACTS.disciplined, aggregateId: memberId, payload }]);
    }
    // Regulation 213: the residence is told of an expulsion or a name removal, and the link ends.
    const residenceNotice = residenceNoticeOf(input.kind, disciplineLevel);
    if (residenceNotice) await noticeToResidence(trx, caller, memberId, residenceNotice, occurredOn, decisionNumber, true);
    await writeAudit(trx, caller, [
      {
        operation: 'recordMemberEvent',
        entityType: 'Member',
        entityId: memberId,
        before: { status: member.status },
        after: { status, event: { id: String(event!.id), kind: input.kind, occurredOn, decisionNumber, details } },
      },
    ]);
    return updated;
  });
}
