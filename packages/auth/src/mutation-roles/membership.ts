import type { Role } from '../caller.ts';

/** The membership subgraph's mutations and the roles that may run them (see ../permissions.ts). */
export const MEMBERSHIP_MUTATION_ROLES = {
  createMember: ['CELL_SECRETARY', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  updateMemberProfile: ['CELL_SECRETARY', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  recordMemberEvent: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  setMemberDuesBasis: ['CELL_SECRETARY', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  grantDuesRelief: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  recordDuesPayment: ['CELL_SECRETARY', 'CELL_COMMITTEE'],
  importMembers: ['CELL_SECRETARY', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
} as const satisfies Record<string, readonly Role[]>;
