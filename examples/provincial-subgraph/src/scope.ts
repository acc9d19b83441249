import { isWithinScope, type Caller, type Role } from '@dangvien/internal-token-verifier';
import { GraphQLError } from 'graphql';

/** What the gateway sends for the scope decision (`@requires`): a unit's id and the units above it inside the caller's scope. */
export interface UnitWithAncestors {
  id: string;
  ancestors?: { id: string }[] | null;
}

/** Personal training records: every role but ANALYST, who reads aggregates only (DOMAIN.md: analysts see counts, not people). */
export const RECORD_READER_ROLES: readonly Role[] = ['CELL_SECRETARY', 'CELL_COMMITTEE', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'PROVINCIAL_SYSTEM', 'ADMIN'];

export function unitPath(unit: UnitWithAncestors | null | undefined): string[] {
  return unit ? [unit.id, ...(unit.ancestors ?? []).map((ancestor) => ancestor.id)] : [];
}

/**
 * Refuses unless one of the caller's grants (with one of `roles`) covers the unit. A unit the gateway
 * could not place (no cell, no ancestors given) is refused too: never answer on missing facts.
 */
export function requireScope(caller: Caller, unit: UnitWithAncestors | null | undefined, roles?: readonly Role[]): void {
  const path = unitPath(unit);
  if (path.length === 0 || !isWithinScope(caller, path, roles)) {
    throw new GraphQLError('Bạn không có quyền xem thông tin đào tạo của đơn vị này.', { extensions: { code: 'FORBIDDEN' } });
  }
}
