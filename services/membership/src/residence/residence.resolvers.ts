import type { GraphQLResolverMap } from '@apollo/subgraph';
import { readableScopes } from '@dangvien/auth';
import { inReplicaSubtrees, subtreeUnitIds } from '@dangvien/org-replica';
import { sql } from 'kysely';
import type { MembershipContext } from '../context.ts';
import type { MemberRow } from '../member/member.repository.ts';
import { asOfArgument } from '../placement/roster.ts';
import { withPlacementTables } from '../placement/tables.ts';
import {
  deliverResidenceComment,
  linksOn,
  linkResidence,
  recordResidenceComment,
  recordResidenceExemption,
  recordResidenceMeeting,
  sendResidenceChangeNotice,
  type ResidenceCommentRow,
  type ResidenceLinkRow,
  type ResidenceMeetingRow,
  type ResidenceNoticeRow,
} from './residence.ts';

const unitRef = (id: string | null) => (id ? { __typename: 'OrgUnit', id } : null);

async function unitReadable(context: MembershipContext, unitId: string): Promise<boolean> {
  const row = await context.db.selectFrom('org_unit_replica').select('id').where('id', '=', unitId).where(inReplicaSubtrees('org_unit_replica.id', readableScopes(context.caller))).executeTakeFirst();
  return row !== undefined;
}

const memberName = async (row: { member_id: string }, _args: unknown, context: MembershipContext) =>
  (await context.db.selectFrom('member').select('full_name').where('id', '=', row.member_id).executeTakeFirstOrThrow()).full_name;

type Args<T> = { input: T };

export const residenceResolvers: GraphQLResolverMap<MembershipContext> = {
  Mutation: {
    linkResidence: (_source, args: Args<Parameters<typeof linkResidence>[2]>, context: MembershipContext) => linkResidence(context.db, context.caller, args.input),
    recordResidenceExemption: (_source, args: Args<Parameters<typeof recordResidenceExemption>[2]>, context: MembershipContext) => recordResidenceExemption(context.db, context.caller, args.input),
    recordResidenceMeeting: (_source, args: Args<Parameters<typeof recordResidenceMeeting>[2]>, context: MembershipContext) => recordResidenceMeeting(context.db, context.caller, args.input),
    recordResidenceComment: (_source, args: Args<Parameters<typeof recordResidenceComment>[2]>, context: MembershipContext) => recordResidenceComment(context.db, context.caller, args.input),
    deliverResidenceComment: (_source, args: Args<Parameters<typeof deliverResidenceComment>[2]>, context: MembershipContext) => deliverResidenceComment(context.db, context.caller, args.input),
    sendResidenceChangeNotice: (_source, args: Args<Parameters<typeof sendResidenceChangeNotice>[2]>, context: MembershipContext) =>
      sendResidenceChangeNotice(context.db, context.caller, args.input),
  },
  OrgUnit: {
    residentWorkingMembers: async (unit: { id: string }, args: { asOf?: string | null }, context: MembershipContext) => {
      const asOf = asOfArgument(args.asOf);
      if (!(await unitReadable(context, unit.id))) return [];
      return linksOn(context.db, unit.id, asOf);
    },
    residenceMeetings: async (unit: { id: string }, _args, context: MembershipContext) => {
      if (!(await unitReadable(context, unit.id))) return [];
      return withPlacementTables(context.db).selectFrom('residence_meeting').selectAll().where('ward_id', '=', unit.id).orderBy('held_on', 'desc').execute();
    },
    residenceNotices: async (unit: { id: string }, _args, context: MembershipContext) => {
      if (!(await unitReadable(context, unit.id))) return [];
      const units = await subtreeUnitIds(context.db, [unit.id]);
      return withPlacementTables(context.db)
        .selectFrom('residence_notice')
        .selectAll()
        .where((eb) => eb.or([eb('residence_cell_id', 'in', units), eb('workplace_cell_id', 'in', units)]))
        .orderBy('occurred_on', 'desc')
        .orderBy('recorded_at', 'desc')
        .limit(500)
        .execute();
    },
  },
  Member: {
    residenceLinks: (member: MemberRow, _args, context: MembershipContext) =>
      withPlacementTables(context.db).selectFrom('residence_link').selectAll().where('member_id', '=', member.id).orderBy('valid_from').execute(),
    residenceExemptions: (member: MemberRow, _args, context: MembershipContext) =>
      withPlacementTables(context.db).selectFrom('residence_exemption').selectAll().where('member_id', '=', member.id).orderBy('valid_from').execute(),
  },
  ResidenceLink: {
    member: (link: ResidenceLinkRow, _args, context: MembershipContext) => context.memberById.load(link.member_id),
    memberName,
    workplaceCell: async (link: ResidenceLinkRow & { workplace_cell_id?: string | null }, _args, context: MembershipContext) =>
      unitRef(link.workplace_cell_id !== undefined ? link.workplace_cell_id : ((await context.db.selectFrom('member').select('cell_id').where('id', '=', link.member_id).executeTakeFirst())?.cell_id ?? null)),
    residenceWard: (link: ResidenceLinkRow) => unitRef(link.ward_id),
    residenceCell: (link: ResidenceLinkRow) => unitRef(link.residence_cell_id),
    validFrom: (link: ResidenceLinkRow) => link.valid_from,
    validTo: (link: ResidenceLinkRow) => link.valid_to,
    introductionNumber: (link: ResidenceLinkRow) => link.introduction_number,
    endReason: (link: ResidenceLinkRow) => link.end_reason,
    attendance: (link: ResidenceLinkRow, _args, context: MembershipContext) =>
      withPlacementTables(context.db)
        .selectFrom('residence_meeting_attendance')
        .innerJoin('residence_meeting', 'residence_meeting.id', 'residence_meeting_attendance.meeting_id')
        .select(['residence_meeting.held_on as heldOn', 'residence_meeting.half_year as halfYear', 'residence_meeting_attendance.present'])
        .where('residence_meeting_attendance.member_id', '=', link.member_id)
        .where('residence_meeting.ward_id', '=', link.ward_id)
        .orderBy('residence_meeting.held_on')
        .execute(),
    comments: (link: ResidenceLinkRow, _args, context: MembershipContext) =>
      withPlacementTables(context.db).selectFrom('residence_comment').selectAll().where('member_id', '=', link.member_id).where('residence_cell_id', '=', link.residence_cell_id).orderBy('year').execute(),
  },
  ResidenceMeeting: {
    ward: (meeting: ResidenceMeetingRow) => unitRef(meeting.ward_id),
    heldOn: (meeting: ResidenceMeetingRow) => meeting.held_on,
    halfYear: (meeting: ResidenceMeetingRow) => meeting.half_year,
    presentCount: async (meeting: ResidenceMeetingRow, _args, context: MembershipContext) => countAttendance(context, meeting.id, true),
    absentCount: async (meeting: ResidenceMeetingRow, _args, context: MembershipContext) => countAttendance(context, meeting.id, false),
  },
  ResidenceComment: {
    residenceCell: (row: ResidenceCommentRow) => unitRef(row.residence_cell_id),
    frontCommitteeOpinion: (row: ResidenceCommentRow) => row.front_committee_opinion,
    recordedOn: (row: ResidenceCommentRow) => row.recorded_on,
    deliveredOn: (row: ResidenceCommentRow) => row.delivered_on,
  },
  ResidenceExemption: {
    validFrom: (row: { valid_from: string }) => row.valid_from,
    validTo: (row: { valid_to: string | null }) => row.valid_to,
  },
  ResidenceNotice: {
    memberName,
    occurredOn: (row: ResidenceNoticeRow) => row.occurred_on,
    residenceCell: (row: ResidenceNoticeRow) => unitRef(row.residence_cell_id),
    workplaceCell: (row: ResidenceNoticeRow) => unitRef(row.workplace_cell_id),
  },
};

async function countAttendance(context: MembershipContext, meetingId: string, present: boolean): Promise<number> {
  const row = await withPlacementTables(context.db)
    .selectFrom('residence_meeting_attendance')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('meeting_id', '=', meetingId)
    .where('present', '=', present)
    .executeTakeFirstOrThrow();
  return row.n;
}
