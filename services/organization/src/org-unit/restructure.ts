import { randomUUID } from 'node:crypto';
import { MUTATION_ROLES, readableScopes, scopesWithRole, type Caller, type MutationName, type Role } from '@dangvien/auth';
import { publish } from '@dangvien/events';
import { ORG_EVENTS, type OrgUnitMoved, type OrgUnitRenamed } from '@dangvien/org-replica';
import { DomainError, requireDate, requireId, requireText, writeAudit } from '@dangvien/server';
import { sql, type Kysely, type Transaction } from 'kysely';
import { requireCategory } from './category.ts';
import type { OrganizationDatabase } from '../database.ts';
import type { CreateOrgUnitInput, MoveOrgUnitInput, OrgUnitKind, RenameOrgUnitInput } from '../generated/graphql.ts';
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

/** Kinds of unit members do party activity in (DOMAIN.md §1): the only places members may be sent to. */
export const MEMBER_HOLDING_KINDS: readonly OrgUnitKind[] = ['CELL', 'GRASSROOTS_CELL'];

/**
 * Units an operation already changed on its date (a plan's earlier steps): a later step may change
 * them again the same day, where a change on its own must come after the unit's last one.
 */
export type ChangedToday = ReadonlySet<string>;

export function decision(value: string): string {
  return requireText(value, 'decisionNumber', 'số quyết định', 100);
}

function scopesFor(caller: Caller, mutation: MutationName): string[] {
  return scopesWithRole(caller, MUTATION_ROLES[mutation] as readonly Role[]);
}

/** Locks a unit the caller may change, or explains why not (out of scope looks like missing). */
export async function lockUnitInScope(trx: Transaction<OrganizationDatabase>, caller: Caller, scopes: string[], id: string): Promise<{ unit: OrgUnitRecord; version: OrgUnitVersionRow }> {
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
function requireAfterLastChange(unit: OrgUnitRecord, version: OrgUnitVersionRow, day: string, changedToday?: ChangedToday): void {
  if (changedToday?.has(unit.id) && (version.valid_from === day || unit.established_on === day)) return;
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

/** A new unit as createOrgUnit's input describes it, already read; `id` chosen by the caller. */
export interface NewUnitRequest {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
  category: ReturnType<typeof requireCategory>;
  parentId: string;
  establishedOn: string;
  decisionNumber: string;
}

/** Reads createOrgUnit's input (shape, kind and category), before any work. */
export function readNewUnit(input: CreateOrgUnitInput, field = ''): NewUnitRequest {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  if (!(input.kind in ALLOWED_PARENT_KINDS)) throw new DomainError('BAD_USER_INPUT', 'Loại đơn vị không hợp lệ.', { field: at('kind') });
  return {
    id: randomUUID(),
    code: requireText(input.code, at('code'), 'mã đơn vị', 50),
    name: requireText(input.name, at('name'), 'tên đơn vị', 200),
    kind: input.kind,
    category: requireCategory(input.kind, input.category, input.residentialArea),
    parentId: requireId(input.parentId, at('parentId')),
    establishedOn: requireDate(input.establishedOn, at('establishedOn')),
    decisionNumber: decision(input.decisionNumber),
  };
}

/** Creates a unit inside the caller's transaction (tree locked): parent in scope and of a higher kind, free code, audit; OrgUnitCreated. */
export async function createInTransaction(trx: Transaction<OrganizationDatabase>, caller: Caller, mutation: MutationName, request: NewUnitRequest): Promise<void> {
  const { id, code, name, kind, category, parentId, establishedOn, decisionNumber } = request;
  const { parent, version } = await requireParent(trx, scopesFor(caller, mutation), parentId, establishedOn, 'parentId');
  requireKindUnder(kind, parent, version.name, 'parentId');
  const duplicate = await trx.selectFrom('org_unit').select('id').where(sql<boolean>`lower(code) = lower(${code})`).executeTakeFirst();
  if (duplicate) throw new DomainError('CONFLICT', `Mã đơn vị "${code}" đã được dùng.`, { field: 'code' });
  await insertOrgUnits(trx, [{ id, code, name, kind, parent_id: parentId, established_on: establishedOn, established_decision: decisionNumber, ...category }]);
  await writeAudit(trx, caller, [
    { operation: mutation, entityType: 'OrgUnit', entityId: id, before: null, after: { code, name, kind, ...category, parentId, establishedOn, decisionNumber } },
  ]);
}

/** Thành lập: a new unit under a parent from its establishment date; published as OrgUnitCreated. */
export async function createOrgUnit(db: Kysely<OrganizationDatabase>, caller: Caller, input: CreateOrgUnitInput): Promise<OrgUnitRow> {
  const request = readNewUnit(input);
  return db.transaction().execute(async (trx) => {
    await lockTree(trx);
    await createInTransaction(trx, caller, 'createOrgUnit', request);
    return answer(trx, caller, request.id, request.establishedOn);
  });
}

/** Renames one unit (inside the caller's transaction, tree locked): validations, new version, event, audit. */
export async function renameInTransaction(
  trx: Transaction<OrganizationDatabase>,
  caller: Caller,
  mutation: MutationName,
  request: RenameOrgUnitInput,
  changedToday?: ChangedToday,
): Promise<void> {
  const { id, name, effectiveDate, decisionNumber } = request;
  const { unit, version } = await lockUnitInScope(trx, caller, scopesFor(caller, mutation), id);
  requireAfterLastChange(unit, version, effectiveDate, changedToday);
  if (version.name === name) throw new DomainError('BAD_USER_INPUT', `Tên mới trùng với tên hiện tại (${name}).`, { field: 'name' });
  await openNewVersion(trx, version, { day: effectiveDate, parentId: version.parent_id, name, kind: 'RENAMED', decisionNumber });
  await publish(trx, [{ type: ORG_EVENTS.renamed, aggregateId: id, payload: { id, name, effectiveDate, decisionNumber } satisfies OrgUnitRenamed }]);
  await writeAudit(trx, caller, [{ operation: mutation, entityType: 'OrgUnit', entityId: id, before: { name: version.name }, after: { name, effectiveDate, decisionNumber } }]);
}

/** Đổi tên: a new name from a date; the old name stays in history. Published as OrgUnitRenamed. */
export async function renameOrgUnit(db: Kysely<OrganizationDatabase>, caller: Caller, input: RenameOrgUnitInput): Promise<OrgUnitRow> {
  const request = {
    id: requireId(input.id, 'id'),
    name: requireText(input.name, 'name', 'tên đơn vị', 200),
    effectiveDate: requireDate(input.effectiveDate, 'effectiveDate'),
    decisionNumber: decision(input.decisionNumber),
  };
  return db.transaction().execute(async (trx) => {
    await lockTree(trx);
    await renameInTransaction(trx, caller, 'renameOrgUnit', request);
    return answer(trx, caller, request.id, request.effectiveDate);
  });
}

/** Moves one unit (inside the caller's transaction, tree locked): validations, new version, event, audit. */
export async function moveInTransaction(
  trx: Transaction<OrganizationDatabase>,
  caller: Caller,
  mutation: MutationName,
  request: MoveOrgUnitInput,
  changedToday?: ChangedToday,
): Promise<void> {
  const { id, newParentId, effectiveDate, decisionNumber } = request;
  const scopes = scopesFor(caller, mutation);
  const { unit, version } = await lockUnitInScope(trx, caller, scopes, id);
  requireAfterLastChange(unit, version, effectiveDate, changedToday);
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
