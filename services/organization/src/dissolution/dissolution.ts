import type { Caller } from '@dangvien/auth';
import { DomainError, requireDate, requireId, requireText } from '@dangvien/server';
import type { Kysely } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';
import type { DissolveOrgUnitInput, MergeOrgUnitsInput } from '../generated/graphql.ts';
import type { OperationRow } from '../operation/operation.tables.ts';
import { runOperation } from '../operation/run-operation.ts';
import { endUnitsStep, readDestinations } from './end-units.ts';

const MAX_MERGED = 100;

/**
 * Giải thể: ends a unit on a date; the members named in `destinations` go to those cells, the other
 * active members to the successor (a cell), as one operation.
 */
export function dissolveOrgUnit(db: Kysely<OrganizationDatabase>, caller: Caller, input: DissolveOrgUnitInput): Promise<OperationRow> {
  const id = requireId(input.id, 'id');
  const successorId = requireId(input.successorId, 'successorId');
  const effectiveDate = requireDate(input.effectiveDate, 'effectiveDate');
  const decisionNumber = requireText(input.decisionNumber, 'decisionNumber', 'số quyết định', 100);
  const destinations = readDestinations(input.destinations);
  if (id === successorId) throw new DomainError('BAD_USER_INPUT', 'Đơn vị tiếp nhận phải khác đơn vị giải thể.', { field: 'successorId' });
  return runOperation(db, caller, { kind: 'DISSOLVE_ORG_UNIT', mutation: 'dissolveOrgUnit', effectiveDate, decisionNumber }, async (trx, draft) => {
    await endUnitsStep(trx, caller, draft, { ids: [id], successorId, destinations, moveChildren: false });
    return { subjectId: id };
  });
}

/**
 * Sáp nhập: ends several units on one date, as one operation; their live sub-units go under the unit
 * they merge into, and all their active members into it (so it must be a cell when they hold members).
 */
export function mergeOrgUnits(db: Kysely<OrganizationDatabase>, caller: Caller, input: MergeOrgUnitsInput): Promise<OperationRow> {
  const ids = input.ids.map((id) => requireId(id, 'ids'));
  if (ids.length === 0 || ids.length > MAX_MERGED) throw new DomainError('BAD_USER_INPUT', `Chọn từ 1 đến ${MAX_MERGED} đơn vị để sáp nhập.`, { field: 'ids' });
  if (new Set(ids).size !== ids.length) throw new DomainError('BAD_USER_INPUT', 'Một đơn vị được chọn hai lần.', { field: 'ids' });
  const successorId = requireId(input.intoId, 'intoId');
  const effectiveDate = requireDate(input.effectiveDate, 'effectiveDate');
  const decisionNumber = requireText(input.decisionNumber, 'decisionNumber', 'số quyết định', 100);
  if (ids.includes(successorId)) throw new DomainError('BAD_USER_INPUT', 'Đơn vị tiếp nhận phải khác đơn vị giải thể.', { field: 'successorId' });
  return runOperation(db, caller, { kind: 'MERGE_ORG_UNITS', mutation: 'mergeOrgUnits', effectiveDate, decisionNumber }, async (trx, draft) => {
    await endUnitsStep(trx, caller, draft, { ids, successorId, destinations: [], moveChildren: true });
    return { subjectId: ids.length === 1 ? ids[0]! : successorId };
  });
}
