import type { GraphQLResolverMap } from '@apollo/subgraph';
import { requireId } from '@dangvien/server';
import type { EvaluationContext } from '../context.ts';
import type { ReviewPeriod } from '../database.ts';
import { absentThreeMonths, meetingsOfUnit, recordMeeting, type AttendanceRow, type MeetingRow, type RecordMeetingInput } from '../meeting/meeting.ts';
import { ruleSetToGraphQL, type RuleSetRow } from '../rules/rule-set.ts';
import { requireYear } from '../scope/scope.ts';
import { attendanceRate, gradeDistribution } from '../stats/aggregates.ts';
import {
  closeReviewCycle,
  decideGrades,
  openReviewCycle,
  proposeGrade,
  submitSelfReview,
  visibleCycles,
  type GradeDecisionInput,
  type OpenReviewCycleInput,
  type ProposeGradeInput,
  type ReviewCycleRow,
  type SelfReviewInput,
} from './review-cycle.ts';

const member = (id: string) => ({ __typename: 'Member', id });
const orgUnit = (id: string) => ({ __typename: 'OrgUnit', id });
const ruleSet = async (context: EvaluationContext, id: string | null) => {
  const row = id ? await context.ruleSetById.load(id) : null;
  return row ? ruleSetToGraphQL(row) : null;
};

/** Rule sets, review cycles, proposals and decisions, meetings and attendance, and their aggregates. */
export const cycleResolvers: GraphQLResolverMap<EvaluationContext> = {
  Query: {
    ruleSets: async (_source, _args, context) => (await context.db.selectFrom('rule_set').selectAll().orderBy('valid_from').execute()).map((row: RuleSetRow) => ruleSetToGraphQL(row)),
    reviewCycle: (_source, args: { id: string }, context) => context.cycleById.load(requireId(args.id)),
    reviewCycles: (_source, args: { unitId: string; year?: number | null }, context) =>
      visibleCycles(context.db, context.caller, { unitId: requireId(args.unitId, 'unitId'), year: args.year === null || args.year === undefined ? undefined : requireYear(args.year) }),
    gradeDistribution: (_source, args: { unitId: string; year: number }, context) => gradeDistribution(context.db, context.caller, requireId(args.unitId, 'unitId'), args.year),
    attendanceRate: (_source, args: { unitId: string; year: number }, context) => attendanceRate(context.db, context.caller, requireId(args.unitId, 'unitId'), args.year),
    absentThreeMonths: async (_source, args: { unitId: string; year: number }, context) =>
      (await absentThreeMonths(context.db, context.caller, requireId(args.unitId, 'unitId'), args.year)).map((alert) => ({ member: member(alert.memberId), months: alert.months })),
  },
  Mutation: {
    openReviewCycle: (_source, args: { input: OpenReviewCycleInput }, context) => openReviewCycle(context.db, context.caller, args.input),
    closeReviewCycle: (_source, args: { id: string }, context) => closeReviewCycle(context.db, context.caller, args.id),
    submitSelfReview: (_source, args: { input: SelfReviewInput }, context) => submitSelfReview(context.db, context.caller, args.input),
    proposeGrade: (_source, args: { input: ProposeGradeInput }, context) => proposeGrade(context.db, context.caller, args.input),
    decideGrades: (_source, args: { cycleId: string; decisions: GradeDecisionInput[] }, context) => decideGrades(context.db, context.caller, args.cycleId, args.decisions),
    recordMeeting: (_source, args: { input: RecordMeetingInput }, context) => recordMeeting(context.db, context.caller, args.input),
  },
  ReviewCycle: {
    unit: (cycle: ReviewCycleRow) => orgUnit(cycle.unit_id),
    closesOn: (cycle: ReviewCycleRow) => cycle.closes_on,
    ruleSet: (cycle: ReviewCycleRow, _args, context) => ruleSet(context, cycle.rule_set_id),
  },
  SelfReview: {
    member: (row: { member_id: string }) => member(row.member_id),
    cycle: (row: { cycle_id: string }, _args, context) => context.cycleById.load(row.cycle_id),
    submittedAt: (row: { submitted_at: Date }) => row.submitted_at.toISOString(),
  },
  GradeProposal: {
    member: (row: { member_id: string }) => member(row.member_id),
    cycle: (row: { cycle_id: string }, _args, context) => context.cycleById.load(row.cycle_id),
    ruleSet: (row: { rule_set_id: string }, _args, context) => ruleSet(context, row.rule_set_id),
  },
  Review: {
    period: (review: { period?: ReviewPeriod }) => review.period ?? 'YEAR',
    cycle: (review: { cycle_id?: string | null }, _args, context) => (review.cycle_id ? context.cycleById.load(review.cycle_id) : null),
    ruleSet: (review: { rule_set_id?: string | null }, _args, context) => ruleSet(context, review.rule_set_id ?? null),
  },
  Meeting: {
    cell: (meeting: MeetingRow) => orgUnit(meeting.cell_id),
    heldOn: (meeting: MeetingRow) => meeting.held_on,
    attendance: (meeting: MeetingRow, _args, context) => context.attendanceOfMeeting.load(meeting.id),
  },
  Attendance: {
    member: (row: AttendanceRow) => member(row.member_id),
  },
  OrgUnit: {
    // Evaluation knows only the id of an OrgUnit; the organization subgraph resolves the rest.
    __resolveReference: (reference: { id: string }) => reference,
    meetings: (unit: { id: string }, args: { year: number }, context) => meetingsOfUnit(context.db, context.caller, unit.id, args.year),
  },
};
