import { graphql } from '../generated/index.ts';
import type { DistrictDelegationQuery } from '../generated/graphql.ts';

/** The delegations the open unit assigned that act on a day, with the year's rating summary; its units below (the targets). */
export const DISTRICT_DELEGATIONS = graphql(`
  query DistrictDelegations($id: ID!, $asOf: String, $year: Int!) {
    orgUnit(id: $id, asOf: $asOf) {
      id
      asOf
      assignedDelegations {
        id
        name
        startsOn
        endsOn
        decisionNumber
        targetUnit { id name }
        ratingSummary(year: $year) { delegates rated byGrade { grade count } }
      }
    }
  }
`);

/** The units a delegation may direct (the open unit's grassroots committees) and their areas (their cells). */
export const DELEGATION_TARGETS = graphql(`
  query DelegationTargets($id: ID!) {
    orgUnit(id: $id) { id name children { id name kind children { id name kind } } }
  }
`);

export const DELEGATE_SEARCH = graphql(`
  query DelegateSearch($name: String!) {
    searchMembers(name: $name, first: 20) { nodes { id fullName status cell { id name } } }
  }
`);

export const DISTRICT_DELEGATION = graphql(`
  query DistrictDelegation($id: ID!, $year: Int!) {
    delegation(id: $id) {
      id
      name
      startsOn
      endsOn
      decisionNumber
      assigningUnit { id name }
      targetUnit { id name }
      ratingSummary(year: $year) { year delegates rated byGrade { grade count } }
      delegates {
        id
        role
        areaName
        area { id name }
        member { id fullName }
        workItems(year: $year) { id year title registeredOn result resultNote resultRecordedOn }
        rating(year: $year) { year grade comment ratedOn decisionNumber }
      }
    }
  }
`);

export type DelegationDetail = NonNullable<DistrictDelegationQuery['delegation']>;
export type DelegateDetail = DelegationDetail['delegates'][number];
export type WorkItem = DelegateDetail['workItems'][number];

export const CREATE_DELEGATION = graphql(`
  mutation CreateDelegation($input: CreateDelegationInput!) { createDelegation(input: $input) { id name } }
`);

export const REGISTER_WORK_ITEM = graphql(`
  mutation RegisterWorkItem($input: RegisterWorkItemInput!) { registerWorkItem(input: $input) { id } }
`);

export const RECORD_WORK_ITEM_RESULT = graphql(`
  mutation RecordWorkItemResult($input: RecordWorkItemResultInput!) { recordWorkItemResult(input: $input) { id result } }
`);

export const RATE_DELEGATE = graphql(`
  mutation RateDelegate($input: RateDelegateInput!) { rateDelegate(input: $input) { year grade } }
`);

export const END_DELEGATION = graphql(`
  mutation EndDelegation($input: EndDelegationInput!) { endDelegation(input: $input) { id endsOn } }
`);
