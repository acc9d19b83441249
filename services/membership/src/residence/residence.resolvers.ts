import DataLoader from 'dataloader';
import { sql } from 'kysely';
import type { MembershipContext } from '../context.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { asOfArgument } from '../input-checks.ts';
import { memberNameOf } from '../member/member-name.ts';
import { optionalUnitRef, unitRef } from '../org-unit.ts';
import { unitReadable } from '../placement/scope.ts';
import {
  assignResidenceCell,
  deliverResidenceComment,
  linkResidence,
  recordResidenceComment,
  recordResidenceExemption,
  recordResidenceMeeting,
  sendResidenceChangeNotice,
} from './residence.ts';
import {
  attendanceOfLink,
  commentsOfLink,
  countAttendance,
  exemptionsOfMember,
  linksOfMember,
  linksOn,
  meetingsOfWard,
  noticesOfSubtree,
} from './residence.repository.ts';
import type { ResidenceLinkRow } from './residence.tables.ts';

async function workplaceCellId(context: MembershipContext, link: ResidenceLinkRow): Promise<string | null> {
  return link.workplace_cell_id !== undefined ? link.workplace_cell_id : ((await context.membersInReach.load(link.member_id))?.cell_id ?? null);
}

/** Current names of units from the tree replica, one statement per request (the residence side names the workplace cell it may not read). */
const unitNames = new WeakMap<MembershipContext, DataLoader<string, string | null>>();
function unitNameLoader(context: MembershipContext): DataLoader<string, string | null> {
  let loader = unitNames.get(context);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const rows = await context.db
        .selectFrom('org_unit_replica')
        .select(['id', 'name'])
        .where('id', 'in', [...ids])
        .where(sql<boolean>`(valid_from IS NULL OR valid_from <= current_date) AND (valid_to IS NULL OR valid_to > current_date)`)
        .execute();
      const names = new Map(rows.map((row) => [row.id, row.name]));
      return ids.map((id) => names.get(id) ?? null);
    });
    unitNames.set(context, loader);
  }
  return loader;
}

export const residenceResolvers: Resolvers = {
  Mutation: {
    linkResidence: (_source, args, context) => linkResidence(context.db, context.caller, args.input),
    assignResidenceCell: (_source, args, context) => assignResidenceCell(context.db, context.caller, args.input),
    recordResidenceExemption: (_source, args, context) => recordResidenceExemption(context.db, context.caller, args.input),
    recordResidenceMeeting: (_source, args, context) => recordResidenceMeeting(context.db, context.caller, args.input),
    recordResidenceComment: (_source, args, context) => recordResidenceComment(context.db, context.caller, args.input),
    deliverResidenceComment: (_source, args, context) => deliverResidenceComment(context.db, context.caller, args.input),
    sendResidenceChangeNotice: (_source, args, context) => sendResidenceChangeNotice(context.db, context.caller, args.input),
  },
  OrgUnit: {
    residentWorkingMembers: async (unit, args, context) => {
      const asOf = asOfArgument(args.asOf);
      if (!(await unitReadable(context.db, context.caller, unit.id))) return [];
      return linksOn(context.db, unit.id, asOf);
    },
    residenceMeetings: async (unit, _args, context) => ((await unitReadable(context.db, context.caller, unit.id)) ? meetingsOfWard(context.db, unit.id) : []),
    residenceNotices: async (unit, _args, context) => ((await unitReadable(context.db, context.caller, unit.id)) ? noticesOfSubtree(context.db, unit.id) : []),
  },
  Member: {
    residenceLinks: (member, _args, context) => linksOfMember(context.db, member.id),
    residenceExemptions: (member, _args, context) => exemptionsOfMember(context.db, member.id),
  },
  ResidenceLink: {
    member: (link, _args, context) => context.memberById.load(link.member_id),
    memberId: (link) => link.member_id,
    memberName: (link, _args, context) => memberNameOf(context, link.member_id),
    // Listed for a ward, the link carries the member's cell; otherwise the member loader has it (wherever the member is).
    workplaceCell: async (link, _args, context) => optionalUnitRef(await workplaceCellId(context, link)),
    workplaceCellName: async (link, _args, context) => {
      const cellId = await workplaceCellId(context, link);
      return cellId ? unitNameLoader(context).load(cellId) : null;
    },
    residenceWard: (link) => unitRef(link.ward_id),
    // Introduced to the ward and not yet placed in a cell: the link's residence unit is the ward itself.
    residenceCell: (link) => (link.residence_cell_id === link.ward_id ? null : unitRef(link.residence_cell_id)),
    validFrom: (link) => link.valid_from,
    validTo: (link) => link.valid_to,
    introductionNumber: (link) => link.introduction_number,
    endReason: (link) => link.end_reason,
    attendance: (link, _args, context) => attendanceOfLink(context.db, link),
    comments: (link, _args, context) => commentsOfLink(context.db, link),
  },
  ResidenceMeeting: {
    ward: (meeting) => unitRef(meeting.ward_id),
    heldOn: (meeting) => meeting.held_on,
    halfYear: (meeting) => meeting.half_year,
    presentCount: (meeting, _args, context) => countAttendance(context.db, meeting.id, true),
    absentCount: (meeting, _args, context) => countAttendance(context.db, meeting.id, false),
  },
  ResidenceComment: {
    residenceCell: (row) => unitRef(row.residence_cell_id),
    frontCommitteeOpinion: (row) => row.front_committee_opinion,
    recordedOn: (row) => row.recorded_on,
    deliveredOn: (row) => row.delivered_on,
  },
  ResidenceExemption: {
    validFrom: (row) => row.valid_from,
    validTo: (row) => row.valid_to,
  },
  ResidenceNotice: {
    memberName: (row, _args, context) => memberNameOf(context, row.member_id),
    occurredOn: (row) => row.occurred_on,
    residenceCell: (row) => unitRef(row.residence_cell_id),
    workplaceCell: (row) => optionalUnitRef(row.workplace_cell_id),
  },
};
