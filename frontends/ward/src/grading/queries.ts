import { graphql } from '../generated/index.ts';
import type { GradingCyclesQuery, GradingProposalsQuery, GradingRosterQuery } from '../generated/graphql.ts';

/** The committee's review cycles of a year (members and organizations), with the rule set each grades under. */
export const GRADING_CYCLES = graphql(`
  query GradingCycles($unitId: ID!, $year: Int!) {
    reviewCycles(unitId: $unitId, year: $year) {
      id
      year
      period
      closesOn
      status
      subject
      closedAt
      closedBy
      ruleSet {
        id
        code
        name
        excellentMinScore
        goodMinScore
        completedMinScore
        excellentRequiresAllTasks
        excellentMinExceededPercent
        excellentQuotaPercent
        residenceCommentRequired
      }
    }
  }
`);

/** The committee's cells and their members today, with the reviews already decided (to find this cycle's). */
export const GRADING_ROSTER = graphql(`
  query GradingRoster($id: ID!) {
    orgUnit(id: $id) {
      id
      children {
        id
        name
        kind
        members(first: 500) {
          id
          fullName
          status
          reviews { id year period score grade cycle { id } decisions { id score grade reason decisionNumber decidedAt decidedBy } }
        }
      }
    }
  }
`);

/** The cells' proposals in the cycle, with the task facts the decision keeps unless it changes them. */
export const GRADING_PROPOSALS = graphql(`
  query GradingProposals($cycleId: ID!) {
    reviewCycle(id: $cycleId) {
      id
      proposals { member { id } score grade disciplined allTasksDone exceededTaskPercent }
    }
  }
`);

export const DECIDE_GRADES = graphql(`
  mutation DecideGrades($cycleId: ID!, $decisions: [GradeDecisionInput!]!) {
    decideGrades(cycleId: $cycleId, decisions: $decisions) { id score grade member { id } }
  }
`);

export const CLOSE_REVIEW_CYCLE = graphql(`
  mutation CloseReviewCycle($id: ID!) {
    closeReviewCycle(id: $id) { id status }
  }
`);

/** Mở lại kỳ đánh giá: by the level that closed it; grades can then be decided again. */
export const REOPEN_REVIEW_CYCLE = graphql(`
  mutation ReopenReviewCycle($input: ReopenReviewCycleInput!) {
    reopenReviewCycle(input: $input) { id status closedAt closedBy }
  }
`);

export const OPEN_REVIEW_CYCLE = graphql(`
  mutation OpenReviewCycle($input: OpenReviewCycleInput!) {
    openReviewCycle(input: $input) { id status subject }
  }
`);

/** The grades the committee gave its cells in a year (the committee's own row left out by the page). */
export const ORGANIZATION_REVIEWS = graphql(`
  query GradingOrganizationReviews($unitId: ID!, $year: Int!) {
    organizationReviews(unitId: $unitId, year: $year) { id unit { id } period score grade disciplined cycle { id } }
  }
`);

export const DECIDE_ORGANIZATION_GRADES = graphql(`
  mutation DecideOrganizationGrades($cycleId: ID!, $decisions: [OrganizationGradeInput!]!) {
    decideOrganizationGrades(cycleId: $cycleId, decisions: $decisions) { id score grade unit { id } }
  }
`);

export type GradingCycle = GradingCyclesQuery['reviewCycles'][number];
export type GradingRules = GradingCycle['ruleSet'];
export type RosterCell = NonNullable<GradingRosterQuery['orgUnit']>['children'][number];
export type GradeDecision = NonNullable<NonNullable<RosterCell['members']>[number]['reviews']>[number]['decisions'][number];
export type Proposal = NonNullable<GradingProposalsQuery['reviewCycle']>['proposals'][number];
