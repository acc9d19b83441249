import { randomUUID } from 'node:crypto';
import { MUTATION_ROLES, readableScopes, scopesWithRole, type Caller, type MutationName, type Role } from '@dangvien/auth';
import { publish } from '@dangvien/events';
import { inReplicaSubtrees } from '@dangvien/org-replica';
import { DomainError, requireDate, requireId, requireText, writeAudit } from '@dangvien/server';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { MemberEventTable, MemberProfileColumns, MembershipDatabase, MemberStatus } from '../database.ts';
import {
  addMonths,
  admittedOn as firstAdmission,
  LifecycleViolation,
  PROBATION_MONTHS,
  replay,
  type DisciplineLevel,
  type LifecycleEvent,
  type LifecycleStatus,
  type MemberEventKind,
} from '../lifecycle/lifecycle.ts';
import { MEMBER_EVENT_CONTRACTS, MEMBER_EVENTS, type MemberDisciplined, type MemberPlaced } from '../placement/placement.events.ts';
import { noticeToResidence } from '../residence/residence-notices.ts';
import type { MemberRow } from './member.repository.ts';
import { MEMBER_CELL_KINDS } from '../placement/tables.ts';

export type MemberEventRow = Selectable<MemberEventTable>;

/** The profile as GraphQL sends it: a field left out stays as it is, null clears it. */
export interface MemberProfileInput {
  fullName?: string | null;
  birthName?: string | null;
  sex?: 'MALE' | 'FEMALE' | null;
  dateOfBirth?: string | null;
  ethnicity?: string | null;
  religion?: string | null;
  citizenId?: string | null;
  hometown?: string | null;
  residence?: string | null;
  phone?: string | null;
  educationLevel?: string | null;
  professionalQualification?: string | null;
  politicalTheoryLevel?: MemberProfileColumns['political_theory_level'];
  occupation?: string | null;
  workplace?: string | null;
  partyCardNumber?: string | null;
  profileNumber?: string | null;
}

export interface CreateMemberInput {
  profile: MemberProfileInput;
  cellId: string;
  admittedOn?: string | null;
  admissionDecisionNumber?: string | null;
  candidateSince?: string | null;
}

export interface RecordMemberEventInput {
  memberId: string;
  kind: MemberEventKind;
  occurredOn?: string | null;
  decisionNumber?: string | null;
  details?: { disciplineLevel?: DisciplineLevel | null; reason?: string | null } | null;
}

export type ProfileValues = Partial<MemberProfileColumns> & { full_name?: string };

/** Optional free-text fields: input name → column, label (Vietnamese), maximum length. */
const TEXT_FIELDS = [
  ['birthName', 'birth_name', 'tên khai sinh', 200],
  ['ethnicity', 'ethnicity', 'dân tộc', 100],
  ['religion', 'religion', 'tôn giáo', 100],
  ['hometown', 'hometown', 'quê quán', 300],
  ['residence', 'residence', 'nơi cư trú', 300],
  ['educationLevel', 'education_level', 'trình độ giáo dục phổ thông', 100],
  ['professionalQualification', 'professional_qualification', 'trình độ chuyên môn', 200],
  ['occupation', 'occupation', 'nghề nghiệp', 200],
  ['workplace', 'workplace', 'nơi làm việc', 300],
  ['partyCardNumber', 'party_card_number', 'số thẻ đảng viên', 50],
  ['profileNumber', 'profile_number', 'số hồ sơ', 50],
] as const;

/** Checks the profile at the edge: NFC text, 12-digit CCCD, real dates. Only the fields present are returned. */
export function profileValues(input: MemberProfileInput, today: string): ProfileValues {
  const values: ProfileValues = {};
  if (input.fullName !== undefined) {
    if (input.fullName === null) throw new DomainError('BAD_USER_INPUT', 'Chưa nhập họ và tên.', { field: 'fullName' });
    values.full_name = requireText(input.fullName, 'fullName', 'họ và tên', 200).replace(/\s+/g, ' ');
  }
  for (const [field, column, label, maxLength] of TEXT_FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    values[column] = value === null || value.trim() === '' ? null : requireText(value, field, label, maxLength);
  }
  if (input.sex !== undefined) values.sex = input.sex;
  if (input.politicalTheoryLevel !== undefined) values.political_theory_level = input.politicalTheoryLevel;
  if (input.dateOfBirth !== undefined) {
    const date = input.dateOfBirth === null ? null : requireDate(input.dateOfBirth, 'dateOfBirth');
    if (date !== null && (date > today || date < '1900-01-01')) throw new DomainError('BAD_USER_INPUT', `Ngày sinh không hợp lệ: ${date}.`, { field: 'dateOfBirth' });
    values.date_of_birth = date;
  }
  if (input.citizenId !== undefined) {
    const id = input.citizenId === null ? null : input.citizenId.replace(/\s/g, '');
    if (id !== null && !/^[0-9]{12}$/.test(id)) throw new DomainError('BAD_USER_INPUT', 'Số CCCD phải gồm đúng 12 chữ số.', { field: 'citizenId' });
    values.citizen_id = id;
  }
  if (input.phone !== undefined) {
    const phone = input.phone === null || input.phone.trim() === '' ? null : input.phone.trim();
    if (phone !== null && !/^\+?[0-9 .-]{8,20}$/.test(phone)) throw new DomainError('BAD_USER_INPUT', 'Số điện thoại không hợp lệ.', { field: 'phone' });
    values.phone = phone;
  }
  return values;
}

/** Today in Vietnam (YYYY-MM-DD). */
/** Built once: constructing a formatter costs about 50 µs, and rosters and counts ask for today once per unit. */
const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

export function todayInVietnam(): string {
  return VIETNAM_DAY.format(new Date());
}

export function optionalText(value: string | null | undefined, field: string, label: string, maxLength: number): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : requireText(value, field, label, maxLength);
}

export function notInFuture(date: string, today: string, field: string): string {
  if (date > today) throw new DomainError('BAD_USER_INPUT', `Ngày ${date} chưa đến: chỉ ghi những việc đã xảy ra.`, { field });
  return date;
}

export function toLifecycleEvent(row: Pick<MemberEventRow, 'id' | 'kind' | 'occurred_on' | 'details'>): LifecycleEvent {
  return {
    kind: row.kind as MemberEventKind,
    occurredOn: row.occurred_on,
    sequence: Number(row.id),
    disciplineLevel: (row.details?.disciplineLevel as DisciplineLevel | undefined) ?? null,
  };
}

export function replayOrRefuse(events: LifecycleEvent[], member: { initial_status?: MemberStatus | null; date_of_birth?: string | null }): LifecycleStatus | null {
  try {
    return replay(events, { initialStatus: member.initial_status ?? null, dateOfBirth: member.date_of_birth ?? null });
  } catch (error) {
    if (error instanceof LifecycleViolation) throw new DomainError(error.code, error.message, { field: error.field });
    throw error;
  }
}

/** Refuses a profile that would repeat another member's CCCD or party card number (now or in the card history). */
export async function checkUnique(trx: Transaction<MembershipDatabase>, values: ProfileValues, memberId: string): Promise<void> {
  if (values.citizen_id) {
    const other = await trx.selectFrom('member').select('id').where('citizen_id', '=', values.citizen_id).where('id', '!=', memberId).executeTakeFirst();
    if (other) throw new DomainError('CONFLICT', `Số CCCD ${values.citizen_id} đã có trong hồ sơ một đảng viên khác.`, { field: 'citizenId' });
  }
  if (values.party_card_number) {
    const other = await trx
      .selectFrom('member_party_card')
      .select('member_id')
      .where('card_number', '=', values.party_card_number)
      .where('member_id', '!=', memberId)
      .unionAll(trx.selectFrom('member').select('id as member_id').where('party_card_number', '=', values.party_card_number).where('id', '!=', memberId))
      .executeTakeFirst();
    if (other) throw new DomainError('CONFLICT', `Số thẻ đảng viên ${values.party_card_number} đã cấp cho một đảng viên khác.`, { field: 'partyCardNumber' });
  }
}

/** Two requests racing for one CCCD or card number: the unique index decides, the clerk gets the same CONFLICT as a checked one. */
export async function uniqueOrConflict<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'member_citizen_id_key') throw new DomainError('CONFLICT', 'Số CCCD này đã có trong hồ sơ một đảng viên khác.', { field: 'citizenId' });
    if (code === '23505' && constraint === 'member_party_card_number_key') throw new DomainError('CONFLICT', 'Số thẻ đảng viên này đã cấp cho một đảng viên khác.', { field: 'partyCardNumber' });
    throw error;
  }
}

/** Out of scope looks like missing; inside the caller's reach but without the role, forbidden. */
function refuse(caller: Caller, readable: boolean, what: string): never {
  if (readable) throw new DomainError('FORBIDDEN', `Vai trò của bạn không được ${what}.`);
  throw new DomainError('NOT_FOUND', 'Không tìm thấy đảng viên.');
}

export async function lockMember(trx: Transaction<MembershipDatabase>, caller: Caller, mutation: MutationName, id: string, what: string): Promise<MemberRow> {
  const scopes = scopesWithRole(caller, MUTATION_ROLES[mutation] as readonly Role[]);
  const member = await trx.selectFrom('member').selectAll().where('id', '=', id).where(inReplicaSubtrees('member.cell_id', scopes)).forUpdate().executeTakeFirst();
  if (member) return member;
  const readable = await trx.selectFrom('member').select('id').where('id', '=', id).where(inReplicaSubtrees('member.cell_id', readableScopes(caller))).executeTakeFirst();
  return refuse(caller, readable !== undefined, what);
}

/** MemberPlaced with the date the status holds from (the event's date), so consumers keep dated history. */
async function publishStatus(trx: Transaction<MembershipDatabase>, member: { id: string; cell_id: string | null }, status: MemberStatus, effectiveDate: string): Promise<void> {
  await publish(trx, [{ type: MEMBER_EVENTS.placed, aggregateId: member.id, payload: { memberId: member.id, cellId: member.cell_id, status, effectiveDate } satisfies MemberPlaced }]);
}

function profileForAudit(values: ProfileValues): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values));
}

/** Records a member (or a candidate) in a cell: profile, placement, first events, card history, audit, MemberPlaced. */
export async function createMember(db: Kysely<MembershipDatabase>, caller: Caller, input: CreateMemberInput): Promise<MemberRow> {
  const today = todayInVietnam();
  const values = profileValues(input.profile, today);
  if (!values.full_name) throw new DomainError('BAD_USER_INPUT', 'Chưa nhập họ và tên.', { field: 'profile.fullName' });
  if (!values.date_of_birth) throw new DomainError('BAD_USER_INPUT', 'Chưa nhập ngày sinh.', { field: 'profile.dateOfBirth' });
  const cellId = requireId(input.cellId, 'cellId');
  const admittedOn = input.admittedOn ? notInFuture(requireDate(input.admittedOn, 'admittedOn'), today, 'admittedOn') : null;
  const candidateSince = input.candidateSince ? notInFuture(requireDate(input.candidateSince, 'candidateSince'), today, 'candidateSince') : null;
  if (!admittedOn && !candidateSince) throw new DomainError('BAD_USER_INPUT', 'Nhập ngày kết nạp, hoặc ngày bắt đầu theo dõi quần chúng ưu tú.', { field: 'admittedOn' });
  const decisionNumber = optionalText(input.admissionDecisionNumber, 'admissionDecisionNumber', 'số quyết định kết nạp', 100);
  const planned: { kind: MemberEventKind; occurredOn: string; decisionNumber: string | null }[] = [];
  if (candidateSince) planned.push({ kind: 'CANDIDATE', occurredOn: candidateSince, decisionNumber: null });
  if (admittedOn) planned.push({ kind: 'ADMITTED', occurredOn: admittedOn, decisionNumber });
  const status = replayOrRefuse(planned.map((event, index) => ({ ...event, sequence: index })), { initial_status: null, date_of_birth: values.date_of_birth })!;

  return uniqueOrConflict(() => db.transaction().execute(async (trx) => {
    const scopes = scopesWithRole(caller, MUTATION_ROLES.createMember as readonly Role[]);
    const live = sql<boolean>`(valid_from IS NULL OR valid_from <= current_date) AND (valid_to IS NULL OR valid_to > current_date)`;
    const cell = await trx.selectFrom('org_unit_replica').select(['id', 'kind', 'name']).where('id', '=', cellId).where(live).where(inReplicaSubtrees('org_unit_replica.id', scopes)).executeTakeFirst();
    if (!cell) {
      const readable = await trx.selectFrom('org_unit_replica').select('id').where('id', '=', cellId).where(live).where(inReplicaSubtrees('org_unit_replica.id', readableScopes(caller))).executeTakeFirst();
      if (readable) throw new DomainError('FORBIDDEN', 'Vai trò của bạn không được thêm đảng viên vào chi bộ này.');
      throw new DomainError('NOT_FOUND', 'Không tìm thấy chi bộ.', { field: 'cellId' });
    }
    if (!MEMBER_CELL_KINDS.includes(cell.kind)) throw new DomainError('BAD_USER_INPUT', `${cell.name} không phải chi bộ: đảng viên sinh hoạt ở chi bộ.`, { field: 'cellId' });
    const id = randomUUID();
    await checkUnique(trx, values, id);
    const member = await trx
      .insertInto('member')
      .values({ ...values, id, full_name: values.full_name!, status, initial_status: null, cell_id: cellId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.insertInto('member_placement').values({ member_id: id, cell_id: cellId, valid_from: admittedOn ?? candidateSince, valid_to: null, operation_id: null }).execute();
    const recordedBy = `${caller.name} (${caller.subject})`;
    await trx
      .insertInto('member_event')
      .values(planned.map((event) => ({ member_id: id, kind: event.kind, occurred_on: event.occurredOn, decision_number: event.decisionNumber, details: '{}', recorded_by: recordedBy })))
      .execute();
    if (values.party_card_number) await trx.insertInto('member_party_card').values({ member_id: id, card_number: values.party_card_number, recorded_by: recordedBy }).execute();
    await publishStatus(trx, member, status, (admittedOn ?? candidateSince)!);
    await writeAudit(trx, caller, [
      { operation: 'createMember', entityType: 'Member', entityId: id, before: null, after: { ...profileForAudit(values), cellId, status, events: planned } },
    ]);
    return member;
  }));
}

/** Changes the lý lịch; the date of birth is checked again against the admission age. Card changes go into the card history. */
export async function updateMemberProfile(db: Kysely<MembershipDatabase>, caller: Caller, idArgument: string, input: MemberProfileInput): Promise<MemberRow> {
  const id = requireId(idArgument, 'id');
  const values = profileValues(input, todayInVietnam());
  return uniqueOrConflict(() => db.transaction().execute(async (trx) => {
    const member = await lockMember(trx, caller, 'updateMemberProfile', id, 'sửa lý lịch đảng viên này');
    const changed = Object.fromEntries(Object.entries(values).filter(([column, value]) => (member as Record<string, unknown>)[column] !== value)) as ProfileValues;
    if (Object.keys(changed).length === 0) return member;
    if ('date_of_birth' in changed) {
      const events = await trx.selectFrom('member_event').selectAll().where('member_id', '=', id).execute();
      replayOrRefuse(events.map(toLifecycleEvent), { initial_status: member.initial_status, date_of_birth: changed.date_of_birth });
    }
    await checkUnique(trx, changed, id);
    const updated = await trx.updateTable('member').set({ ...changed, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    if (changed.party_card_number) {
      await trx.insertInto('member_party_card').values({ member_id: id, card_number: changed.party_card_number, recorded_by: `${caller.name} (${caller.subject})` }).execute();
    }
    const before = Object.fromEntries(Object.keys(changed).map((column) => [column, (member as Record<string, unknown>)[column] ?? null]));
    await writeAudit(trx, caller, [{ operation: 'updateMemberProfile', entityType: 'Member', entityId: id, before, after: profileForAudit(changed) }]);
    return updated;
  }));
}

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
  const details = { ...(disciplineLevel ? { disciplineLevel } : {}), ...(reason ? { reason } : {}) };

  return db.transaction().execute(async (trx) => {
    const member = await lockMember(trx, caller, 'recordMemberEvent', memberId, 'ghi quyết định về đảng viên này');
    const history = (await trx.selectFrom('member_event').selectAll().where('member_id', '=', memberId).execute()).map(toLifecycleEvent);
    let occurredOn = givenDate;
    if (!occurredOn) {
      const admitted = firstAdmission(history);
      if (!admitted) throw new DomainError('BAD_USER_INPUT', 'Chưa có ngày kết nạp: nhập ngày công nhận chính thức.', { field: 'occurredOn' });
      occurredOn = notInFuture(addMonths(admitted, PROBATION_MONTHS), today, 'occurredOn');
    }
    const next = { kind: input.kind, occurredOn, sequence: Number.MAX_SAFE_INTEGER, disciplineLevel };
    const status = replayOrRefuse([...history, next], member)!;
    const recordedBy = `${caller.name} (${caller.subject})`;
    const event = await trx
      .insertInto('member_event')
      .values({ member_id: memberId, kind: input.kind, occurred_on: occurredOn, decision_number: decisionNumber, details: JSON.stringify(details), recorded_by: recordedBy })
      .returning('id')
      .executeTakeFirstOrThrow();
    let updated = member;
    if (status !== member.status) {
      updated = await trx.updateTable('member').set({ status, updated_at: new Date() }).where('id', '=', memberId).returningAll().executeTakeFirstOrThrow();
      await publishStatus(trx, member, status, occurredOn);
    }
    if (input.kind === 'DISCIPLINE' && disciplineLevel) {
      // Evaluation caps the year's grade of a disciplined member: it learns of it in this transaction's outbox.
      const payload = { memberId, form: disciplineLevel, effectiveDate: occurredOn } satisfies MemberDisciplined;
      await publish(trx, [{ type: MEMBER_EVENT_CONTRACTS.disciplined, aggregateId: memberId, payload }]);
    }
    // Regulation 213: the residence is told of an expulsion or a name removal, and the link ends.
    const residenceNotice = input.kind === 'NAME_REMOVED' ? 'NAME_REMOVED' : disciplineLevel === 'EXPULSION' ? 'EXPELLED' : null;
    if (residenceNotice) await noticeToResidence(trx, caller, memberId, residenceNotice, occurredOn, decisionNumber, true);
    await writeAudit(trx, caller, [
      {
        operation: 'recordMemberEvent',
        entityType: 'Member',
        entityId: memberId,
        before: { status: member.status },
        after: { status, event: { id: String(event.id), kind: input.kind, occurredOn, decisionNumber, details } },
      },
    ]);
    return updated;
  });
}
