import { randomUUID } from 'node:crypto';
import { MUTATION_ROLES, scopesWithRole, type Caller, type Role } from '@dangvien/auth';
import { failpoint, publish } from '@dangvien/events';
import { ORG_EVENTS, type OrgUnitDissolved } from '@dangvien/org-replica';
import { DomainError, requireDate, requireId, requireText, writeAudit } from '@dangvien/server';
import type { Kysely, Transaction } from 'kysely';
import { endCommitteesOf } from '../committee/committee.repository.ts';
import type { OrganizationDatabase } from '../database.ts';
import type { DissolveOrgUnitInput, MergeOrgUnitsInput } from '../generated/graphql.ts';
import { insertOperation } from '../operation/operation.repository.ts';
import type { OperationRow } from '../operation/operation.tables.ts';
import { ancestorIds, latestVersion, lockOrgUnit, lockTree } from '../org-unit/org-unit.repository.ts';
import type { NamedOrgUnit } from '../org-unit/org-unit.tables.ts';
import { endOrgUnits, findChildrenFrom, findOrgUnitRecord } from './dissolution.repository.ts';

/** The subgraphs whose work completes the end of a unit: one part each, per ended unit. */
export const DISSOLUTION_PARTS = ['membership', 'evaluation'] as const;
const MAX_MERGED = 100;

/** Giải thể: ends a unit on a date and sends its active members to a successor. */
export function dissolveOrgUnit(db: Kysely<OrganizationDatabase>, caller: Caller, input: DissolveOrgUnitInput): Promise<OperationRow> {
  return endUnits(db, caller, {
    mutation: 'dissolveOrgUnit',
    kind: 'DISSOLVE_ORG_UNIT',
    ids: [requireId(input.id, 'id')],
    successorId: requireId(input.successorId, 'successorId'),
    effectiveDate: requireDate(input.effectiveDate, 'effectiveDate'),
    decisionNumber: requireText(input.decisionNumber, 'decisionNumber', 'số quyết định', 100),
  });
}

/** Sáp nhập: ends several units on one date; all their active members go into one, as one operation. */
export function mergeOrgUnits(db: Kysely<OrganizationDatabase>, caller: Caller, input: MergeOrgUnitsInput): Promise<OperationRow> {
  const ids = input.ids.map((id) => requireId(id, 'ids'));
  if (ids.length === 0 || ids.length > MAX_MERGED) throw new DomainError('BAD_USER_INPUT', `Chọn từ 1 đến ${MAX_MERGED} đơn vị để sáp nhập.`, { field: 'ids' });
  if (new Set(ids).size !== ids.length) throw new DomainError('BAD_USER_INPUT', 'Một đơn vị được chọn hai lần.', { field: 'ids' });
  return endUnits(db, caller, {
    mutation: 'mergeOrgUnits',
    kind: 'MERGE_ORG_UNITS',
    ids,
    successorId: requireId(input.intoId, 'intoId'),
    effectiveDate: requireDate(input.effectiveDate, 'effectiveDate'),
    decisionNumber: requireText(input.decisionNumber, 'decisionNumber', 'số quyết định', 100),
  });
}

export interface EndUnits {
  mutation: keyof typeof MUTATION_ROLES;
  kind: string;
  ids: string[];
  successorId: string;
  effectiveDate: string;
  decisionNumber: string;
}

/**
 * Ends units on a date and sends their active members to a successor. Atomic here (the units, the
 * pending operation, one event per unit and the audit records commit together); membership moves
 * the members and evaluation its copy when they receive the events, each exactly once.
 */
async function endUnits(db: Kysely<OrganizationDatabase>, caller: Caller, request: EndUnits): Promise<OperationRow> {
  if (request.ids.includes(request.successorId)) throw new DomainError('BAD_USER_INPUT', 'Đơn vị tiếp nhận phải khác đơn vị giải thể.', { field: 'successorId' });
  const operation = await db.transaction().execute(async (trx) => {
    const created = await endUnitsInTransaction(trx, caller, request);
    failpoint('dissolve:before-commit');
    return created;
  });
  failpoint('dissolve:after-commit');
  return operation;
}

/** The work of endUnits inside the caller's transaction (the 2025 reform ends a district this way after moving its committees). */
export async function endUnitsInTransaction(trx: Transaction<OrganizationDatabase>, caller: Caller, request: EndUnits): Promise<OperationRow> {
  const { ids, successorId, effectiveDate, decisionNumber } = request;
  if (ids.includes(successorId)) throw new DomainError('BAD_USER_INPUT', 'Đơn vị tiếp nhận phải khác đơn vị giải thể.', { field: 'successorId' });
  const scopes = scopesWithRole(caller, MUTATION_ROLES[request.mutation] as readonly Role[]);
  await lockTree(trx);
  const units: NamedOrgUnit[] = [];
  for (const id of ids) units.push(await lockEndableUnit(trx, caller, scopes, id, effectiveDate));
  const successor = await findOrgUnitRecord(trx, successorId);
  const successorAncestors = successor ? await ancestorIds(trx, successorId) : [];
  if (!successor || !successorAncestors.some((ancestor) => scopes.includes(ancestor))) {
    throw new DomainError('NOT_FOUND', 'Không tìm thấy đơn vị tiếp nhận.', { field: 'successorId' });
  }
  if (successor.ended_on) throw new DomainError('CONFLICT', 'Đơn vị tiếp nhận đã giải thể.', { field: 'successorId' });
  if (successorAncestors.some((ancestor) => ids.includes(ancestor))) {
    throw new DomainError('BAD_USER_INPUT', 'Đơn vị tiếp nhận nằm trong đơn vị giải thể.', { field: 'successorId' });
  }

  await endOrgUnits(trx, ids, { effectiveDate, successorId, decisionNumber });
  await endCommitteesOf(trx, ids, effectiveDate, decisionNumber);
  const created = await insertOperation(trx, {
    id: randomUUID(),
    kind: request.kind,
    subjectId: ids.length === 1 ? ids[0]! : successorId,
    requestedBy: caller.subject,
    parts: ids.flatMap((unitId) => DISSOLUTION_PARTS.map((part) => ({ part, unitId }))),
  });
  const actor = { subject: caller.subject, name: caller.name };
  await publish(
    trx,
    ids.map((id) => ({
      type: ORG_EVENTS.dissolved,
      aggregateId: id,
      payload: { id, successorId, effectiveDate, decisionNumber, operationId: created.id, actor } satisfies OrgUnitDissolved,
    })),
  );
  await writeAudit(
    trx,
    caller,
    units.map((unit) => ({
      operation: request.mutation,
      entityType: 'OrgUnit',
      entityId: unit.id,
      before: { endedOn: unit.ended_on, successorId: unit.successor_id },
      after: { endedOn: effectiveDate, successorId, decisionNumber, operationId: created.id },
    })),
  );
  return created;
}

/**
 * Locks a unit that may end on `effectiveDate`, or explains why not (out of scope looks like missing).
 * A split hands its live sub-units to the new units itself, so it asks with `allowLiveChildren`.
 */
export async function lockEndableUnit(
  trx: Transaction<OrganizationDatabase>,
  caller: Caller,
  scopes: string[],
  id: string,
  effectiveDate: string,
  options: { allowLiveChildren?: boolean } = {},
): Promise<NamedOrgUnit> {
  const row = await lockOrgUnit(trx, id);
  const version = row ? await latestVersion(trx, id) : undefined;
  const unit = row && version ? { ...row, name: version.name } : undefined;
  const ancestors = unit ? await ancestorIds(trx, id) : [];
  if (!unit || !ancestors.some((ancestor) => scopes.includes(ancestor))) {
    const readable = ancestors.some((ancestor) => caller.grants.some((grant) => grant.scopeUnitId === ancestor));
    if (readable) throw new DomainError('FORBIDDEN', 'Vai trò của bạn không được giải thể hay sáp nhập đơn vị này.');
    throw new DomainError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  }
  if (unit.ended_on) throw new DomainError('CONFLICT', `${unit.name} đã giải thể từ ngày ${unit.ended_on}.`, { field: 'id' });
  if (unit.established_on && effectiveDate < unit.established_on) {
    throw new DomainError('BAD_USER_INPUT', `Ngày hiệu lực trước ngày thành lập ${unit.name} (${unit.established_on}).`, { field: 'effectiveDate' });
  }
  if (version?.valid_from && effectiveDate <= version.valid_from) {
    throw new DomainError('BAD_USER_INPUT', `Ngày hiệu lực phải sau lần thay đổi gần nhất của ${unit.name} (${version.valid_from}).`, { field: 'effectiveDate' });
  }
  if (options.allowLiveChildren) return unit;
  const liveChildren = await findChildrenFrom(trx, id, effectiveDate);
  if (liveChildren.length > 0) {
    throw new DomainError('CONFLICT', `${unit.name} còn ${liveChildren.length} đơn vị trực thuộc (${liveChildren.map((child) => child.name).join(', ')}): giải thể hoặc chuyển chúng trước.`, {
      field: 'id',
    });
  }
  return unit;
}
