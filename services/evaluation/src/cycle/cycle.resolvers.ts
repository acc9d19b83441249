import { requireId } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import { memberRef, orgUnitRef } from '../references.ts';
import { referencedRuleSet } from '../rules/rules.resolvers.ts';
import { requireYear } from '../scope/scope.ts';
import { cycleUnitFor, proposalsOfCycle, selfReviewsOfCycle, visibleCycles } from './cycle.repository.ts';
import { decideGrades, proposeGrade, submitSelfReview } from './grading.ts';
import { closeReviewCycle, openReviewCycle, reopenReviewCycle } from './review-cycle.ts';

/** Review cycles: opening and closing them, self-reviews, the cell's proposals and the committee's decisions. */
export const cycleResolvers: Resolvers = {
  Query: {
    reviewCycle: (_source, args, context) => context.cycleById.load(requireId(args.id)),
    reviewCycles: async (_source, args, context) => {
      const unitId = requireId(args.unitId, 'unitId');
      const year = args.year === null || args.year === undefined ? undefined : requireYear(args.year);
      // A cell's secretary asks with her cell: its grassroots organization's cycles (visibleCycles checks what she may see).
      return visibleCycles(context.db, context.caller, { unitId: await cycleUnitFor(context.db, unitId), year });
    },
  },
  Mutation: {
    openReviewCycle: (_source, args, context) => openReviewCycle(context.db, context.caller, args.input),
    closeReviewCycle: (_source, args, context) => closeReviewCycle(context.db, context.caller, args.id),
    reopenReviewCycle: (_source, args, context) => reopenReviewCycle(context.db, context.caller, args.input),
    submitSelfReview: (_source, args, context) => submitSelfReview(context.db, context.caller, args.input),
    proposeGrade: (_source, args, context) => proposeGrade(context.db, context.caller, args.input),
    decideGrades: (_source, args, context) => decideGrades(context.db, context.caller, args.cycleId, args.decisions),
  },
  ReviewCycle: {
    unit: (cycle) => orgUnitRef(cycle.unit_id),
    closesOn: (cycle) => cycle.closes_on,
    closedAt: (cycle) => (cycle.status === 'CLOSED' ? (cycle.closed_at?.toISOString() ?? null) : null),
    closedBy: (cycle) => (cycle.status === 'CLOSED' ? cycle.closed_by : null),
    ruleSet: (cycle, _args, context) => referencedRuleSet(context, cycle.rule_set_id),
    // The cycle reached the resolver through visibleCycles; the lists are cut to the members the caller may read.
    selfReviews: (cycle, args, context) => selfReviewsOfCycle(context.db, context.caller, cycle.id, args.cellId ? requireId(args.cellId, 'cellId') : undefined),
    proposals: (cycle, args, context) => proposalsOfCycle(context.db, context.caller, cycle.id, args.cellId ? requireId(args.cellId, 'cellId') : undefined),
  },
  SelfReview: {
    member: (row) => memberRef(row.member_id),
    cycle: (row, _args, context) => context.cycleById.load(row.cycle_id),
    submittedAt: (row) => row.submitted_at.toISOString(),
  },
  GradeProposal: {
    member: (row) => memberRef(row.member_id),
    cycle: (row, _args, context) => context.cycleById.load(row.cycle_id),
    allTasksDone: (row) => row.all_tasks_done,
    exceededTaskPercent: (row) => row.exceeded_task_percent,
    ruleSet: (row, _args, context) => context.ruleSetById.load(row.rule_set_id),
  },
};
