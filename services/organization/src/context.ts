import { readableScopes, type Caller } from '@dangvien/auth';
import { groupLoader, isUuid, rowLoader } from '@dangvien/server';
import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import { findPositionsOfMembers, findPositionsOfTerms, findPositionsOn, findTermsByIds, findTermsOf } from './committee/committee.repository.ts';
import type { CommitteeTermRow, PositionRow } from './committee/committee.tables.ts';
import type { OrganizationDatabase } from './database.ts';
import { findDelegatesOf, findDelegationsAssignedBy, findDelegationsByIds, findDelegationsDirecting, findRatingsOf, findWorkItemsOf } from './delegation/delegation.repository.ts';
import type { DelegateRow, DelegationRow, RatingRow, WorkItemRow } from './delegation/delegation.tables.ts';
import { findAddressesOf } from './import/org-unit-import.repository.ts';
import { findOperationsByIds, findPartsOf } from './operation/operation.repository.ts';
import type { OperationPartRow, OperationRow } from './operation/operation.tables.ts';
import {
  findAncestorsOf,
  findChildrenOf,
  findDescendantsOf,
  findOrgUnitsByKeys,
  findVersionsOf,
  today,
  type UnitDay,
} from './org-unit/org-unit.repository.ts';
import type { OrgUnitRow, OrgUnitVersionRow } from './org-unit/org-unit.tables.ts';

export interface OrganizationContext {
  db: Kysely<OrganizationDatabase>;
  caller: Caller;
  /** Roots of the subtrees the caller may read; every query is filtered to them in SQL. */
  scopes: string[];
  /** A unit as the tree stood on a day (default today); keys of different days share one statement. */
  orgUnitById: { load(id: string, day?: string): Promise<OrgUnitRow | null> };
  childrenOf: DataLoader<UnitDay, OrgUnitRow[], string>;
  descendantsOf: DataLoader<UnitDay, OrgUnitRow[], string>;
  ancestorsOf: DataLoader<UnitDay, OrgUnitRow[], string>;
  versionsOf: ReturnType<typeof groupLoader<OrgUnitVersionRow>>;
  operationById: ReturnType<typeof rowLoader<OperationRow>>;
  partsOf: ReturnType<typeof groupLoader<OperationPartRow>>;
  termsOf: ReturnType<typeof groupLoader<CommitteeTermRow>>;
  termById: ReturnType<typeof rowLoader<CommitteeTermRow>>;
  positionsOn: DataLoader<UnitDay, PositionRow[], string>;
  positionsOfTerm: ReturnType<typeof groupLoader<PositionRow>>;
  positionsOfMember: ReturnType<typeof groupLoader<PositionRow>>;
  delegationById: ReturnType<typeof rowLoader<DelegationRow>>;
  delegationsDirecting: ReturnType<typeof groupLoader<DelegationRow>>;
  delegationsAssignedBy: ReturnType<typeof groupLoader<DelegationRow>>;
  delegatesOf: ReturnType<typeof groupLoader<DelegateRow>>;
  workItemsOf: ReturnType<typeof groupLoader<WorkItemRow>>;
  ratingsOf: ReturnType<typeof groupLoader<RatingRow>>;
  /** Addresses recorded by unit imports (null when none). */
  addressOf: DataLoader<string, string | null>;
}

const keyOf = (key: UnitDay) => `${key.id}@${key.day}`;

/** A per-request loader of rows per (unit, day) key: one statement per batch, whatever the days. */
function unitDayLoader<Row extends { key_id: string; key_day: string }>(fetchRows: (keys: readonly UnitDay[]) => Promise<Row[]>) {
  return new DataLoader<UnitDay, Row[], string>(
    async (keys) => {
      const groups = new Map<string, Row[]>(keys.map((key) => [keyOf(key), []]));
      const valid = keys.filter((key) => isUuid(key.id));
      for (const row of valid.length > 0 ? await fetchRows(valid) : []) groups.get(`${row.key_id}@${row.key_day}`)?.push(row);
      return keys.map((key) => groups.get(keyOf(key)) ?? []);
    },
    { cacheKeyFn: keyOf },
  );
}

export function createContext(db: Kysely<OrganizationDatabase>, caller: Caller): OrganizationContext {
  const scopes = readableScopes(caller);
  const byKey = unitDayLoader((keys) => findOrgUnitsByKeys(db, keys, scopes));
  return {
    db,
    caller,
    scopes,
    orgUnitById: { load: async (id, day) => (await byKey.load({ id: id.toLowerCase(), day: day ?? today() }))[0] ?? null },
    childrenOf: unitDayLoader((keys) => findChildrenOf(db, keys, scopes)),
    descendantsOf: unitDayLoader((keys) => findDescendantsOf(db, keys, scopes)),
    ancestorsOf: unitDayLoader((keys) => findAncestorsOf(db, keys, scopes)),
    versionsOf: groupLoader((ids) => findVersionsOf(db, ids), (row) => row.unit_id),
    operationById: rowLoader((ids) => findOperationsByIds(db, ids), (row) => row.id),
    partsOf: groupLoader((ids) => findPartsOf(db, ids), (row) => row.operation_id),
    termsOf: groupLoader((ids) => findTermsOf(db, ids), (row) => row.unit_id),
    termById: rowLoader((ids) => findTermsByIds(db, ids), (row) => row.id),
    positionsOn: unitDayLoader((keys) => findPositionsOn(db, keys)),
    positionsOfTerm: groupLoader((ids) => findPositionsOfTerms(db, ids), (row) => row.term_id),
    positionsOfMember: groupLoader((ids) => findPositionsOfMembers(db, ids, scopes), (row) => row.member_id),
    delegationById: rowLoader((ids) => findDelegationsByIds(db, ids), (row) => row.id),
    delegationsDirecting: groupLoader((ids) => findDelegationsDirecting(db, ids), (row) => row.target_unit_id),
    delegationsAssignedBy: groupLoader((ids) => findDelegationsAssignedBy(db, ids), (row) => row.assigning_unit_id),
    delegatesOf: groupLoader((ids) => findDelegatesOf(db, ids), (row) => row.delegation_id),
    workItemsOf: groupLoader((ids) => findWorkItemsOf(db, ids), (row) => row.delegate_id),
    ratingsOf: groupLoader((ids) => findRatingsOf(db, ids), (row) => row.delegate_id),
    addressOf: new DataLoader(async (ids) => {
      const addresses = await findAddressesOf(db, ids);
      return ids.map((id) => addresses.get(id) ?? null);
    }),
  };
}
