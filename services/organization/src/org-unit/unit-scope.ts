import { MUTATION_ROLES, readableScopes, scopesWithRole, type Caller, type MutationName, type Role } from '@dangvien/auth';
import { DomainError } from '@dangvien/server';
import type { Transaction } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';
import { ancestorIds, latestVersion, lockOrgUnit } from './org-unit.repository.ts';
import type { NamedOrgUnit } from './org-unit.tables.ts';

/**
 * Locks a unit the caller may change with `mutation`'s roles and returns it with its latest name, or
 * explains why not: outside every grant it looks missing (NOT_FOUND), readable without the role is FORBIDDEN.
 */
export async function lockWritableUnit(
  trx: Transaction<OrganizationDatabase>,
  caller: Caller,
  mutation: MutationName,
  unitId: string,
  field = 'unitId',
): Promise<NamedOrgUnit> {
  const unit = await lockOrgUnit(trx, unitId);
  const version = unit ? await latestVersion(trx, unitId) : undefined;
  const ancestors = unit ? await ancestorIds(trx, unitId) : [];
  if (!unit || !version || !ancestors.some((ancestor) => readableScopes(caller).includes(ancestor))) {
    throw new DomainError('NOT_FOUND', 'Không tìm thấy đơn vị.', { field });
  }
  if (!ancestors.some((ancestor) => scopesWithRole(caller, MUTATION_ROLES[mutation] as readonly Role[]).includes(ancestor))) {
    throw new DomainError('FORBIDDEN', 'Vai trò của bạn không được thực hiện thao tác này ở đơn vị này.');
  }
  return { ...unit, name: version.name };
}
