import { subtreeUnitIds } from '@dangvien/org-replica';
import { requireId } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import { memberNameOf } from '../member/member-name.ts';
import { shownUnitRef } from '../org-unit.ts';
import { unitReadable } from '../placement/scope.ts';
import { todayInVietnam } from '@dangvien/db';
import { endMemberInspection, startMemberInspection } from './inspection.ts';
import { receiveTransferredMember } from './transfer-in.ts';
import { endTemporaryTransfer, issueTransferLetter, recordTransferLetterPresented } from './transfer.ts';
import { inspectionOn, inspectionsOfMember, transfersOfMember, transfersOfUnits } from './transfer.repository.ts';

export const transferResolvers: Resolvers = {
  Query: {
    memberTransfers: async (_source, args, context) => {
      const unitId = requireId(args.unitId, 'unitId');
      if (!(await unitReadable(context.db, context.caller, unitId))) return [];
      const units = await subtreeUnitIds(context.db, [unitId], todayInVietnam());
      return transfersOfUnits(context.db, units, args.waitingOnly ?? false);
    },
  },
  Mutation: {
    issueTransferLetter: (_source, args, context) => issueTransferLetter(context.db, context.caller, args.input),
    recordTransferLetterPresented: (_source, args, context) => recordTransferLetterPresented(context.db, context.caller, args.input),
    endTemporaryTransfer: (_source, args, context) => endTemporaryTransfer(context.db, context.caller, args.input),
    receiveTransferredMember: (_source, args, context) => receiveTransferredMember(context.db, context.caller, args.input),
    startMemberInspection: (_source, args, context) => startMemberInspection(context.db, context.caller, args.input),
    endMemberInspection: (_source, args, context) => endMemberInspection(context.db, context.caller, args.input),
  },
  Member: {
    transfers: (member, _args, context) => transfersOfMember(context.db, member.id),
    inspections: (member, _args, context) => inspectionsOfMember(context.db, member.id),
    underInspection: async (member, _args, context) => (await inspectionOn(context.db, member.id, todayInVietnam())) !== undefined,
  },
  MemberTransfer: {
    member: (transfer, _args, context) => context.memberById.load(transfer.member_id),
    memberName: (transfer, _args, context) => memberNameOf(context, transfer.member_id),
    fromCell: (transfer, _args, context) => shownUnitRef(context, transfer.from_cell_id),
    toCell: (transfer, _args, context) => shownUnitRef(context, transfer.to_cell_id),
    externalOrganization: (transfer) => transfer.external_organization,
    letterNumber: (transfer) => transfer.letter_number,
    letterIssuedOn: (transfer) => transfer.letter_issued_on,
    reportDueOn: (transfer) => transfer.report_due_on,
    presentedOn: (transfer) => transfer.presented_on,
    presentedLate: (transfer) => transfer.presented_on !== null && transfer.presented_on > transfer.report_due_on,
    temporaryUntil: (transfer) => transfer.temporary_until,
    returnedOn: (transfer) => transfer.returned_on,
  },
  MemberInspection: {
    startedOn: (row) => row.started_on,
    decisionNumber: (row) => row.decision_number,
    inspectingBody: (row) => row.inspecting_body,
    endedOn: (row) => row.ended_on,
    endDecisionNumber: (row) => row.end_decision_number,
  },
};
