import { graphql } from '../generated/index.ts';
import type { CellMemberListQuery, CellMemberPageQuery } from '../generated/graphql.ts';

/**
 * The members list: the roster (with who is here on a temporary transfer), the working members
 * living here (Regulation 213) and the transfer letters (who is away on a temporary transfer).
 */
export const CELL_MEMBER_LIST = graphql(`
  query CellMemberList($id: ID!) {
    orgUnit(id: $id) {
      id
      members(first: 500) {
        id
        fullName
        status
        dateOfBirth
        latestReview { id year grade }
      }
      temporaryHere: members(placementKind: TEMPORARY, first: 500) { id }
      residentWorkingMembers {
        id
        memberId
        memberName
        member { id }
        workplaceCell { id name }
      }
    }
    memberTransfers(unitId: $id) {
      id
      kind
      direction
      memberName
      member { id }
      fromCell { id }
      toCell { id name }
      externalOrganization
      presentedOn
      returnedOn
      temporaryUntil
    }
  }
`);

export type MemberList = CellMemberListQuery;
export type RosterMember = NonNullable<NonNullable<CellMemberListQuery['orgUnit']>['members']>[number];
export type ResidentWorking = NonNullable<CellMemberListQuery['orgUnit']>['residentWorkingMembers'][number];
export type ListedTransfer = CellMemberListQuery['memberTransfers'][number];

/** One member's page: the record, the history, reviews, dues, tasks and alerts (the cell's, kept to this member). */
export const CELL_MEMBER_PAGE = graphql(`
  query CellMemberPage($id: ID!, $cellId: ID!, $fromMonth: String!, $toMonth: String!, $first: Int!) {
    member(id: $id) {
      id
      fullName
      birthName
      status
      sex
      dateOfBirth
      ethnicity
      religion
      citizenId
      hometown
      residence
      phone
      educationLevel
      professionalQualification
      politicalTheoryLevel
      occupation
      workplace
      partyCardNumber
      profileNumber
      admittedOn
      partyAge
      underInspection
      cell { id name }
      events { id kind occurredOn decisionNumber disciplineLevel reason }
      placements { cell { id name } kind validFrom validTo }
      transfers {
        id
        kind
        direction
        reason
        letterNumber
        letterIssuedOn
        presentedOn
        temporaryUntil
        returnedOn
        fromCell { id name }
        toCell { id name }
        externalOrganization
      }
      residenceLinks {
        id
        residenceCell { id name }
        residenceWard { id name }
        workplaceCell { id name }
        validFrom
        validTo
        comments { year comment recordedOn }
      }
      reviews { id year period score grade }
      dues(fromMonth: $fromMonth, toMonth: $toMonth) { month due paid owed }
      duesPayments { id month amount paidOn channel }
    }
    tasks(unitId: $cellId) {
      id
      title
      area
      startsOn
      endsOn
      done
      overdue
      unattended
      assignee { id }
      assignments { member { id } assignedOn endedOn }
    }
    memberAlerts(unitId: $cellId, first: $first) {
      alerts { kind dueDate detail member { id } }
    }
    evaluationAlerts(unitId: $cellId) {
      kind
      detail
      member { id }
    }
  }
`);

export type MemberPageData = CellMemberPageQuery;
export type MemberRecord = NonNullable<CellMemberPageQuery['member']>;
export type MemberTask = CellMemberPageQuery['tasks'][number];

export const UPDATE_MEMBER_PROFILE = graphql(`
  mutation UpdateMemberProfile($id: ID!, $input: MemberProfileInput!) {
    updateMemberProfile(id: $id, input: $input) { id fullName }
  }
`);
