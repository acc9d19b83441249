import { randomUUID } from 'node:crypto';
import { MUTATION_ROLES, readableScopes, scopesWithRole, type Caller, type MutationName, type Role } from '@dangvien/auth';
import { publish } from '@dangvien/events';
import { ORG_EVENTS, type OrgUnitMoved, type OrgUnitRenamed } from '@dangvien/org-replica';
import { DomainError, requireDate, requireId, requireText, writeAudit } from '@dangvien/server';
import { sql, type Kysely, type Transaction } from 'kysely';
import { requireCategory } from './category.ts';
import type { OrganizationDatabase } from '../database.ts';
import { endUnitsInTransaction } from '../dissolution/dissolution.ts';
import type { ApplyProvinceReformInput, CreateOrgUnitInput, MoveOrgUnitInput, OrgUnitKind, RenameOrgUnitInput } from '../generated/graphql.ts';
import type { OperationRow } from '../operation/operation.tables.ts';
import { ancestorIds, findOrgUnitsByKeys, insertOrgUnits, latestVersion, lockOrgUnit, lockTree, openNewVersion, versionOn } from './org-unit.repository.ts';
import type { OrgUnitRecord, OrgUnitRow, OrgUnitVersionRow } from './org-unit.tables.ts';

/** Which kinds may sit directly under which (the tree has typed levels, not a fixed depth). */
export const ALLOWED_PARENT_KINDS: Record<OrgUnitKind, readonly OrgUnitKind[]> = {
  PROVINCE: [],
  DISTRICT: ['PROVINCE'],
  GRASSROOTS_COMMITTEE: ['PROVINCE', 'DISTRICT'],
  GRASSROOTS_CELL: ['PROVINCE', 'DISTRICT'],
  CELL: ['GRASSROOTS_COMMITTEE'],
  PARTY_GROUP: ['CELL', 'GRASSROOTS_CELL'],
};

export const KIND_LABELS: Record<OrgUnitKind, string> = {
  PROVINCE: 'đảng bộ tỉnh',
  DISTRICT: 'đảng bộ huyện',
  GRASSROOTS_COMMITTEE: 'đảng bộ cơ sở',
  GRASSROOTS_CELL: 'chi bộ cơ sở',
  CELL: 'chi bộ trực thuộc',
  PARTY_GROUP: 'tổ đảng',
};

function decision(value: string): string {
  return requireText(value, 'decisionNumber', 'số quyết định', 100);
}

function scopesFor(caller: Caller, mutation: MutationName): string[] {
  return scopesWithRole(caller, MUTATION_ROLES[mutation] as readonly Role[]);
}

/** Locks a unit the caller may change, or explains why not (out of scope looks like missing). */
async function lockUnitInScope(trx: Transaction<OrganizationDatabase>, caller: Caller, scopes: string[], id: string): Promise<{ unit: OrgUnitRecord; version: OrgUnitVersionRow }> {
  const unit = await lockOrgUnit(trx, id);
  const version = unit ? await latestVersion(trx, id) : undefined;
  const ancestors = unit ? await ancestorIds(trx, id) : [];
  if (!unit || !version || !ancestors.some((ancestor) => scopes.includes(ancestor))) {
    const readable = ancestors.some((ancestor) => readableScopes(caller).includes(ancestor));
    if (unit && readable) throw new DomainError('FORBIDDEN', 'Vai trò của bạn không được thay đổi đơn vị này.');
    throw new DomainError('NOT_FOUND', 'Không tìm thấy đơn vị.', { field: 'id' });
  }
  if (unit.ended_on) throw new DomainError('CONFLICT', `${version.name} đã giải thể từ ngày ${unit.ended_on}.`, { field: 'id' });
  return { unit, version };
}

/** A change on `day` must come after the unit's establishment and after its last change. */
function requireAfterLastChange(unit: OrgUnitRecord, version: OrgUnitVersionRow, day: string): void {
  if (unit.established_on && day <= unit.established_on) {
    throw new DomainError('BAD_USER_INPUT', `Ngày hiệu lực phải sau ngày thành lập ${version.name} (${unit.established_on}).`, { field: 'effectiveDate' });
  }
  if (version.valid_from && day <= version.valid_from) {
    throw new DomainError('BAD_USER_INPUT', `Ngày hiệu lực phải sau lần thay đổi gần nhất của ${version.name} (${version.valid_from}).`, { field: 'effectiveDate' });
  }
}

/**
 * A unit that may become a parent on `day`: exists, inside the caller's scope (also as the tree
 * stands that day) and exists that day.
 */
async function requireParent(
  trx: Transaction<OrganizationDatabase>,
  scopes: string[],
  parentId: string,
  day: string,
  field: string,
): Promise<{ parent: OrgUnitRecord; version: OrgUnitVersionRow }> {
  const parent = await trx.selectFrom('org_unit').selectAll().where('id', '=', parentId).executeTakeFirst();
  const inScope = parent ? (await ancestorIds(trx, parentId)).some((ancestor) => scopes.includes(ancestor)) : false;
  if (!parent || !inScope) throw new DomainError('NOT_FOUND', 'Không tìm thấy đơn vị cấp trên.', { field });
  const version = await versionOn(trx, parentId, day);
  if (!version) {
    throw new DomainError('BAD_USER_INPUT', `Đơn vị cấp trên chưa thành lập hoặc đã giải thể vào ngày ${day}.`, { field });
  }
  if (!(await ancestorIds(trx, parentId, day)).some((ancestor) => scopes.includes(ancestor))) {
    throw new DomainError('NOT_FOUND', 'Không tìm thấy đơn vị cấp trên.', { field });
  }
  return { parent, version };
}

export function requireKindUnder(childKind: OrgUnitKind, parent: OrgUnitRecord, parentName: string, field: string): void {
  if (!ALLOWED_PARENT_KINDS[childKind].includes(parent.kind)) {
    throw new DomainError('BAD_USER_INPUT', `Không thể đặt ${KIND_LABELS[childKind]} trực thuộc ${KIND_LABELS[parent.kind]} (${parentName}).`, { field });
  }
}

async function answer(trx: Transaction<OrganizationDatabase>, caller: Caller, id: string, day: string): Promise<OrgUnitRow> {
  const [row] = await findOrgUnitsByKeys(trx, [{ id, day }], readableScopes(caller));
  if (!row) throw new DomainError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  return row;
}

/** Thành lập: a new unit under a parent from its establishment date; published as OrgUnitCreated. */
export async function createOrgUnit(db: Kysely<OrganizationDatabase>, caller: Caller, input: CreateOrgUnitInput): Promise<OrgUnitRow> {
  const code = requireText(input.code, 'code', 'mã đơn vị', 50);
  const name = requireText(input.name, 'name', 'tên đơn vị', 200);
  const parentId = requireId(input.parentId, 'parentId');
  const establishedOn = requireDate(input.establishedOn, 'establishedOn');
  const decisionNumber = decision(input.decisionNumber);
  if (!(input.kind in ALLOWED_PARENT_KINDS)) throw new DomainError('BAD_USER_INPUT', 'Loại đơn vị không hợp lệ.', { field: 'kind' });
  const category = requireCategory(input.kind, input.category, input.residentialArea);
  const scopes = scopesFor(caller, 'createOrgUnit');
  return db.transaction().execute(async (trx) => {
    await lockTree(trx);
    const { parent, version } = await requireParent(trx, scopes, parentId, establishedOn, 'parentId');
    requireKindUnder(input.kind, parent, version.name, 'parentId');
    const duplicate = await trx.selectFrom('org_unit').select('id').where(sql<boolean>`lower(code) = lower(${code})`).executeTakeFirst();
    if (duplicate) throw new DomainError('CONFLICT', `Mã đơn vị "${code}" đã được dùng.`, { field: 'code' });
    const id = randomUUID();
    await insertOrgUnits(trx, [{ id, code, name, kind: input.kind, parent_id: parentId, established_on: establishedOn, established_decision: decisionNumber, ...category }]);
    await writeAudit(trx, caller, [
      { operation: 'createOrgUnit', entityType: 'OrgUnit', entityId: id, before: null, after: { code, name, kind: input.kind, ...category, parentId, establishedOn, decisionNumber } },
    ]);
    return answer(trx, caller, id, establishedOn);
  });
}

/** Đổi tên: a new name from a date; the old name stays in history. Published as OrgUnitRenamed. */
export async function renameOrgUnit(db: Kysely<OrganizationDatabase>, caller: Caller, input: RenameOrgUnitInput): Promise<OrgUnitRow> {
  const id = requireId(input.id, 'id');
  const name = requireText(input.name, 'name', 'tên đơn vị', 200);
  const effectiveDate = requireDate(input.effectiveDate, 'effectiveDate');
  const decisionNumber = decision(input.decisionNumber);
  const scopes = scopesFor(caller, 'renameOrgUnit');
  return db.transaction().execute(async (trx) => {
    await lockTree(trx);
    const { unit, version } = await lockUnitInScope(trx, caller, scopes, id);
    requireAfterLastChange(unit, version, effectiveDate);
    if (version.name === name) throw new DomainError('BAD_USER_INPUT', `Tên mới trùng với tên hiện tại (${name}).`, { field: 'name' });
    await openNewVersion(trx, version, { day: effectiveDate, parentId: version.parent_id, name, kind: 'RENAMED', decisionNumber });
    await publish(trx, [{ type: ORG_EVENTS.renamed, aggregateId: id, payload: { id, name, effectiveDate, decisionNumber } satisfies OrgUnitRenamed }]);
    await writeAudit(trx, caller, [
      { operation: 'renameOrgUnit', entityType: 'OrgUnit', entityId: id, before: { name: version.name }, after: { name, effectiveDate, decisionNumber } },
    ]);
    return answer(trx, caller, id, effectiveDate);
  });
}

/** Moves one unit (inside the caller's transaction, tree locked): validations, new version, event, audit. */
export async function moveInTransaction(
  trx: Transaction<OrganizationDatabase>,
  caller: Caller,
  mutation: MutationName,
  request: MoveOrgUnitInput,
): Promise<void> {
  const { id, newParentId, effectiveDate, decisionNumber } = request;
  const scopes = scopesFor(caller, mutation);
  const { unit, version } = await lockUnitInScope(trx, caller, scopes, id);
  requireAfterLastChange(unit, version, effectiveDate);
  if (newParentId === id) throw new DomainError('BAD_USER_INPUT', 'Không thể chuyển một đơn vị vào chính nó.', { field: 'newParentId' });
  const { parent, version: parentVersion } = await requireParent(trx, scopes, newParentId, effectiveDate, 'newParentId');
  if (version.parent_id === newParentId) throw new DomainError('BAD_USER_INPUT', `${version.name} đã trực thuộc ${parentVersion.name}.`, { field: 'newParentId' });
  // No cycle, on that day or after it (any parent link valid from then on counts).
  const cycle = await sql<{ id: string }>`
    WITH RECURSIVE up(id) AS (
      SELECT ${newParentId}::uuid
      UNION
      SELECT a.parent_id FROM org_unit_version a JOIN up ON a.unit_id = up.id
      WHERE a.parent_id IS NOT NULL AND (a.valid_to IS NULL OR a.valid_to > ${effectiveDate}::date)
    )
    SELECT id FROM up WHERE id = ${id}::uuid`.execute(trx);
  if (cycle.rows.length > 0) {
    throw new DomainError('BAD_USER_INPUT', `Không thể chuyển ${version.name} vào ${parentVersion.name}: đơn vị này trực thuộc chính ${version.name}.`, { field: 'newParentId' });
  }
  requireKindUnder(unit.kind, parent, parentVersion.name, 'newParentId');
  await openNewVersion(trx, version, { day: effectiveDate, parentId: newParentId, name: version.name, kind: 'MOVED', decisionNumber });
  await publish(trx, [{ type: ORG_EVENTS.moved, aggregateId: id, payload: { id, parentId: newParentId, effectiveDate, decisionNumber } satisfies OrgUnitMoved }]);
  await writeAudit(trx, caller, [
    { operation: mutation, entityType: 'OrgUnit', entityId: id, before: { parentId: version.parent_id }, after: { parentId: newParentId, effectiveDate, decisionNumber } },
  ]);
}

/** Chuyển: the unit, with its subtree, under a new parent from a date. Published as OrgUnitMoved. */
export async function moveOrgUnit(db: Kysely<OrganizationDatabase>, caller: Caller, input: MoveOrgUnitInput): Promise<OrgUnitRow> {
  const request = {
    id: requireId(input.id, 'id'),
    newParentId: requireId(input.newParentId, 'newParentId'),
    effectiveDate: requireDate(input.effectiveDate, 'effectiveDate'),
    decisionNumber: decision(input.decisionNumber),
  };
  return db.transaction().execute(async (trx) => {
    await lockTree(trx);
    await moveInTransaction(trx, caller, 'moveOrgUnit', request);
    return answer(trx, caller, request.id, request.effectiveDate);
  });
}

/**
 * The 2025 reform for one district, as one operation: its live grassroots organizations go directly
 * under the district's parent (the province) and the district ends, on one date. Returns the
 * operation ending the district (pending until membership and evaluation have applied it).
 */
export async function applyProvinceReform(db: Kysely<OrganizationDatabase>, caller: Caller, input: ApplyProvinceReformInput): Promise<OperationRow> {
  const districtId = requireId(input.districtId, 'districtId');
  const effectiveDate = requireDate(input.effectiveDate ?? '2025-07-01', 'effectiveDate');
  const decisionNumber = decision(input.decisionNumber);
  const scopes = scopesFor(caller, 'applyProvinceReform');
  return db.transaction().execute(async (trx) => {
    await lockTree(trx);
    const { unit, version } = await lockUnitInScope(trx, caller, scopes, districtId);
    if (unit.kind !== 'DISTRICT') throw new DomainError('BAD_USER_INPUT', `${version.name} không phải đảng bộ huyện.`, { field: 'districtId' });
    if (!version.parent_id) throw new DomainError('CONFLICT', `${version.name} không trực thuộc đảng bộ tỉnh nào.`, { field: 'districtId' });
    const provinceId = version.parent_id;
    const committees = await sql<{ id: string }>`
      SELECT v.unit_id AS id FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
      WHERE v.parent_id = ${districtId}::uuid AND v.valid_to IS NULL AND u.kind IN ('GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL')
      ORDER BY v.unit_id`.execute(trx);
    for (const committee of committees.rows) {
      await moveInTransaction(trx, caller, 'applyProvinceReform', { id: committee.id, newParentId: provinceId, effectiveDate, decisionNumber });
    }
    return endUnitsInTransaction(trx, caller, {
      mutation: 'applyProvinceReform',
      kind: 'PROVINCE_REFORM',
      ids: [districtId],
      successorId: provinceId,
      effectiveDate,
      decisionNumber,
    });
  });
}
