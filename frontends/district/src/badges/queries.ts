import { graphql } from '../generated/index.ts';

/** The award dates around today (from the dated rule), to choose a round. */
export const BADGE_AWARD_DATES = graphql(`
  query DistrictBadgeAwardDates {
    partyBadgeAwardDates(before: 4, after: 4)
  }
`);

/** Members of the open unit's subtree due at an award date (the coming one when none is given). */
export const BADGES_DUE = graphql(`
  query DistrictBadgesDue($unitId: ID!, $awardDate: String) {
    partyBadgesDue(unitId: $unitId, awardDate: $awardDate) {
      awardDate
      previousAwardDate
      ruleName
      partyYears
      members {
        member { id fullName dateOfBirth }
        cell { id name kind parent { id name } }
        years
        admittedOn
        reachesOn
      }
    }
  }
`);
