import { isWithinScope, type Caller, type Role } from '@dangvien/internal-token-verifier';
import { GraphQLError } from 'graphql';

/** What the gateway sends for the scope decision (`@requires`): a unit's id and the units above it inside the caller's scope. */
export interface UnitWithAncestors {
  id: string;
  ancestors?: { id: string }[] | null;
}

/**
 * Who may read a member's training records: this example's own rule, to show a refusal by role as well
 * as by subtree. The school gives analysts its quotas, not its rolls.
 */
export const RECORD_READER_ROLES: readonly Role[] = ['CELL_SECRETARY', 'CELL_COMMITTEE', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'PROVINCIAL_SYSTEM', 'ADMIN'];

/** The course catalogue is not personal, but still only for callers the gateway vouched for with a grant. */
export function requireAnyGrant(caller: Caller): void {
  if (caller.grants.length === 0) throw new GraphQLError('Bạn không có quyền xem thông tin đào tạo.', { extensions: { code: 'FORBIDDEN' } });
}

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
