import type { Role } from './caller.ts';

/**
 * Which roles may run each mutation, over the subtrees of their grants: the one place this is
 * written (docs/permissions.md shows the same table; a test keeps the two equal). Every role reads
 * within its grants' subtrees; ANALYST and PROVINCIAL_SYSTEM only read.
 */
export const MUTATION_ROLES = {
  dissolveOrgUnit: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  mergeOrgUnits: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  createOrgUnit: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  renameOrgUnit: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  moveOrgUnit: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  applyProvinceReform: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  createMember: ['CELL_SECRETARY', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  updateMemberProfile: ['CELL_SECRETARY', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  recordMemberEvent: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  openReviewCycle: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  closeReviewCycle: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  submitSelfReview: ['CELL_SECRETARY', 'CELL_COMMITTEE', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  proposeGrade: ['CELL_SECRETARY', 'CELL_COMMITTEE'],
  decideGrades: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  recordMeeting: ['CELL_SECRETARY', 'CELL_COMMITTEE'],
} as const satisfies Record<string, readonly Role[]>;

export type MutationName = keyof typeof MUTATION_ROLES;

/** Who may read the audit log (of the entities inside their grants' subtrees). */
export const AUDIT_READER_ROLES = ['DISTRICT_BOARD', 'ADMIN'] as const satisfies readonly Role[];

/**
 * Who may read a member's sensitive personal data (ethnicity, religion, citizen ID: Law 91/2025/QH15,
 * Decree 356/2025), of members inside their grants' subtrees; for everyone else these fields are null.
 */
export const SENSITIVE_READER_ROLES = ['CELL_SECRETARY', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'] as const satisfies readonly Role[];
