import { requireId } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import { memberRef, orgUnitRef } from '../references.ts';
import { absentThreeMonths, meetingsOfUnit } from './meeting.repository.ts';
import { recordMeeting, updateMeeting } from './meeting.ts';

/** Cell meetings (sinh hoạt chi bộ) with their attendance, and members absent without reason three months of a year. */
export const meetingResolvers: Resolvers = {
  Query: {
    absentThreeMonths: (_source, args, context) => absentThreeMonths(context.db, context.caller, requireId(args.unitId, 'unitId'), args.year),
  },
  Mutation: {
    recordMeeting: (_source, args, context) => recordMeeting(context.db, context.caller, args.input),
    updateMeeting: (_source, args, context) => updateMeeting(context.db, context.caller, args.input),
  },
  Meeting: {
    cell: (meeting) => orgUnitRef(meeting.cell_id),
    heldOn: (meeting) => meeting.held_on,
    attendance: (meeting, _args, context) => context.attendanceOfMeeting.load(meeting.id),
  },
  Attendance: {
    member: (row) => memberRef(row.member_id),
  },
  AbsenceAlert: {
    member: (absence) => memberRef(absence.memberId),
  },
  OrgUnit: {
    // Evaluation knows only the id of an OrgUnit; the organization subgraph resolves the rest.
    __resolveReference: (reference) => reference,
    meetings: (unit, args, context) => meetingsOfUnit(context.db, context.caller, unit.id, args.year),
  },
};
