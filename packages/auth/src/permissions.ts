import type { Role } from './caller.ts';
import { EVALUATION_MUTATION_ROLES } from './mutation-roles/evaluation.ts';
import { MEMBERSHIP_MUTATION_ROLES } from './mutation-roles/membership.ts';
import { ORGANIZATION_MUTATION_ROLES } from './mutation-roles/organization.ts';

/**
 * Which roles may run each mutation, over the subtrees of their grants: the one place this is
 * written, one file per subgraph under mutation-roles/ (docs/permissions.md shows the same table; a
 * test keeps the two equal, another that every Mutation field of the supergraph is listed). Every
 * role reads within its grants' subtrees; ANALYST and PROVINCIAL_SYSTEM only read (they keep their own
 * saved queries for the explorer, which change no party record).
 */
export const MUTATION_ROLES = {
  ...ORGANIZATION_MUTATION_ROLES,
  ...MEMBERSHIP_MUTATION_ROLES,
  ...EVALUATION_MUTATION_ROLES,
} as const satisfies Record<string, readonly Role[]>;

export type MutationName = keyof typeof MUTATION_ROLES;

/** Who may read the audit log (of the entities inside their grants' subtrees). */
export const AUDIT_READER_ROLES = ['DISTRICT_BOARD', 'ADMIN'] as const satisfies readonly Role[];

/**
 * Who may read a member's sensitive personal data (ethnicity, religion, citizen ID: Law 91/2025/QH15,
 * Decree 356/2025), of members inside their grants' subtrees; for everyone else these fields are null.
 */
export const SENSITIVE_READER_ROLES = ['CELL_SECRETARY', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'] as const satisfies readonly Role[];
