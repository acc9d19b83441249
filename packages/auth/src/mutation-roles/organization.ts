import type { Role } from '../caller.ts';

/** The organization subgraph's mutations and the roles that may run them (see ../permissions.ts). */
export const ORGANIZATION_MUTATION_ROLES = {
  dissolveOrgUnit: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  mergeOrgUnits: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  createOrgUnit: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  renameOrgUnit: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  moveOrgUnit: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  applyProvinceReform: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  applyRestructuringPlan: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  importOrgUnits: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  splitOrgUnit: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  openCommitteeTerm: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  appointPosition: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  endPosition: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  createDelegation: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  registerWorkItem: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  recordWorkItemResult: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  rateDelegate: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  endDelegation: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  // The explorer's own notes, not party records: every role keeps them, the read-only ones included.
  saveQuery: ['CELL_SECRETARY', 'CELL_COMMITTEE', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'ANALYST', 'PROVINCIAL_SYSTEM', 'ADMIN'],
  deleteSavedQuery: ['CELL_SECRETARY', 'CELL_COMMITTEE', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'ANALYST', 'PROVINCIAL_SYSTEM', 'ADMIN'],
} as const satisfies Record<string, readonly Role[]>;
