import { randomUUID } from 'node:crypto';
import type { Caller } from '@dangvien/auth';
import { DomainError, requireDate, requireId, requireText, writeAudit } from '@dangvien/server';
import type { Kysely, Transaction } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';
import type { AppointPositionInput, EndPositionInput, OpenCommitteeTermInput, PositionKind } from '../generated/graphql.ts';
import { memberPlacedUnderOn } from '../member-replica/member-replica.repository.ts';
import { versionOn } from '../org-unit/org-unit.repository.ts';
import { lockWritableUnit } from '../org-unit/unit-scope.ts';
import { CELL_COMMITTEE_FROM, CELL_KINDS, COMMITTEE_ONLY_POSITIONS } from './committee-rule.ts';
import { officialMemberCounts } from './committee.repository.ts';
import type { CommitteeTermRow, PositionRow } from './committee.tables.ts';

export const POSITION_KINDS: readonly PositionKind[] = ['SECRETARY', 'DEPUTY_SECRETARY', 'STANDING_COMMITTEE_MEMBER', 'COMMITTEE_MEMBER'];
export const POSITION_LABELS: Record<PositionKind, string> = {
  SECRETARY: 'bí thư',
  DEPUTY_SECRETARY: 'phó bí thư',
  STANDING_COMMITTEE_MEMBER: 'ủy viên ban thường vụ',
  COMMITTEE_MEMBER: 'cấp ủy viên',
};

const decision = (value: string) => requireText(value, 'decisionNumber', 'số quyết định', 100);

/** Unit existing on `day` (its name that day), or a clear error. */
async function requireUnitOn(trx: Transaction<OrganizationDatabase>, unitId: string, unitName: string, day: string, field: string): Promise<string> {
  const version = await versionOn(trx, unitId, day);
  if (!version) throw new DomainError('BAD_USER_INPUT', `${unitName} chưa thành lập hoặc đã giải thể vào ngày ${day}.`, { field });
  return version.name;
}

/**
 * Mở nhiệm kỳ: a new committee term of a unit from a date (after its congress). The unit's current
 * term, if any, ends that day, and so do the positions still held in it.
 */
export async function openCommitteeTerm(db: Kysely<OrganizationDatabase>, caller: Caller, input: OpenCommitteeTermInput): Promise<CommitteeTermRow> {
  const unitId = requireId(input.unitId, 'unitId');
  const name = requireText(input.name, 'name', 'tên nhiệm kỳ', 100);
  const startsOn = requireDate(input.startsOn, 'startsOn');
  const decisionNumber = decision(input.decisionNumber);
  return db.transaction().execute(async (trx) => {
    const unit = await lockWritableUnit(trx, caller, 'openCommitteeTerm', unitId);
    if (unit.kind === 'PARTY_GROUP') throw new DomainError('BAD_USER_INPUT', 'Tổ đảng không có cấp ủy.', { field: 'unitId' });
    const unitName = await requireUnitOn(trx, unitId, unit.name, startsOn, 'startsOn');
    const latest = await trx.selectFrom('committee_term').selectAll().where('unit_id', '=', unitId).orderBy('starts_on', 'desc').limit(1).executeTakeFirst();
    if (latest && startsOn <= latest.starts_on) {
      throw new DomainError('BAD_USER_INPUT', `Nhiệm kỳ mới phải bắt đầu sau nhiệm kỳ ${latest.name} (${latest.starts_on}).`, { field: 'startsOn' });
    }
    if (latest?.ends_on && startsOn < latest.ends_on) {
      throw new DomainError('BAD_USER_INPUT', `Nhiệm kỳ ${latest.name} còn đến ngày ${latest.ends_on}.`, { field: 'startsOn' });
    }
    const audits = [];
    if (latest && latest.ends_on === null) {
      await trx.updateTable('committee_term').set({ ends_on: startsOn }).where('id', '=', latest.id).execute();
      const ended = await trx
        .updateTable('committee_position')
        .set({ ends_on: startsOn, end_decision_number: decisionNumber })
        .where('term_id', '=', latest.id)
        .where('ends_on', 'is', null)
        .returning(['id', 'member_id', 'position'])
        .execute();
      audits.push({ operation: 'openCommitteeTerm', entityType: 'CommitteeTerm', entityId: latest.id, before: { endsOn: null }, after: { endsOn: startsOn, positionsEnded: ended.length } });
    }
    const term = await trx
      .insertInto('committee_term')
      .values({ id: randomUUID(), unit_id: unitId, name, starts_on: startsOn, ends_on: null, decision_number: decisionNumber })
      .returningAll()
      .executeTakeFirstOrThrow();
    audits.push({ operation: 'openCommitteeTerm', entityType: 'CommitteeTerm', entityId: term.id, before: null, after: { unitId, unitName, name, startsOn, decisionNumber } });
    await writeAudit(trx, caller, audits);
    return term;
  });
}

/**
 * Bổ nhiệm / bầu: a member holds a position in a unit's committee from a date, in the term valid then.
 * Refused (CONFLICT, extensions.rule) when it breaks the Charter's rule for cells: under 9 official
 * members a cell has only a secretary and a deputy, no committee members and never a standing committee.
 */
export async function appointPosition(db: Kysely<OrganizationDatabase>, caller: Caller, input: AppointPositionInput): Promise<PositionRow> {
  const unitId = requireId(input.unitId, 'unitId');
  const memberId = requireId(input.memberId, 'memberId');
  const startsOn = requireDate(input.startsOn, 'startsOn');
  const decisionNumber = decision(input.decisionNumber);
  if (!POSITION_KINDS.includes(input.position)) throw new DomainError('BAD_USER_INPUT', 'Chức vụ không hợp lệ.', { field: 'position' });
  const position = input.position;
  return db.transaction().execute(async (trx) => {
    const unit = await lockWritableUnit(trx, caller, 'appointPosition', unitId);
    const unitName = await requireUnitOn(trx, unitId, unit.name, startsOn, 'startsOn');
    const term = await trx
      .selectFrom('committee_term')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('starts_on', '<=', startsOn)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>', startsOn)]))
      .executeTakeFirst();
    if (!term) throw new DomainError('BAD_USER_INPUT', `${unitName} chưa có nhiệm kỳ cấp ủy vào ngày ${startsOn}: mở nhiệm kỳ trước.`, { field: 'startsOn' });
    // Where the member was on the start date (a member who joined later or had left is refused), from the dated copy of placements.
    if (!(await memberPlacedUnderOn(trx, memberId, unitId, startsOn))) {
      throw new DomainError('BAD_USER_INPUT', `Đảng viên này không sinh hoạt trong ${unitName} vào ngày ${startsOn}.`, { field: 'memberId' });
    }
    // Positions held on or after the date (an appointment dated before a later one would overlap it).
    const held = await trx
      .selectFrom('committee_position')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>', startsOn)]))
      .execute();
    const own = held.find((row) => row.member_id === memberId);
    if (own) throw new DomainError('CONFLICT', `Đảng viên này đang giữ chức ${POSITION_LABELS[own.position]} của ${unitName}: kết thúc chức vụ đó trước.`, { field: 'memberId' });
    if (position === 'SECRETARY' && held.some((row) => row.position === 'SECRETARY')) {
      throw new DomainError('CONFLICT', `${unitName} đã có bí thư: kết thúc chức vụ của bí thư hiện tại trước.`, { field: 'position' });
    }
    if (CELL_KINDS.includes(unit.kind)) await requireCellRule(trx, unitId, unitName, position, held, startsOn);
    if (unit.kind === 'PARTY_GROUP') throw new DomainError('BAD_USER_INPUT', 'Tổ đảng không có cấp ủy.', { field: 'unitId' });
    const row = await trx
      .insertInto('committee_position')
      .values({ id: randomUUID(), term_id: term.id, unit_id: unitId, member_id: memberId, position, starts_on: startsOn, ends_on: null, decision_number: decisionNumber, end_decision_number: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, caller, [
      { operation: 'appointPosition', entityType: 'CommitteePosition', entityId: row.id, before: null, after: { unitId, memberId, position, startsOn, decisionNumber, termId: term.id } },
    ]);
    return row;
  });
}

/** Charter art. 24 for a cell, on the appointment's start date: its official members counted as they stood that day. */
async function requireCellRule(trx: Transaction<OrganizationDatabase>, unitId: string, unitName: string, position: PositionKind, held: PositionRow[], startsOn: string): Promise<void> {
  if (position === 'STANDING_COMMITTEE_MEMBER') {
    throw new DomainError('BAD_USER_INPUT', 'Chi bộ không có ban thường vụ.', { field: 'position', rule: 'CELL_HAS_NO_STANDING_COMMITTEE' });
  }
  const official = (await officialMemberCounts(trx, [unitId], startsOn)).get(unitId) ?? 0;
  if (COMMITTEE_ONLY_POSITIONS.includes(position) && official < CELL_COMMITTEE_FROM) {
    throw new DomainError(
      'CONFLICT',
      `Ngày ${startsOn}, ${unitName} có ${official} đảng viên chính thức (dưới ${CELL_COMMITTEE_FROM}): chi bộ chỉ có bí thư và phó bí thư, không bầu chi ủy.`,
      { field: 'position', rule: 'COMMITTEE_UNDER_NINE', officialMemberCount: official },
    );
  }
  if (position === 'DEPUTY_SECRETARY' && official < CELL_COMMITTEE_FROM && held.some((row) => row.position === 'DEPUTY_SECRETARY')) {
    throw new DomainError('CONFLICT', `Ngày ${startsOn}, ${unitName} có ${official} đảng viên chính thức (dưới ${CELL_COMMITTEE_FROM}): chỉ có một phó bí thư.`, { field: 'position', rule: 'ONE_DEPUTY_UNDER_NINE', officialMemberCount: official });
  }
}

/** Kết thúc chức vụ: the position is no longer held from `endsOn`. */
export async function endPosition(db: Kysely<OrganizationDatabase>, caller: Caller, input: EndPositionInput): Promise<PositionRow> {
  const id = requireId(input.id, 'id');
  const endsOn = requireDate(input.endsOn, 'endsOn');
  const decisionNumber = decision(input.decisionNumber);
  return db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('committee_position').select('unit_id').where('id', '=', id).executeTakeFirst();
    if (!found) throw new DomainError('NOT_FOUND', 'Không tìm thấy chức vụ.', { field: 'id' });
    await lockWritableUnit(trx, caller, 'endPosition', found.unit_id, 'id').catch((error: unknown) => {
      if (error instanceof DomainError && error.extensions?.code === 'NOT_FOUND') throw new DomainError('NOT_FOUND', 'Không tìm thấy chức vụ.', { field: 'id' });
      throw error;
    });
    const current = await trx.selectFrom('committee_position').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (current.ends_on !== null) throw new DomainError('CONFLICT', `Chức vụ này đã kết thúc từ ngày ${current.ends_on}.`, { field: 'id' });
    if (endsOn <= current.starts_on) throw new DomainError('BAD_USER_INPUT', `Ngày kết thúc phải sau ngày bắt đầu giữ chức vụ (${current.starts_on}).`, { field: 'endsOn' });
    const row = await trx.updateTable('committee_position').set({ ends_on: endsOn, end_decision_number: decisionNumber }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await writeAudit(trx, caller, [{ operation: 'endPosition', entityType: 'CommitteePosition', entityId: id, before: { endsOn: null }, after: { endsOn, decisionNumber } }]);
    return row;
  });
}
