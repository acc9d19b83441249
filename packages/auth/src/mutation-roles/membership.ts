import type { Role } from '../caller.ts';

/** The membership subgraph's mutations and the roles that may run them (see ../permissions.ts). */
export const MEMBERSHIP_MUTATION_ROLES = {
  createMember: ['CELL_SECRETARY', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  updateMemberProfile: ['CELL_SECRETARY', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  recordMemberEvent: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  annulMemberEvent: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  startMemberInspection: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  endMemberInspection: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  issueTransferLetter: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  recordTransferLetterPresented: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  endTemporaryTransfer: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  receiveTransferredMember: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  linkResidence: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  assignResidenceCell: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  recordResidenceExemption: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  recordResidenceMeeting: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  recordResidenceComment: ['CELL_SECRETARY', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  deliverResidenceComment: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  sendResidenceChangeNotice: ['CELL_SECRETARY', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  setMemberDuesBasis: ['CELL_SECRETARY', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  grantDuesRelief: ['WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
  recordDuesPayment: ['CELL_SECRETARY', 'CELL_COMMITTEE'],
  addDuesRule: ['ADMIN'],
  importMembers: ['CELL_SECRETARY', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'ADMIN'],
} as const satisfies Record<string, readonly Role[]>;
