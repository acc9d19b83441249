import type { Role } from './caller.ts';

/**
 * Which roles may run each mutation, over the subtrees of their grants: the one place this is
 * written (docs/permissions.md shows the same table; a test keeps the two equal). Every role reads
 * within its grants' subtrees; ANALYST and PROVINCIAL_SYSTEM only read.
 */
export const MUTATION_ROLES = {
  dissolveOrgUnit: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  mergeOrgUnits: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type MutationName = keyof typeof MUTATION_ROLES;

/** Who may read the audit log (of the entities inside their grants' subtrees). */
export const AUDIT_READER_ROLES = ['DISTRICT_BOARD', 'ADMIN'] as const satisfies readonly Role[];
