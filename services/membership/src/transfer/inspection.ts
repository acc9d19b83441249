import { randomUUID } from 'node:crypto';
import type { Caller } from '@dangvien/auth';
import { DomainError, requireDate, requireId, requireText, writeAudit } from '@dangvien/server';
import type { Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { EndMemberInspectionInput, StartMemberInspectionInput } from '../generated/graphql.ts';
import { notInFuture, optionalText } from '../input-checks.ts';
import { lockMember } from '../member/member.repository.ts';
import { recordedBy } from '../placement/scope.ts';
import { todayInVietnam } from '@dangvien/db';
import type { InspectionRow } from './transfer.tables.ts';

/** The CONFLICT a transfer gets while the member is under inspection: it names the decision. */
export function underInspectionConflict(inspection: InspectionRow): DomainError {
  return new DomainError(
    'CONFLICT',
    `Đảng viên đang bị kiểm tra (quyết định ${inspection.decision_number} của ${inspection.inspecting_body}, từ ngày ${inspection.started_on}): không được chuyển sinh hoạt đảng.`,
    { field: 'memberId', inspectionId: inspection.id },
  );
}

/** Records an inspection decision about a member (dated): from that day the member may not be transferred. */
export async function startMemberInspection(db: Kysely<MembershipDatabase>, caller: Caller, input: StartMemberInspectionInput): Promise<InspectionRow> {
  const memberId = requireId(input.memberId, 'memberId');
  const startedOn = notInFuture(requireDate(input.startedOn, 'startedOn'), todayInVietnam(), 'startedOn');
  const decisionNumber = requireText(input.decisionNumber, 'decisionNumber', 'số quyết định kiểm tra', 100);
  const inspectingBody = requireText(input.inspectingBody, 'inspectingBody', 'cơ quan kiểm tra', 300);
  const reason = optionalText(input.reason, 'reason', 'nội dung kiểm tra', 2000);
  return db.transaction().execute(async (trx) => {
    await lockMember(trx, caller, 'startMemberInspection', memberId, 'ghi quyết định kiểm tra đảng viên này');
    const open = await trx.selectFrom('member_inspection').select(['decision_number']).where('member_id', '=', memberId).where('ended_on', 'is', null).executeTakeFirst();
    if (open) throw new DomainError('CONFLICT', `Đảng viên đang bị kiểm tra theo quyết định ${open.decision_number}: kết thúc cuộc kiểm tra đó trước.`, { field: 'memberId' });
    const row = await trx
      .insertInto('member_inspection')
      .values({ id: randomUUID(), member_id: memberId, started_on: startedOn, decision_number: decisionNumber, inspecting_body: inspectingBody, reason, ended_on: null, end_decision_number: null, conclusion: null, recorded_by: recordedBy(caller) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, caller, [{ operation: 'startMemberInspection', entityType: 'Member', entityId: memberId, before: null, after: { inspectionId: row.id, startedOn, decisionNumber, inspectingBody, reason } }]);
    return row;
  });
}

/** Closes an inspection with its concluding decision. */
export async function endMemberInspection(db: Kysely<MembershipDatabase>, caller: Caller, input: EndMemberInspectionInput): Promise<InspectionRow> {
  const inspectionId = requireId(input.inspectionId, 'inspectionId');
  const endedOn = notInFuture(requireDate(input.endedOn, 'endedOn'), todayInVietnam(), 'endedOn');
  const decisionNumber = requireText(input.decisionNumber, 'decisionNumber', 'số quyết định kết luận', 100);
  const conclusion = optionalText(input.conclusion, 'conclusion', 'kết luận', 2000);
  return db.transaction().execute(async (trx) => {
    const inspection = await trx.selectFrom('member_inspection').selectAll().where('id', '=', inspectionId).forUpdate().executeTakeFirst();
    const notFound = new DomainError('NOT_FOUND', 'Không tìm thấy cuộc kiểm tra.', { field: 'inspectionId' });
    if (!inspection) throw notFound;
    const member = await trx.selectFrom('member').select(['id', 'cell_id']).where('id', '=', inspection.member_id).executeTakeFirstOrThrow();
    await lockMember(trx, caller, 'endMemberInspection', member.id, 'ghi kết luận kiểm tra đảng viên này');
    if (inspection.ended_on) throw new DomainError('CONFLICT', `Cuộc kiểm tra đã kết thúc ngày ${inspection.ended_on}.`, { field: 'inspectionId' });
    if (endedOn < inspection.started_on) throw new DomainError('BAD_USER_INPUT', `Ngày kết thúc (${endedOn}) trước ngày bắt đầu kiểm tra (${inspection.started_on}).`, { field: 'endedOn' });
    const row = await trx
      .updateTable('member_inspection')
      .set({ ended_on: endedOn, end_decision_number: decisionNumber, conclusion })
      .where('id', '=', inspectionId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, caller, [{ operation: 'endMemberInspection', entityType: 'Member', entityId: member.id, before: { inspectionId, endedOn: null }, after: { inspectionId, endedOn, decisionNumber, conclusion } }]);
    return row;
  });
}
