import { readableScopes, type Caller } from '@dangvien/auth';
import { groupLoader, rowLoader } from '@dangvien/server';
import type { Kysely } from 'kysely';
import type { OrganizationDatabase } from './database.ts';
import { findOperationsByIds, findPartsOf, type OperationPartRow, type OperationRow } from './operation/operation.repository.ts';
import { findChildrenOf, findOrgUnitsByIds, type OrgUnitRow } from './org-unit/org-unit.repository.ts';

export interface OrganizationContext {
  db: Kysely<OrganizationDatabase>;
  caller: Caller;
  /** Roots of the subtrees the caller may read; every query is filtered to them in SQL. */
  scopes: string[];
  orgUnitById: ReturnType<typeof rowLoader<OrgUnitRow>>;
  childrenOf: ReturnType<typeof groupLoader<OrgUnitRow>>;
  operationById: ReturnType<typeof rowLoader<OperationRow>>;
  partsOf: ReturnType<typeof groupLoader<OperationPartRow>>;
}

export function createContext(db: Kysely<OrganizationDatabase>, caller: Caller): OrganizationContext {
  const scopes = readableScopes(caller);
  return {
    db,
    caller,
    scopes,
    orgUnitById: rowLoader((ids) => findOrgUnitsByIds(db, ids, scopes), (row) => row.id),
    childrenOf: groupLoader((ids) => findChildrenOf(db, ids, scopes), (row) => row.parent_id ?? ''),
    operationById: rowLoader((ids) => findOperationsByIds(db, ids), (row) => row.id),
    partsOf: groupLoader((ids) => findPartsOf(db, ids), (row) => row.operation_id),
  };
}
