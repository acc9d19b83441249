/**
 * Who is asking, as the gateway verified it. Roles follow the administrative levels; a grant gives
 * one role over the subtree of one org unit. A user may hold several grants.
 */
export const ROLES = [
  'CELL_SECRETARY',
  'CELL_COMMITTEE',
  'WARD_COMMITTEE',
  'DISTRICT_BOARD',
  'ANALYST',
  'PROVINCIAL_SYSTEM',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

export interface Grant {
  role: Role;
  /** The root of the subtree this grant covers. */
  scopeUnitId: string;
}

export interface Caller {
  /** Stable id of the account (or service account). */
  subject: string;
  name: string;
  grants: Grant[];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Org units whose subtrees the caller may read (any grant reads). */
export function readableScopes(caller: Caller): string[] {
  return [...new Set(caller.grants.map((grant) => grant.scopeUnitId))];
}

/** Org units whose subtrees the caller may change with one of `roles`. */
export function scopesWithRole(caller: Caller, roles: readonly Role[]): string[] {
  return [...new Set(caller.grants.filter((grant) => roles.includes(grant.role)).map((grant) => grant.scopeUnitId))];
}
