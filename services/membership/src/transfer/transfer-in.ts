import { randomUUID } from 'node:crypto';
import type { Caller } from '@dangvien/auth';
import { DomainError, requireDate, requireId, requireText, writeAudit } from '@dangvien/server';
import type { Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { MemberEventKind } from '../lifecycle/lifecycle.ts';
import {
  checkUnique,
  notInFuture,
  optionalText,
  profileValues,
  replayOrRefuse,
  todayInVietnam,
  uniqueOrConflict,
  type MemberProfileInput,
} from '../member/member-record.ts';
import { placeMember } from '../placement/placements.ts';
import { addDays, publishPlaced, recordedBy, unitForMutation } from '../placement/scope.ts';
import { trxWithPlacementTables, type PlacementKind, type TransferReason } from '../placement/tables.ts';
import { checkKindAndPeriod, REPORT_WITHIN_DAYS, type TransferRow } from './transfer.ts';

export interface ReceiveTransferredMemberInput {
  profile: MemberProfileInput;
  cellId: string;
  kind: PlacementKind;
  reason: TransferReason;
  /** The party organization outside the system that issued the letter. */
  fromOrganization: string;
  letterNumber: string;
  letterIssuedOn: string;
  presentedOn: string;
  temporaryUntil?: string | null;
  admittedOn: string;
  admissionDecisionNumber?: string | null;
  /** When the member was already official (from the file that came with the letter). */
  officialOn?: string | null;
  officialDecisionNumber?: string | null;
}

/**
 * A member arriving from outside the system presents the letter at a cell of the caller's subtree:
 * the record is created from the file (admission and official dates, checked like any history), the
 * member is placed from the day of presentation, and the letter is kept (late presentation shows).
 */
export async function receiveTransferredMember(db: Kysely<MembershipDatabase>, caller: Caller, input: ReceiveTransferredMemberInput): Promise<TransferRow> {
  const today = todayInVietnam();
  const values = profileValues(input.profile, today);
  if (!values.full_name) throw new DomainError('BAD_USER_INPUT', 'Chưa nhập họ và tên.', { field: 'profile.fullName' });
  if (!values.date_of_birth) throw new DomainError('BAD_USER_INPUT', 'Chưa nhập ngày sinh.', { field: 'profile.dateOfBirth' });
  const cellId = requireId(input.cellId, 'cellId');
  const fromOrganization = requireText(input.fromOrganization, 'fromOrganization', 'tổ chức đảng nơi chuyển đi', 300);
  const letterNumber = requireText(input.letterNumber, 'letterNumber', 'số giấy giới thiệu', 100);
  const issuedOn = notInFuture(requireDate(input.letterIssuedOn, 'letterIssuedOn'), today, 'letterIssuedOn');
  const presentedOn = notInFuture(requireDate(input.presentedOn, 'presentedOn'), today, 'presentedOn');
  if (presentedOn < issuedOn) throw new DomainError('BAD_USER_INPUT', `Ngày xuất trình (${presentedOn}) trước ngày cấp giấy (${issuedOn}).`, { field: 'presentedOn' });
  const until = checkKindAndPeriod(input.kind, input.reason, issuedOn, input.temporaryUntil);
  const admittedOn = notInFuture(requireDate(input.admittedOn, 'admittedOn'), today, 'admittedOn');
  const officialOn = input.officialOn ? notInFuture(requireDate(input.officialOn, 'officialOn'), today, 'officialOn') : null;
  const planned: { kind: MemberEventKind; occurredOn: string; decisionNumber: string | null }[] = [
    { kind: 'ADMITTED', occurredOn: admittedOn, decisionNumber: optionalText(input.admissionDecisionNumber, 'admissionDecisionNumber', 'số quyết định kết nạp', 100) },
  ];
  if (officialOn) planned.push({ kind: 'OFFICIAL', occurredOn: officialOn, decisionNumber: optionalText(input.officialDecisionNumber, 'officialDecisionNumber', 'số quyết định công nhận chính thức', 100) });
  const status = replayOrRefuse(planned.map((event, index) => ({ ...event, sequence: index })), { initial_status: null, date_of_birth: values.date_of_birth })!;
  if (presentedOn < admittedOn) throw new DomainError('BAD_USER_INPUT', `Ngày xuất trình (${presentedOn}) trước ngày kết nạp (${admittedOn}).`, { field: 'presentedOn' });

  return uniqueOrConflict(() => db.transaction().execute(async (trx) => {
    const cell = await unitForMutation(trx, caller, 'receiveTransferredMember', cellId, 'tiếp nhận đảng viên vào chi bộ này', 'cellId');
    if (cell.kind !== 'CELL') throw new DomainError('BAD_USER_INPUT', `${cell.name} không phải chi bộ: đảng viên sinh hoạt ở chi bộ.`, { field: 'cellId' });
    const id = randomUUID();
    await checkUnique(trx, values, id);
    await trx.insertInto('member').values({ ...values, id, full_name: values.full_name!, status, initial_status: null, cell_id: null }).execute();
    const transferId = randomUUID();
    const transfer = await trxWithPlacementTables(trx)
      .insertInto('member_transfer')
      .values({
        id: transferId,
        member_id: id,
        kind: input.kind,
        direction: 'IN',
        reason: input.reason,
        from_cell_id: null,
        to_cell_id: cellId,
        external_organization: fromOrganization,
        letter_number: letterNumber,
        letter_issued_on: issuedOn,
        report_due_on: addDays(issuedOn, REPORT_WITHIN_DAYS),
        presented_on: presentedOn,
        temporary_until: until,
        returned_on: null,
        note: null,
        recorded_by: recordedBy(caller),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await placeMember(trx, id, cellId, presentedOn, input.kind, transferId);
    await trx
      .insertInto('member_event')
      .values(planned.map((event) => ({ member_id: id, kind: event.kind, occurred_on: event.occurredOn, decision_number: event.decisionNumber, details: '{}', recorded_by: recordedBy(caller) })))
      .execute();
    if (values.party_card_number) await trx.insertInto('member_party_card').values({ member_id: id, card_number: values.party_card_number, recorded_by: recordedBy(caller) }).execute();
    await publishPlaced(trx, id, cellId, status, presentedOn);
    await writeAudit(trx, caller, [{ operation: 'receiveTransferredMember', entityType: 'Member', entityId: id, before: null, after: { ...values, status, events: planned, transfer } }]);
    return transfer;
  }));
}
