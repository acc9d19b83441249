import { randomUUID } from 'node:crypto';
import { MUTATION_ROLES, scopesWithRole, type Caller, type Role } from '@dangvien/auth';
import { publish } from '@dangvien/events';
import { ORG_EVENTS, type OrgUnitSplit } from '@dangvien/org-replica';
import { DomainError, requireDate, requireId, requireText, writeAudit } from '@dangvien/server';
import type { Kysely, Transaction } from 'kysely';
import { endCommitteesOf } from '../committee/committee.repository.ts';
import type { OrganizationDatabase } from '../database.ts';
import { endOrgUnits, findChildrenFrom, findOrgUnitRecord } from '../dissolution/dissolution.repository.ts';
import { DISSOLUTION_PARTS, lockEndableUnit } from '../dissolution/end-units.ts';
import type { OrgUnitKind, SplitOrgUnitInput } from '../generated/graphql.ts';
import { activeMemberIdsOf } from '../member-replica/member-replica.repository.ts';
import { insertOperation } from '../operation/operation.repository.ts';
import type { OperationRow } from '../operation/operation.tables.ts';
import { ancestorIds, insertOrgUnits, lockTree, versionOn } from '../org-unit/org-unit.repository.ts';
import { ALLOWED_PARENT_KINDS, moveInTransaction, requireKindUnder } from '../org-unit/restructure.ts';
import { findTakenCode } from './split.repository.ts';

interface SplitPart {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKind | null;
  childIds: string[];
  memberIds: string[];
  receivesRemainingMembers: boolean;
}

const MAX_PARTS = 20;
const MAX_NAMED_MEMBERS = 5000;

/** Checks the shape of the input before any work: ids, dates, distinct codes, each child and member named once, one default part. */
function readSplitInput(input: SplitOrgUnitInput): Omit<SplitOrgUnitInput, 'parts'> & { parts: SplitPart[] } {
  const id = requireId(input.id, 'id');
  const effectiveDate = requireDate(input.effectiveDate, 'effectiveDate');
  const decisionNumber = requireText(input.decisionNumber, 'decisionNumber', 'số quyết định', 100);
  if (input.parts.length < 2 || input.parts.length > MAX_PARTS) {
    throw new DomainError('BAD_USER_INPUT', `Chia tách thành từ 2 đến ${MAX_PARTS} đơn vị mới.`, { field: 'parts' });
  }
  const parts = input.parts.map((part) => {
    if (part.kind && !(part.kind in ALLOWED_PARENT_KINDS)) throw new DomainError('BAD_USER_INPUT', 'Loại đơn vị không hợp lệ.', { field: 'parts.kind' });
    return {
      id: randomUUID(),
      code: requireText(part.code, 'parts.code', 'mã đơn vị', 50),
      name: requireText(part.name, 'parts.name', 'tên đơn vị', 200),
      kind: part.kind ?? null,
      childIds: (part.childIds ?? []).map((child) => requireId(child, 'parts.childIds')),
      memberIds: (part.memberIds ?? []).map((member) => requireId(member, 'parts.memberIds')),
      receivesRemainingMembers: part.receivesRemainingMembers === true,
    };
  });
  const codes = parts.map((part) => part.code.toLowerCase());
  if (new Set(codes).size !== codes.length) throw new DomainError('BAD_USER_INPUT', 'Hai đơn vị mới trùng mã.', { field: 'parts.code' });
  const children = parts.flatMap((part) => part.childIds);
  if (new Set(children).size !== children.length) throw new DomainError('BAD_USER_INPUT', 'Một đơn vị trực thuộc được phân về hai đơn vị mới.', { field: 'parts.childIds' });
  const members = parts.flatMap((part) => part.memberIds);
  if (members.length > MAX_NAMED_MEMBERS) throw new DomainError('BAD_USER_INPUT', `Nêu tên tối đa ${MAX_NAMED_MEMBERS} đảng viên.`, { field: 'parts.memberIds' });
  if (new Set(members).size !== members.length) throw new DomainError('BAD_USER_INPUT', 'Một đảng viên được phân về hai đơn vị mới.', { field: 'parts.memberIds' });
  if (parts.filter((part) => part.receivesRemainingMembers).length !== 1) {
    throw new DomainError('BAD_USER_INPUT', 'Chọn đúng một đơn vị mới tiếp nhận các đảng viên không được nêu tên.', { field: 'parts.receivesRemainingMembers' });
  }
  return { id, effectiveDate, decisionNumber, parts };
}

/**
 * Chia tách: one unit ends on a date and several new units replace it under the same parent, as one
 * operation. Its live sub-units go under the new units as the input says (every one must be placed);
 * its members go where the input names them, the rest to the one default part. Atomic here (new
 * units, moves of sub-units, the end, the pending operation, events and audit commit together);
 * membership moves the members when it receives OrgUnitSplit, and evaluation follows.
 */
export async function splitOrgUnit(db: Kysely<OrganizationDatabase>, caller: Caller, input: SplitOrgUnitInput): Promise<OperationRow> {
  const request = readSplitInput(input);
  const { id, effectiveDate, decisionNumber, parts } = request;
  const scopes = scopesWithRole(caller, MUTATION_ROLES.splitOrgUnit as readonly Role[]);
  return db.transaction().execute(async (trx) => {
    await lockTree(trx);
    const unit = await lockEndableUnit(trx, caller, scopes, id, effectiveDate, { allowLiveChildren: true });
    const version = await versionOn(trx, id, effectiveDate);
    const parentId = version?.parent_id;
    if (!parentId) throw new DomainError('BAD_USER_INPUT', `${unit.name} không có đơn vị cấp trên vào ngày ${effectiveDate}: không thể chia tách.`, { field: 'id' });
    const parent = await findOrgUnitRecord(trx, parentId);
    const parentVersion = await versionOn(trx, parentId, effectiveDate);
    // The new units sit beside it: deciding that belongs to a role over its parent.
    if (!parent || !parentVersion || !(await ancestorIds(trx, parentId, effectiveDate)).some((ancestor) => scopes.includes(ancestor))) {
      throw new DomainError('FORBIDDEN', `Chia tách ${unit.name} do cấp ủy cấp trên của nó quyết định.`, { field: 'id' });
    }
    for (const part of parts) requireKindUnder(part.kind ?? unit.kind, parent, parentVersion.name, 'parts.kind');
    await requireFreeCodes(trx, parts);
    await requireEveryChildPlaced(trx, id, unit.name, effectiveDate, parts);
    await requireMembersOf(trx, id, unit.name, parts);

    await insertOrgUnits(
      trx,
      parts.map((part) => ({ id: part.id, code: part.code, name: part.name, kind: part.kind ?? unit.kind, parent_id: parentId, established_on: effectiveDate, established_decision: decisionNumber })),
    );
    for (const part of parts) {
      for (const childId of part.childIds) await moveInTransaction(trx, caller, 'splitOrgUnit', { id: childId, newParentId: part.id, effectiveDate, decisionNumber });
    }
    const remainingTo = parts.find((part) => part.receivesRemainingMembers)!.id;
    await endOrgUnits(trx, [id], { effectiveDate, successorId: remainingTo, decisionNumber });
    await endCommitteesOf(trx, [id], effectiveDate, decisionNumber);
    const operation = await insertOperation(trx, {
      id: randomUUID(),
      kind: 'SPLIT_ORG_UNIT',
      subjectId: id,
      requestedBy: caller.subject,
      parts: parts.flatMap((part) => DISSOLUTION_PARTS.map((subgraph) => ({ part: subgraph, unitId: part.id }))),
    });
    const payload: OrgUnitSplit = {
      id,
      effectiveDate,
      decisionNumber,
      parts: parts.map((part) => ({ unitId: part.id, memberIds: part.memberIds })),
      remainingMembersTo: remainingTo,
      operationId: operation.id,
      actor: { subject: caller.subject, name: caller.name },
    };
    await publish(trx, [{ type: ORG_EVENTS.split, aggregateId: id, payload: { ...payload } }]);
    await writeAudit(trx, caller, [
      {
        operation: 'splitOrgUnit',
        entityType: 'OrgUnit',
        entityId: id,
        before: { endedOn: null },
        after: { endedOn: effectiveDate, decisionNumber, operationId: operation.id, parts: parts.map((part) => ({ id: part.id, code: part.code, childIds: part.childIds, memberIds: part.memberIds })) },
      },
      ...parts.map((part) => ({
        operation: 'splitOrgUnit',
        entityType: 'OrgUnit',
        entityId: part.id,
        before: null,
        after: { code: part.code, name: part.name, kind: part.kind ?? unit.kind, parentId, establishedOn: effectiveDate, decisionNumber, splitFrom: id },
      })),
    ]);
    return operation;
  });
}

async function requireFreeCodes(trx: Transaction<OrganizationDatabase>, parts: SplitPart[]): Promise<void> {
  const taken = await findTakenCode(trx, parts.map((part) => part.code));
  if (taken) throw new DomainError('CONFLICT', `Mã đơn vị "${taken}" đã được dùng.`, { field: 'parts.code' });
}

/** Every sub-unit under the unit on or after the date goes to exactly one new unit; nothing else may be named. */
async function requireEveryChildPlaced(trx: Transaction<OrganizationDatabase>, id: string, unitName: string, day: string, parts: SplitPart[]): Promise<void> {
  const live = await findChildrenFrom(trx, id, day);
  const named = new Set(parts.flatMap((part) => part.childIds));
  const unplaced = live.filter((child) => !named.has(child.unit_id));
  if (unplaced.length > 0) {
    throw new DomainError('BAD_USER_INPUT', `Chưa phân về đơn vị mới: ${unplaced.map((child) => child.name).join(', ')}. Mỗi đơn vị trực thuộc ${unitName} phải về một đơn vị mới.`, {
      field: 'parts.childIds',
      unitIds: unplaced.map((child) => child.unit_id),
    });
  }
  const liveIds = new Set(live.map((child) => child.unit_id));
  const strangers = [...named].filter((childId) => !liveIds.has(childId));
  if (strangers.length > 0) {
    throw new DomainError('BAD_USER_INPUT', `${strangers.length} đơn vị được nêu không trực thuộc ${unitName}.`, { field: 'parts.childIds', unitIds: strangers });
  }
}

/** Named members must do party activity in the unit now (as membership last told us). */
async function requireMembersOf(trx: Transaction<OrganizationDatabase>, id: string, unitName: string, parts: SplitPart[]): Promise<void> {
  const named = parts.flatMap((part) => part.memberIds);
  if (named.length === 0) return;
  const active = await activeMemberIdsOf(trx, id);
  const strangers = named.filter((memberId) => !active.has(memberId));
  if (strangers.length > 0) {
    throw new DomainError('BAD_USER_INPUT', `${strangers.length} đảng viên được nêu không sinh hoạt tại ${unitName}.`, { field: 'parts.memberIds', memberIds: strangers });
  }
}
