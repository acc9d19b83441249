import { MUTATION_ROLES, scopesWithRole, type Caller, type Role } from '@dangvien/auth';
import { ORG_EVENTS, type OrgUnitDissolved } from '@dangvien/org-replica';
import { DomainError, requireId, writeAudit } from '@dangvien/server';
import type { Transaction } from 'kysely';
import { endCommitteesOf } from '../committee/committee.repository.ts';
import type { OrganizationDatabase } from '../database.ts';
import type { MemberDestinationInput } from '../generated/graphql.ts';
import { activeMemberIdsOf } from '../member-replica/member-replica.repository.ts';
import type { OperationDraft } from '../operation/run-operation.ts';
import { ancestorIds, latestVersion, lockOrgUnit, versionOn } from '../org-unit/org-unit.repository.ts';
import type { NamedOrgUnit, OrgUnitRecord } from '../org-unit/org-unit.tables.ts';
import { KIND_LABELS, MEMBER_HOLDING_KINDS, moveInTransaction, type ChangedToday } from '../org-unit/restructure.ts';
import { endOrgUnits, findChildrenFrom, findOrgUnitRecord } from './dissolution.repository.ts';

/** The subgraphs whose work completes the end of a unit: one part each, per ended unit. */
export const DISSOLUTION_PARTS = ['membership', 'evaluation'] as const;
const MAX_NAMED_MEMBERS = 5000;

/** Ends units on the operation's date: who receives their members, and what happens to their sub-units. */
export interface EndUnitsStep {
  ids: string[];
  /** Receives the active members not named in a destination (and, for a merger, the live sub-units). */
  successorId: string;
  /** Members named for other cells than the successor. */
  destinations: { unitId: string; memberIds: string[] }[];
  /** A merger: the ended units' live sub-units go under the successor first (else a unit with live sub-units is refused). */
  moveChildren: boolean;
}

/** Checks the shape of destinations before any work: ids, and each member named once. */
export function readDestinations(input: readonly MemberDestinationInput[] | null | undefined, field = 'destinations'): EndUnitsStep['destinations'] {
  const destinations = (input ?? []).map((destination) => ({
    unitId: requireId(destination.unitId, `${field}.unitId`),
    memberIds: destination.memberIds.map((member) => requireId(member, `${field}.memberIds`)),
  }));
  const members = destinations.flatMap((destination) => destination.memberIds);
  if (members.length > MAX_NAMED_MEMBERS) throw new DomainError('BAD_USER_INPUT', `Nêu tên tối đa ${MAX_NAMED_MEMBERS} đảng viên.`, { field: `${field}.memberIds` });
  if (new Set(members).size !== members.length) throw new DomainError('BAD_USER_INPUT', 'Một đảng viên được phân về hai chi bộ.', { field: `${field}.memberIds` });
  return destinations;
}

/**
 * Ends units on the operation's date inside its transaction: checks scope, dates, the successor and
 * the destinations (kinds, members), moves a merger's sub-units under the successor, ends the units
 * and their committees, adds the operation's parts and end events, audits each ended unit. Membership
 * moves the members and evaluation its copy when the events reach them, each exactly once.
 */
export async function endUnitsStep(trx: Transaction<OrganizationDatabase>, caller: Caller, draft: OperationDraft, step: EndUnitsStep): Promise<void> {
  const { ids, successorId, destinations, moveChildren } = step;
  const { effectiveDate, decisionNumber } = draft;
  if (ids.includes(successorId)) throw new DomainError('BAD_USER_INPUT', 'Đơn vị tiếp nhận phải khác đơn vị giải thể.', { field: 'successorId' });
  const scopes = scopesWithRole(caller, MUTATION_ROLES[draft.mutation] as readonly Role[]);
  const units: NamedOrgUnit[] = [];
  for (const id of ids) units.push(await lockEndableUnit(trx, caller, scopes, id, effectiveDate, { allowLiveChildren: moveChildren, changedToday: draft.changedToday }));
  const successor = await requireReceivingUnit(trx, scopes, ids, successorId, effectiveDate, { field: 'successorId', label: 'đơn vị tiếp nhận' });

  // Members land only in a cell; a unit that holds none hands its role to a unit of its level or above.
  const members = new Map<string, Set<string>>();
  for (const unit of units) members.set(unit.id, await activeMemberIdsOf(trx, unit.id));
  const holder = units.find((unit) => MEMBER_HOLDING_KINDS.includes(unit.kind) || unit.kind === 'PARTY_GROUP' || members.get(unit.id)!.size > 0);
  if (holder && !MEMBER_HOLDING_KINDS.includes(successor.unit.kind)) {
    throw new DomainError('BAD_USER_INPUT', `Đảng viên của ${holder.name} chỉ có thể chuyển về một chi bộ; ${successor.name} là ${KIND_LABELS[successor.unit.kind]}.`, {
      field: 'successorId',
    });
  }
  if (!holder && (successor.unit.kind === 'CELL' || successor.unit.kind === 'PARTY_GROUP')) {
    throw new DomainError('BAD_USER_INPUT', `${KIND_LABELS[units[0]!.kind]} không thể giao cho ${KIND_LABELS[successor.unit.kind]} (${successor.name}) tiếp nhận.`, { field: 'successorId' });
  }
  const byUnit = await routeDestinations(trx, scopes, ids, destinations, members, effectiveDate);

  if (moveChildren) {
    for (const unit of units) {
      for (const child of await findChildrenFrom(trx, unit.id, effectiveDate)) {
        await moveInTransaction(trx, caller, draft.mutation, { id: child.unit_id, newParentId: successorId, effectiveDate, decisionNumber }, draft.changedToday);
        draft.changedToday.add(child.unit_id);
      }
    }
  }
  await endOrgUnits(trx, ids, { effectiveDate, successorId, decisionNumber });
  await endCommitteesOf(trx, ids, effectiveDate, decisionNumber);
  for (const id of ids) draft.changedToday.add(id);
  draft.parts.push(...ids.flatMap((unitId) => DISSOLUTION_PARTS.map((part) => ({ part, unitId }))));
  const actor = { subject: caller.subject, name: caller.name };
  draft.endEvents.push(
    ...ids.map((id) => {
      const payload: OrgUnitDissolved = { id, successorId, effectiveDate, decisionNumber, operationId: draft.id, actor };
      const named = byUnit.get(id);
      if (named?.length) payload.destinations = named;
      return { type: ORG_EVENTS.dissolved, aggregateId: id, payload: { ...payload } };
    }),
  );
  await writeAudit(
    trx,
    caller,
    units.map((unit) => ({
      operation: draft.mutation,
      entityType: 'OrgUnit',
      entityId: unit.id,
      before: { endedOn: unit.ended_on, successorId: unit.successor_id },
      after: { endedOn: effectiveDate, successorId, decisionNumber, operationId: draft.id, destinations: byUnit.get(unit.id) ?? [] },
    })),
  );
}

/**
 * A unit that receives members or the role of ended units: exists in scope on the date, has not
 * ended, and does not lie inside the units that end (out of scope looks like missing).
 */
async function requireReceivingUnit(
  trx: Transaction<OrganizationDatabase>,
  scopes: string[],
  endingIds: readonly string[],
  id: string,
  day: string,
  where: { field: string; label: string },
): Promise<{ unit: OrgUnitRecord; name: string }> {
  const unit = await findOrgUnitRecord(trx, id);
  const ancestors = unit ? await ancestorIds(trx, id) : [];
  if (!unit || !ancestors.some((ancestor) => scopes.includes(ancestor))) throw new DomainError('NOT_FOUND', `Không tìm thấy ${where.label}.`, { field: where.field });
  const version = await versionOn(trx, id, day);
  const name = version?.name ?? (await latestVersion(trx, id))?.name ?? unit.code;
  if (unit.ended_on || endingIds.includes(id)) throw new DomainError('CONFLICT', `${name} (${where.label}) đã giải thể.`, { field: where.field });
  if (!version) throw new DomainError('BAD_USER_INPUT', `${name} (${where.label}) chưa thành lập vào ngày ${day}.`, { field: where.field });
  if (ancestors.some((ancestor) => endingIds.includes(ancestor))) {
    throw new DomainError('BAD_USER_INPUT', `${name} (${where.label}) nằm trong đơn vị giải thể.`, { field: where.field });
  }
  return { unit, name };
}

/**
 * Checks each destination (a live cell in scope, not one that ends) and each named member (active in
 * one of the ending units, as membership last told us), and groups the destinations by ending unit.
 */
async function routeDestinations(
  trx: Transaction<OrganizationDatabase>,
  scopes: string[],
  endingIds: readonly string[],
  destinations: EndUnitsStep['destinations'],
  members: ReadonlyMap<string, ReadonlySet<string>>,
  day: string,
): Promise<Map<string, { unitId: string; memberIds: string[] }[]>> {
  const byUnit = new Map<string, { unitId: string; memberIds: string[] }[]>();
  const checked = new Set<string>();
  for (const destination of destinations) {
    if (!checked.has(destination.unitId)) {
      const target = await requireReceivingUnit(trx, scopes, endingIds, destination.unitId, day, { field: 'destinations.unitId', label: 'chi bộ tiếp nhận' });
      if (!MEMBER_HOLDING_KINDS.includes(target.unit.kind)) {
        throw new DomainError('BAD_USER_INPUT', `Đảng viên chỉ có thể chuyển về một chi bộ; ${target.name} là ${KIND_LABELS[target.unit.kind]}.`, { field: 'destinations.unitId' });
      }
      checked.add(destination.unitId);
    }
    const strangers: string[] = [];
    for (const memberId of destination.memberIds) {
      const from = endingIds.find((id) => members.get(id)?.has(memberId));
      if (!from) {
        strangers.push(memberId);
        continue;
      }
      const list = byUnit.get(from) ?? [];
      let entry = list.find((candidate) => candidate.unitId === destination.unitId);
      if (!entry) list.push((entry = { unitId: destination.unitId, memberIds: [] }));
      entry.memberIds.push(memberId);
      byUnit.set(from, list);
    }
    if (strangers.length > 0) {
      throw new DomainError('BAD_USER_INPUT', `${strangers.length} đảng viên được nêu không sinh hoạt tại đơn vị giải thể.`, { field: 'destinations.memberIds', memberIds: strangers });
    }
  }
  return byUnit;
}

/**
 * Locks a unit that may end on `effectiveDate`, or explains why not (out of scope looks like missing).
 * A split or a merger hands its live sub-units on itself, so it asks with `allowLiveChildren`; a unit
 * changed earlier the same day by the same operation may end that day (`changedToday`).
 */
export async function lockEndableUnit(
  trx: Transaction<OrganizationDatabase>,
  caller: Caller,
  scopes: string[],
  id: string,
  effectiveDate: string,
  options: { allowLiveChildren?: boolean; changedToday?: ChangedToday } = {},
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
  const sameDayAgain = options.changedToday?.has(id) && version?.valid_from === effectiveDate;
  if (version?.valid_from && effectiveDate <= version.valid_from && !sameDayAgain) {
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
