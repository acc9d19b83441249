import { graphql } from '../generated/index.ts';
import type { ReviewCellQuery, ReviewCyclesQuery, ReviewProgressQuery } from '../generated/graphql.ts';

/** The cell's roster with what the review needs of each member: status and the ties of Regulation 213. */
export const REVIEW_CELL = graphql(`
  query ReviewCell($cellId: ID!) {
    orgUnit(id: $cellId) {
      id
      members(first: 500) {
        id
        fullName
        status
        residenceLinks { id validFrom validTo comments { year } }
      }
    }
  }
`);

/** The review cycles of the cell's grassroots organization, newest first, with the rule set each grades under. */
export const REVIEW_CYCLES = graphql(`
  query ReviewCycles($unitId: ID!) {
    reviewCycles(unitId: $unitId) {
      id
      year
      period
      closesOn
      status
      subject
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

/** What the cell has done in the cycle: the self-reviews entered and the grades proposed, for the cell's members. */
export const REVIEW_PROGRESS = graphql(`
  query ReviewProgress($cycleId: ID!, $cellId: ID!) {
    reviewCycle(id: $cycleId) {
      id
      selfReviews(cellId: $cellId) { member { id } content submittedAt }
      proposals(cellId: $cellId) { member { id } score grade disciplined }
    }
  }
`);

export const SUBMIT_SELF_REVIEW = graphql(`
  mutation SubmitSelfReview($input: SelfReviewInput!) {
    submitSelfReview(input: $input) { content submittedAt member { id } }
  }
`);

export const PROPOSE_GRADE = graphql(`
  mutation ProposeGrade($input: ProposeGradeInput!) {
    proposeGrade(input: $input) { score grade disciplined member { id } }
  }
`);

export type ReviewMember = NonNullable<NonNullable<ReviewCellQuery['orgUnit']>['members']>[number];
export type ReviewCycle = ReviewCyclesQuery['reviewCycles'][number];
export type ReviewProgress = ReviewProgressQuery['reviewCycle'];
