import { randomUUID } from 'node:crypto';
import type { Caller } from '@dangvien/auth';
import { DomainError, requireDate, requireId, requireText, writeAudit } from '@dangvien/server';
import type { Kysely, Transaction } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { EndTemporaryTransferInput, IssueTransferLetterInput, MemberStatus, PlacementKind, RecordTransferLetterPresentedInput, TransferReason } from '../generated/graphql.ts';
import { notInFuture, optionalText } from '../input-checks.ts';
import { addMonths } from '../lifecycle/lifecycle.ts';
import { lockMember } from '../member/member.repository.ts';
import type { MemberRow } from '../member/member.tables.ts';
import { closePlacement, openPlacement, placeMember } from '../placement/placement.repository.ts';
import { addDays, conflictOnUnique, liveUnit, mayChangeIn, publishPlaced, recordedBy } from '../placement/scope.ts';
import { noticeToResidence } from '../residence/residence-notices.ts';
import { todayInVietnam } from '@dangvien/db';
import { underInspectionConflict } from './inspection.ts';
import { inspectionOn, lockTransfer } from './transfer.repository.ts';
import type { TransferRow } from './transfer.tables.ts';

/** The letter must be presented to the receiving committee within this many days of its issue. */
export const REPORT_WITHIN_DAYS = 30;

/** Temporary transfers (sinh hoạt tạm thời): work or residence elsewhere 3 to 12 months; study 3 to 24 months. */
export const TEMPORARY_MONTHS: Record<'WORK' | 'RESIDENCE' | 'STUDY', { min: number; max: number }> = {
  WORK: { min: 3, max: 12 },
  RESIDENCE: { min: 3, max: 12 },
  STUDY: { min: 3, max: 24 },
};
const OFFICIAL_REASONS: readonly TransferReason[] = ['JOB_CHANGE', 'RETIREMENT', 'PERMANENT_MOVE'];
/** Statuses of party members who may be transferred. */
export const ACTIVE: readonly MemberStatus[] = ['PROBATIONARY', 'OFFICIAL', 'EXEMPT'];

/** Checks kind, reason and the length of a temporary stay; returns the stay's end (null for official transfers). */
export function checkKindAndPeriod(kind: PlacementKind, reason: TransferReason, from: string, until: string | null | undefined): string | null {
  if (kind === 'OFFICIAL') {
    if (!OFFICIAL_REASONS.includes(reason)) throw new DomainError('BAD_USER_INPUT', 'Chuyển sinh hoạt chính thức khi thay đổi công tác, nghỉ hưu hoặc chuyển nơi cư trú lâu dài.', { field: 'reason' });
    if (until) throw new DomainError('BAD_USER_INPUT', 'Chuyển sinh hoạt chính thức không có thời hạn.', { field: 'temporaryUntil' });
    return null;
  }
  const limits = TEMPORARY_MONTHS[reason as keyof typeof TEMPORARY_MONTHS];
  if (!limits) throw new DomainError('BAD_USER_INPUT', 'Chuyển sinh hoạt tạm thời khi đi làm việc, cư trú hoặc học tập ở nơi khác.', { field: 'reason' });
  if (!until) throw new DomainError('BAD_USER_INPUT', 'Chuyển sinh hoạt tạm thời phải có thời hạn (temporaryUntil).', { field: 'temporaryUntil' });
  const end = requireDate(until, 'temporaryUntil');
  // Calendar months, clamped at month ends (31 January + 3 months is 30 April).
  if (end < addMonths(from, limits.min) || end > addMonths(from, limits.max)) {
    throw new DomainError('BAD_USER_INPUT', `Sinh hoạt tạm thời vì ${reason === 'STUDY' ? 'học tập' : 'làm việc, cư trú'} từ ${limits.min} đến ${limits.max} tháng; ${from} đến ${end} không nằm trong khoảng đó.`, {
      field: 'temporaryUntil',
    });
  }
  return end;
}

async function refuseIfUnderInspection(trx: Transaction<MembershipDatabase>, memberId: string, dates: readonly string[]): Promise<void> {
  for (const date of dates) {
    const inspection = await inspectionOn(trx, memberId, date);
    if (inspection) throw underInspectionConflict(inspection);
  }
}

function refuseUnlessActive(member: MemberRow): void {
  if (!ACTIVE.includes(member.status)) throw new DomainError('CONFLICT', 'Chỉ chuyển sinh hoạt đảng cho đảng viên (dự bị, chính thức, miễn sinh hoạt).', { field: 'memberId' });
}

async function auditTransfer(trx: Transaction<MembershipDatabase>, caller: Caller, operation: string, transfer: TransferRow, before: unknown): Promise<void> {
  await writeAudit(trx, caller, [{ operation, entityType: 'Member', entityId: transfer.member_id, before: before ?? null, after: { transfer } }]);
}

/**
 * Issues a transfer letter (giấy giới thiệu sinh hoạt đảng) for a member of the caller's subtree, to a
 * cell of the system or to an organization outside it. Refused while the member is under inspection
 * or has another transfer in progress. A member leaving the system stops being placed here on the
 * day of the letter; within the system the member moves when the letter is presented.
 */
export async function issueTransferLetter(db: Kysely<MembershipDatabase>, caller: Caller, input: IssueTransferLetterInput): Promise<TransferRow> {
  const today = todayInVietnam();
  const memberId = requireId(input.memberId, 'memberId');
  const issuedOn = notInFuture(requireDate(input.letterIssuedOn, 'letterIssuedOn'), today, 'letterIssuedOn');
  const letterNumber = requireText(input.letterNumber, 'letterNumber', 'số giấy giới thiệu', 100);
  const note = optionalText(input.note, 'note', 'ghi chú', 1000);
  const until = checkKindAndPeriod(input.kind, input.reason, issuedOn, input.temporaryUntil);
  const toCellId = input.toCellId ? requireId(input.toCellId, 'toCellId') : null;
  const external = optionalText(input.externalOrganization, 'externalOrganization', 'tổ chức đảng nơi chuyển đến', 300);
  if ((toCellId === null) === (external === null)) throw new DomainError('BAD_USER_INPUT', 'Chọn chi bộ nơi chuyển đến trong hệ thống, hoặc ghi tên tổ chức đảng ngoài hệ thống (không cả hai).', { field: 'toCellId' });

  return conflictOnUnique(() => db.transaction().execute(async (trx) => {
    const member = await lockMember(trx, caller, 'issueTransferLetter', memberId, 'chuyển sinh hoạt đảng cho đảng viên này');
    refuseUnlessActive(member);
    await refuseIfUnderInspection(trx, memberId, [issuedOn, today]);
    const placement = await openPlacement(trx, memberId);
    if (!placement) throw new DomainError('CONFLICT', 'Đảng viên hiện không sinh hoạt ở chi bộ nào trong hệ thống.', { field: 'memberId' });
    if (placement.valid_from !== null && issuedOn < placement.valid_from) {
      throw new DomainError('BAD_USER_INPUT', `Ngày giấy giới thiệu (${issuedOn}) trước ngày đảng viên bắt đầu sinh hoạt ở chi bộ hiện tại (${placement.valid_from}).`, { field: 'letterIssuedOn' });
    }
    const inProgress = await trx.selectFrom('member_transfer').select(['letter_number']).where('member_id', '=', memberId).where('returned_on', 'is', null)
      .where((eb) => eb.or([eb('presented_on', 'is', null), eb('kind', '=', 'TEMPORARY')])).executeTakeFirst();
    if (inProgress) throw new DomainError('CONFLICT', `Đảng viên đang có giấy giới thiệu ${inProgress.letter_number} chưa hoàn tất.`, { field: 'memberId' });
    if (placement.kind === 'TEMPORARY') throw new DomainError('CONFLICT', 'Đảng viên đang sinh hoạt tạm thời: kết thúc sinh hoạt tạm thời trước.', { field: 'memberId' });
    if (toCellId !== null) {
      const destination = await liveUnit(trx, toCellId);
      if (!destination) throw new DomainError('NOT_FOUND', 'Không tìm thấy chi bộ nơi chuyển đến.', { field: 'toCellId' });
      if (destination.kind !== 'CELL') throw new DomainError('BAD_USER_INPUT', `${destination.name} không phải chi bộ: đảng viên sinh hoạt ở chi bộ.`, { field: 'toCellId' });
      if (destination.id === placement.cell_id) throw new DomainError('BAD_USER_INPUT', 'Đảng viên đang sinh hoạt ở chính chi bộ này.', { field: 'toCellId' });
    }
    const transfer = await trx
      .insertInto('member_transfer')
      .values({
        id: randomUUID(),
        member_id: memberId,
        kind: input.kind,
        direction: toCellId ? 'WITHIN' : 'OUT',
        reason: input.reason,
        from_cell_id: placement.cell_id,
        to_cell_id: toCellId,
        external_organization: external,
        letter_number: letterNumber,
        letter_issued_on: issuedOn,
        report_due_on: addDays(issuedOn, REPORT_WITHIN_DAYS),
        presented_on: null,
        temporary_until: until,
        returned_on: null,
        note,
        recorded_by: recordedBy(caller),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (transfer.direction === 'OUT') {
      // Leaving the system: no longer placed here from the day of the letter.
      await noticeToResidence(trx, caller, memberId, 'TRANSFERRED', issuedOn, `Chuyển sinh hoạt đến ${external}`, input.kind === 'OFFICIAL');
      await closePlacement(trx, memberId, issuedOn, 'letterIssuedOn');
      await trx.updateTable('member').set({ cell_id: null, updated_at: new Date() }).where('id', '=', memberId).execute();
      await publishPlaced(trx, memberId, null, member.status, issuedOn);
    }
    await auditTransfer(trx, caller, 'issueTransferLetter', transfer, { cellId: placement.cell_id });
    return transfer;
  }), { member_transfer_one_open_idx: 'Đảng viên đang có một giấy giới thiệu sinh hoạt đảng chưa hoàn tất.' });
}

/**
 * Records that the letter was presented: by the receiving committee within the system (the member
 * moves to the new cell from that day), or the confirmation from outside for a member who left.
 */
export async function recordTransferLetterPresented(db: Kysely<MembershipDatabase>, caller: Caller, input: RecordTransferLetterPresentedInput): Promise<TransferRow> {
  const transferId = requireId(input.transferId, 'transferId');
  const presentedOn = notInFuture(requireDate(input.presentedOn, 'presentedOn'), todayInVietnam(), 'presentedOn');
  return db.transaction().execute(async (trx) => {
    const transfer = await lockTransfer(trx, transferId);
    // The receiving side records a letter within the system; the sending side records the confirmation from outside.
    const side = transfer?.direction === 'WITHIN' ? transfer.to_cell_id : (transfer?.from_cell_id ?? null);
    if (!transfer || transfer.direction === 'IN' || !(await mayChangeIn(trx, caller, 'recordTransferLetterPresented', [side]))) {
      throw new DomainError('NOT_FOUND', 'Không tìm thấy giấy giới thiệu sinh hoạt đảng.', { field: 'transferId' });
    }
    if (transfer.presented_on) throw new DomainError('CONFLICT', `Giấy giới thiệu đã được xuất trình ngày ${transfer.presented_on}.`, { field: 'transferId' });
    if (presentedOn < transfer.letter_issued_on) throw new DomainError('BAD_USER_INPUT', `Ngày xuất trình (${presentedOn}) trước ngày cấp giấy (${transfer.letter_issued_on}).`, { field: 'presentedOn' });
    if (transfer.direction === 'WITHIN') {
      const member = await trx.selectFrom('member').selectAll().where('id', '=', transfer.member_id).forUpdate().executeTakeFirstOrThrow();
      refuseUnlessActive(member);
      await refuseIfUnderInspection(trx, member.id, [presentedOn]);
      await closePlacement(trx, member.id, presentedOn, 'presentedOn');
      await placeMember(trx, member.id, transfer.to_cell_id!, presentedOn, transfer.kind, transfer.id);
      await publishPlaced(trx, member.id, transfer.to_cell_id, member.status, presentedOn);
      await noticeToResidence(trx, caller, member.id, 'TRANSFERRED', presentedOn, 'Chuyển sinh hoạt đảng trong hệ thống', false);
    }
    const updated = await trx.updateTable('member_transfer').set({ presented_on: presentedOn }).where('id', '=', transferId).returningAll().executeTakeFirstOrThrow();
    await auditTransfer(trx, caller, 'recordTransferLetterPresented', updated, { presentedOn: null });
    return updated;
  });
}

/**
 * Ends a temporary transfer: the member returns to the cell that sent them (or, for a member who
 * came from outside, leaves the system again) from `returnedOn`.
 */
export async function endTemporaryTransfer(db: Kysely<MembershipDatabase>, caller: Caller, input: EndTemporaryTransferInput): Promise<TransferRow> {
  const transferId = requireId(input.transferId, 'transferId');
  const returnedOn = notInFuture(requireDate(input.returnedOn, 'returnedOn'), todayInVietnam(), 'returnedOn');
  return db.transaction().execute(async (trx) => {
    const transfer = await lockTransfer(trx, transferId);
    if (!transfer || !(await mayChangeIn(trx, caller, 'endTemporaryTransfer', [transfer.from_cell_id, transfer.to_cell_id]))) {
      throw new DomainError('NOT_FOUND', 'Không tìm thấy giấy giới thiệu sinh hoạt đảng.', { field: 'transferId' });
    }
    if (transfer.kind !== 'TEMPORARY') throw new DomainError('CONFLICT', 'Đây là chuyển sinh hoạt chính thức: không có ngày trở về.', { field: 'transferId' });
    if (transfer.returned_on) throw new DomainError('CONFLICT', `Đảng viên đã trở về ngày ${transfer.returned_on}.`, { field: 'transferId' });
    if (transfer.direction === 'WITHIN' && !transfer.presented_on) throw new DomainError('CONFLICT', 'Giấy giới thiệu chưa được xuất trình ở nơi đến: chưa có sinh hoạt tạm thời để kết thúc.', { field: 'transferId' });
    const started = transfer.presented_on ?? transfer.letter_issued_on;
    if (returnedOn <= started) throw new DomainError('BAD_USER_INPUT', `Ngày trở về (${returnedOn}) phải sau ngày bắt đầu sinh hoạt tạm thời (${started}).`, { field: 'returnedOn' });
    const member = await trx.selectFrom('member').selectAll().where('id', '=', transfer.member_id).forUpdate().executeTakeFirstOrThrow();
    await closePlacement(trx, member.id, returnedOn, 'returnedOn');
    if (transfer.from_cell_id) {
      await placeMember(trx, member.id, transfer.from_cell_id, returnedOn, 'OFFICIAL', transfer.id);
    } else {
      await trx.updateTable('member').set({ cell_id: null, updated_at: new Date() }).where('id', '=', member.id).execute();
    }
    await publishPlaced(trx, member.id, transfer.from_cell_id, member.status, returnedOn);
    const updated = await trx.updateTable('member_transfer').set({ returned_on: returnedOn }).where('id', '=', transferId).returningAll().executeTakeFirstOrThrow();
    await auditTransfer(trx, caller, 'endTemporaryTransfer', updated, { returnedOn: null });
    return updated;
  });
}
