import { graphql } from '../generated/index.ts';
import type { WardMemberQuery, WardMemberSearchQuery } from '../generated/graphql.ts';

/** Members anywhere in the clerk's committees by name (diacritics ignored) or card number, with their cell; with includeLeft also those who left. */
export const WARD_MEMBER_SEARCH = graphql(`
  query WardMemberSearch($name: String, $partyCardNumber: String, $status: MemberStatus, $includeLeft: Boolean, $first: Int!) {
    searchMembers(name: $name, partyCardNumber: $partyCardNumber, status: $status, includeLeft: $includeLeft, first: $first) {
      nodes {
        id
        fullName
        status
        dateOfBirth
        admittedOn
        partyCardNumber
        cell { id name }
      }
      hasNextPage
    }
  }
`);

export type FoundMember = WardMemberSearchQuery['searchMembers']['nodes'][number];

/** The committee's cells, where a new member is placed. */
export const WARD_MEMBER_CELLS = graphql(`
  query WardMemberCells($id: ID!) {
    orgUnit(id: $id) { id children { id name kind } }
  }
`);

/** What the ward's member page shows: who, where, the status and the dated decisions behind it. */
export const WARD_MEMBER = graphql(`
  query WardMember($id: ID!) {
    member(id: $id) {
      id
      fullName
      status
      sex
      dateOfBirth
      admittedOn
      partyAge
      partyCardNumber
      underInspection
      cell { id name }
      events { id kind occurredOn decisionNumber disciplineLevel reason recordedBy annulled annulledAt annulledBy annulReason }
      transfers {
        id
        kind
        direction
        letterNumber
        letterIssuedOn
        reportDueOn
        presentedOn
        returnedOn
        fromCell { id name }
        toCell { id name }
        externalOrganization
      }
    }
  }
`);

export type WardMemberRecord = NonNullable<WardMemberQuery['member']>;
export type WardMemberEvent = WardMemberRecord['events'][number];

export const CREATE_MEMBER = graphql(`
  mutation WardCreateMember($input: CreateMemberInput!) {
    createMember(input: $input) { id fullName status }
  }
`);

export const RECORD_MEMBER_EVENT = graphql(`
  mutation WardRecordMemberEvent($input: RecordMemberEventInput!) {
    recordMemberEvent(input: $input) { id status }
  }
`);

/** Hủy quyết định ghi nhầm: the member's latest effective event is marked annulled; the page reads the history again. */
export const ANNUL_MEMBER_EVENT = graphql(`
  mutation WardAnnulMemberEvent($input: AnnulMemberEventInput!) {
    annulMemberEvent(input: $input) { id status }
  }
`);
