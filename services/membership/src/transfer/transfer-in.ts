import { randomUUID } from 'node:crypto';
import type { Caller } from '@dangvien/auth';
import { DomainError, requireDate, requireId, requireText, writeAudit } from '@dangvien/server';
import type { Kysely, Transaction } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { PlacementKind, ReceiveTransferredMemberInput, TransferReason } from '../generated/graphql.ts';
import { notInFuture, optionalText } from '../input-checks.ts';
import { replayOrRefuse, toLifecycleEvent } from '../lifecycle/history.ts';
import { admittedOn as firstAdmission } from '../lifecycle/lifecycle.ts';
import { historyOf, insertEvents, type NewMemberEvent } from '../lifecycle/lifecycle.repository.ts';
import { profileValues } from '../member/member-profile.ts';
import { checkUnique, recordPartyCard, recordPossibleDuplicates } from '../member/member.repository.ts';
import type { MemberRow } from '../member/member.tables.ts';
import { openPlacement, placeMember } from '../placement/placement.repository.ts';
import { addDays, conflictOnUnique, publishPlaced, recordedBy, unitForMutation } from '../placement/scope.ts';
import { todayInVietnam } from '@dangvien/db';
import { ACTIVE, checkKindAndPeriod, REPORT_WITHIN_DAYS } from './transfer.ts';
import type { TransferRow } from './transfer.tables.ts';

/**
 * A member arriving from outside the system presents the letter at a cell of the caller's subtree:
 * the record is created from the file (admission and official dates, checked like any history), the
 * member is placed from the day of presentation, and the letter is kept (late presentation shows).
 */
export async function receiveTransferredMember(db: Kysely<MembershipDatabase>, caller: Caller, input: ReceiveTransferredMemberInput): Promise<TransferRow> {
  const today = todayInVietnam();
  const values = profileValues(input.profile, today);
  const fullName = values.full_name;
  const dateOfBirth = values.date_of_birth;
  if (!fullName) throw new DomainError('BAD_USER_INPUT', 'Chưa nhập họ và tên.', { field: 'profile.fullName' });
  if (!dateOfBirth) throw new DomainError('BAD_USER_INPUT', 'Chưa nhập ngày sinh.', { field: 'profile.dateOfBirth' });
  const cellId = requireId(input.cellId, 'cellId');
  const fromOrganization = requireText(input.fromOrganization, 'fromOrganization', 'tổ chức đảng nơi chuyển đi', 300);
  const letterNumber = requireText(input.letterNumber, 'letterNumber', 'số giấy giới thiệu', 100);
  const issuedOn = notInFuture(requireDate(input.letterIssuedOn, 'letterIssuedOn'), today, 'letterIssuedOn');
  const presentedOn = notInFuture(requireDate(input.presentedOn, 'presentedOn'), today, 'presentedOn');
  if (presentedOn < issuedOn) throw new DomainError('BAD_USER_INPUT', `Ngày xuất trình (${presentedOn}) trước ngày cấp giấy (${issuedOn}).`, { field: 'presentedOn' });
  const until = checkKindAndPeriod(input.kind, input.reason, issuedOn, input.temporaryUntil);
  const admittedOn = notInFuture(requireDate(input.admittedOn, 'admittedOn'), today, 'admittedOn');
  const officialOn = input.officialOn ? notInFuture(requireDate(input.officialOn, 'officialOn'), today, 'officialOn') : null;
  const planned: NewMemberEvent[] = [
    { kind: 'ADMITTED', occurredOn: admittedOn, decisionNumber: optionalText(input.admissionDecisionNumber, 'admissionDecisionNumber', 'số quyết định kết nạp', 100) },
  ];
  if (officialOn) planned.push({ kind: 'OFFICIAL', occurredOn: officialOn, decisionNumber: optionalText(input.officialDecisionNumber, 'officialDecisionNumber', 'số quyết định công nhận chính thức', 100) });
  const status = replayOrRefuse(planned.map((event, index) => ({ ...event, sequence: index })), { initial_status: null, date_of_birth: dateOfBirth })!;
  if (presentedOn < admittedOn) throw new DomainError('BAD_USER_INPUT', `Ngày xuất trình (${presentedOn}) trước ngày kết nạp (${admittedOn}).`, { field: 'presentedOn' });

  return conflictOnUnique(() => db.transaction().execute(async (trx) => {
    const cell = await unitForMutation(trx, caller, 'receiveTransferredMember', cellId, 'tiếp nhận đảng viên vào chi bộ này', 'cellId');
    if (cell.kind !== 'CELL') throw new DomainError('BAD_USER_INPUT', `${cell.name} không phải chi bộ: đảng viên sinh hoạt ở chi bộ.`, { field: 'cellId' });
    const letter = { kind: input.kind, reason: input.reason, cellId, fromOrganization, letterNumber, issuedOn, presentedOn, until };
    const returning = await returningMember(trx, values.citizen_id ?? null, admittedOn);
    if (returning) {
      const transfer = await insertIncomingTransfer(trx, caller, returning.id, letter);
      await placeMember(trx, returning.id, cellId, presentedOn, input.kind, transfer.id);
      await publishPlaced(trx, returning.id, cellId, returning.status, presentedOn);
      await writeAudit(trx, caller, [{ operation: 'receiveTransferredMember', entityType: 'Member', entityId: returning.id, before: { cellId: null }, after: { cellId, transfer } }]);
      return transfer;
    }
    const id = randomUUID();
    await checkUnique(trx, values, id, caller);
    await trx.insertInto('member').values({ ...values, id, full_name: fullName, status, initial_status: null, cell_id: null }).execute();
    const transfer = await insertIncomingTransfer(trx, caller, id, letter);
    await placeMember(trx, id, cellId, presentedOn, input.kind, transfer.id);
    await insertEvents(trx, id, planned, recordedBy(caller));
    if (values.party_card_number) await recordPartyCard(trx, id, values.party_card_number, recordedBy(caller));
    await publishPlaced(trx, id, cellId, status, presentedOn);
    await writeAudit(trx, caller, [{ operation: 'receiveTransferredMember', entityType: 'Member', entityId: id, before: null, after: { ...values, status, events: planned, transfer } }]);
    await recordPossibleDuplicates(trx, caller, 'receiveTransferredMember', [id]);
    return transfer;
  }), { member_transfer_one_open_idx: 'Đảng viên còn một giấy giới thiệu sinh hoạt đảng chưa hoàn tất.' });
}

/**
 * A member who once left the system (transferred out: no cell, no open placement) and comes back with
 * the same CCCD keeps the one record and its history; the admission date must agree with it.
 */
async function returningMember(trx: Transaction<MembershipDatabase>, citizenId: string | null, admittedOn: string): Promise<MemberRow | null> {
  if (!citizenId) return null;
  const member = await trx.selectFrom('member').selectAll().where('citizen_id', '=', citizenId).forUpdate().executeTakeFirst();
  if (!member || member.cell_id !== null || (await openPlacement(trx, member.id))) return null; // a member placed here: checkUnique refuses
  if (!ACTIVE.includes(member.status)) throw new DomainError('CONFLICT', 'Hồ sơ có số CCCD này không còn là đảng viên.', { field: 'profile.citizenId' });
  const events = await historyOf(trx, member.id);
  const admitted = firstAdmission(events.map(toLifecycleEvent));
  if (admitted && admitted !== admittedOn) {
    throw new DomainError('BAD_USER_INPUT', `Ngày kết nạp (${admittedOn}) khác với hồ sơ đã có của đảng viên này (${admitted}).`, { field: 'admittedOn' });
  }
  return member;
}

interface IncomingLetter {
  kind: PlacementKind;
  reason: TransferReason;
  cellId: string;
  fromOrganization: string;
  letterNumber: string;
  issuedOn: string;
  presentedOn: string;
  until: string | null;
}

function insertIncomingTransfer(trx: Transaction<MembershipDatabase>, caller: Caller, memberId: string, letter: IncomingLetter): Promise<TransferRow> {
  return trx
    .insertInto('member_transfer')
    .values({
      id: randomUUID(),
      member_id: memberId,
      kind: letter.kind,
      direction: 'IN',
      reason: letter.reason,
      from_cell_id: null,
      to_cell_id: letter.cellId,
      external_organization: letter.fromOrganization,
      letter_number: letter.letterNumber,
      letter_issued_on: letter.issuedOn,
      report_due_on: addDays(letter.issuedOn, REPORT_WITHIN_DAYS),
      presented_on: letter.presentedOn,
      temporary_until: letter.until,
      returned_on: null,
      note: null,
      recorded_by: recordedBy(caller),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
