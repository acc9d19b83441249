import { graphql } from '../generated/index.ts';
import type { WardTransferLetterQuery, WardTransferMemberQuery, WardTransfersQuery } from '../generated/graphql.ts';

/** Every letter from or to the committee's cells, newest first, and which cells are the committee's. */
export const WARD_TRANSFERS = graphql(`
  query WardTransfers($id: ID!) {
    orgUnit(id: $id) { id children { id name kind } }
    memberTransfers(unitId: $id) {
      id
      kind
      direction
      reason
      memberName
      member { id }
      fromCell { id name }
      toCell { id name }
      externalOrganization
      letterNumber
      letterIssuedOn
      reportDueOn
      presentedOn
      presentedLate
      temporaryUntil
      returnedOn
      note
    }
  }
`);

export type WardTransfer = WardTransfersQuery['memberTransfers'][number];

/** The member a letter is issued for, and the committee's cells (a destination within the ward). */
export const WARD_TRANSFER_MEMBER = graphql(`
  query WardTransferMember($memberId: ID!, $committeeId: ID!) {
    member(id: $memberId) { id fullName status underInspection cell { id name } }
    orgUnit(id: $committeeId) { id children { id name kind } }
  }
`);

export type TransferMember = NonNullable<WardTransferMemberQuery['member']>;

/** The committee's cells, where a member arriving is placed. */
export const WARD_RECEIVING_CELLS = graphql(`
  query WardReceivingCells($id: ID!) {
    orgUnit(id: $id) { id children { id name kind } }
  }
`);

export const ISSUE_TRANSFER_LETTER = graphql(`
  mutation WardIssueTransferLetter($input: IssueTransferLetterInput!) {
    issueTransferLetter(input: $input) { id memberName letterNumber letterIssuedOn reportDueOn }
  }
`);

export const RECORD_LETTER_PRESENTED = graphql(`
  mutation WardRecordTransferLetterPresented($input: RecordTransferLetterPresentedInput!) {
    recordTransferLetterPresented(input: $input) { id presentedOn presentedLate }
  }
`);

export const END_TEMPORARY_TRANSFER = graphql(`
  mutation WardEndTemporaryTransfer($input: EndTemporaryTransferInput!) {
    endTemporaryTransfer(input: $input) { id returnedOn }
  }
`);

export const RECEIVE_TRANSFERRED_MEMBER = graphql(`
  mutation WardReceiveTransferredMember($input: ReceiveTransferredMemberInput!) {
    receiveTransferredMember(input: $input) { id memberName member { id } toCell { id name } }
  }
`);

/** One letter to print, with the issuing committee (the list of the committee's letters holds it). */
export const WARD_TRANSFER_LETTER = graphql(`
  query WardTransferLetter($id: ID!) {
    orgUnit(id: $id) { id name parent { id name } }
    memberTransfers(unitId: $id) {
      id
      kind
      direction
      reason
      memberName
      member { id dateOfBirth status }
      fromCell { id name }
      toCell { id name }
      externalOrganization
      letterNumber
      letterIssuedOn
      reportDueOn
      temporaryUntil
    }
  }
`);

export type PrintedLetter = WardTransferLetterQuery['memberTransfers'][number];
