import type { Role } from '../caller.ts';

/** The evaluation subgraph's mutations and the roles that may run them (see ../permissions.ts). */
export const EVALUATION_MUTATION_ROLES = {
  openReviewCycle: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  closeReviewCycle: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  reopenReviewCycle: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  submitSelfReview: ['CELL_SECRETARY', 'CELL_COMMITTEE', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  proposeGrade: ['CELL_SECRETARY', 'CELL_COMMITTEE'],
  decideGrades: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  recordMeeting: ['CELL_SECRETARY', 'CELL_COMMITTEE'],
  updateMeeting: ['CELL_SECRETARY', 'CELL_COMMITTEE'],
  assignTask: ['CELL_SECRETARY', 'CELL_COMMITTEE'],
  reassignTask: ['CELL_SECRETARY', 'CELL_COMMITTEE'],
  reviewTask: ['CELL_SECRETARY', 'CELL_COMMITTEE'],
  decideOrganizationGrades: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  addReviewRuleSet: ['ADMIN'],
} as const satisfies Record<string, readonly Role[]>;
