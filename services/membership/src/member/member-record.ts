import { randomUUID } from 'node:crypto';
import { MUTATION_ROLES, readableScopes, scopesWithRole, type Caller, type Role } from '@dangvien/auth';
import { inReplicaSubtrees } from '@dangvien/org-replica';
import { DomainError, requireDate, requireId, writeAudit } from '@dangvien/server';
import { sql, type Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { CreateMemberInput, MemberProfileInput } from '../generated/graphql.ts';
import { notInFuture, optionalText } from '../input-checks.ts';
import { replayOrRefuse, toLifecycleEvent } from '../lifecycle/history.ts';
import { historyOf, insertEvents, type NewMemberEvent } from '../lifecycle/lifecycle.repository.ts';
import { MEMBER_CELL_KINDS, publishPlaced, recordedBy } from '../placement/scope.ts';
import { todayInVietnam } from '@dangvien/db';
import { citizenIdProblem, profileValues } from './member-profile.ts';
import { checkUnique, lockMember, recordPartyCard, recordPossibleDuplicates } from './member.repository.ts';
import type { MemberRow, ProfileValues } from './member.tables.ts';

function profileForAudit(values: ProfileValues): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values));
}

/** Records a member (or a candidate) in a cell: profile, placement, first events, card history, audit, MemberPlaced. */
export async function createMember(db: Kysely<MembershipDatabase>, caller: Caller, input: CreateMemberInput): Promise<MemberRow> {
  const today = todayInVietnam();
  const values = profileValues(input.profile, today);
  const fullName = values.full_name;
  const dateOfBirth = values.date_of_birth;
  if (!fullName) throw new DomainError('BAD_USER_INPUT', 'Chưa nhập họ và tên.', { field: 'profile.fullName' });
  if (!dateOfBirth) throw new DomainError('BAD_USER_INPUT', 'Chưa nhập ngày sinh.', { field: 'profile.dateOfBirth' });
  const cellId = requireId(input.cellId, 'cellId');
  const admittedOn = input.admittedOn ? notInFuture(requireDate(input.admittedOn, 'admittedOn'), today, 'admittedOn') : null;
  const candidateSince = input.candidateSince ? notInFuture(requireDate(input.candidateSince, 'candidateSince'), today, 'candidateSince') : null;
  const placedFrom = admittedOn ?? candidateSince;
  if (!placedFrom) throw new DomainError('BAD_USER_INPUT', 'Nhập ngày kết nạp, hoặc ngày bắt đầu theo dõi quần chúng ưu tú.', { field: 'admittedOn' });
  const decisionNumber = optionalText(input.admissionDecisionNumber, 'admissionDecisionNumber', 'số quyết định kết nạp', 100);
  const planned: NewMemberEvent[] = [];
  if (candidateSince) planned.push({ kind: 'CANDIDATE', occurredOn: candidateSince, decisionNumber: null });
  if (admittedOn) planned.push({ kind: 'ADMITTED', occurredOn: admittedOn, decisionNumber });
  const status = replayOrRefuse(planned.map((event, index) => ({ ...event, sequence: index })), { initial_status: null, date_of_birth: dateOfBirth })!;

  return db.transaction().execute(async (trx) => {
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
    await checkUnique(trx, values, id, caller);
    const member = await trx
      .insertInto('member')
      .values({ ...values, id, full_name: fullName, status, initial_status: null, cell_id: cellId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.insertInto('member_placement').values({ member_id: id, cell_id: cellId, valid_from: placedFrom, valid_to: null, operation_id: null }).execute();
    await insertEvents(trx, id, planned, recordedBy(caller));
    if (values.party_card_number) await recordPartyCard(trx, id, values.party_card_number, recordedBy(caller));
    await publishPlaced(trx, member.id, member.cell_id, status, placedFrom);
    await writeAudit(trx, caller, [
      { operation: 'createMember', entityType: 'Member', entityId: id, before: null, after: { ...profileForAudit(values), cellId, status, events: planned } },
    ]);
    await recordPossibleDuplicates(trx, caller, 'createMember', [id]);
    return member;
  });
}

/** Changes the lý lịch; the date of birth is checked again against the admission age. Card changes go into the card history. */
export async function updateMemberProfile(db: Kysely<MembershipDatabase>, caller: Caller, idArgument: string, input: MemberProfileInput): Promise<MemberRow> {
  const id = requireId(idArgument, 'id');
  const values = profileValues(input, todayInVietnam());
  return db.transaction().execute(async (trx) => {
    const member = await lockMember(trx, caller, 'updateMemberProfile', id, 'sửa lý lịch đảng viên này');
    const columns = Object.keys(values) as (keyof ProfileValues)[];
    const changed: ProfileValues = { ...values };
    for (const column of columns) if (member[column] === values[column]) delete changed[column];
    if (Object.keys(changed).length === 0) return member;
    if ('date_of_birth' in changed) {
      const events = await historyOf(trx, id);
      replayOrRefuse(events.map(toLifecycleEvent), { initial_status: member.initial_status, date_of_birth: changed.date_of_birth ?? null });
    }
    // The CCCD must agree with the date of birth and sex the record will hold, whichever of them changes.
    if ('citizen_id' in changed || 'date_of_birth' in changed || 'sex' in changed) {
      const citizenId = 'citizen_id' in changed ? changed.citizen_id : member.citizen_id;
      const dateOfBirth = 'date_of_birth' in changed ? changed.date_of_birth : member.date_of_birth;
      const sex = 'sex' in changed ? changed.sex : member.sex;
      const problem = citizenId ? citizenIdProblem(citizenId, dateOfBirth ?? null, sex ?? null) : null;
      if (problem) throw new DomainError('BAD_USER_INPUT', problem, { field: 'citizenId' in input ? 'citizenId' : 'dateOfBirth' in input ? 'dateOfBirth' : 'sex' });
    }
    await checkUnique(trx, changed, id, caller);
    const updated = await trx.updateTable('member').set({ ...changed, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    if (changed.party_card_number) await recordPartyCard(trx, id, changed.party_card_number, recordedBy(caller));
    const before = Object.fromEntries(columns.filter((column) => column in changed).map((column) => [column, member[column] ?? null]));
    await writeAudit(trx, caller, [{ operation: 'updateMemberProfile', entityType: 'Member', entityId: id, before, after: profileForAudit(changed) }]);
    if (changed.citizen_id || changed.party_card_number) await recordPossibleDuplicates(trx, caller, 'updateMemberProfile', [id]);
    return updated;
  });
}
