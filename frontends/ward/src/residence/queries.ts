import { graphql } from '../generated/index.ts';
import type { WardResidenceQuery } from '../generated/graphql.ts';

/**
 * Regulation 213 as the ward sees it: its residential cells, the working members living in its area
 * today (by name only: their record stays with the workplace), the six-monthly meetings and the
 * change notices both ways.
 */
export const WARD_RESIDENCE = graphql(`
  query WardResidence($id: ID!) {
    orgUnit(id: $id) {
      id
      children { id name kind }
      residentWorkingMembers {
        id
        memberId
        memberName
        validFrom
        introductionNumber
        workplaceCellName
        residenceCell { id }
        attendance { heldOn halfYear present }
        comments { year comment frontCommitteeOpinion recordedOn deliveredOn }
      }
      residenceMeetings { id heldOn halfYear note presentCount absentCount }
      residenceNotices { id memberName direction kind occurredOn note }
    }
  }
`);

type WardResidenceUnit = NonNullable<WardResidenceQuery['orgUnit']>;
export type ResidentLink = WardResidenceUnit['residentWorkingMembers'][number];
export type ResidenceMeetingRow = WardResidenceUnit['residenceMeetings'][number];
export type ResidenceNoticeRow = WardResidenceUnit['residenceNotices'][number];
export type WardChildUnit = WardResidenceUnit['children'][number];

export const ASSIGN_RESIDENCE_CELL = graphql(`
  mutation AssignResidenceCell($input: AssignResidenceCellInput!) {
    assignResidenceCell(input: $input) { id residenceCell { id } }
  }
`);

export const RECORD_RESIDENCE_MEETING = graphql(`
  mutation RecordResidenceMeeting($input: RecordResidenceMeetingInput!) {
    recordResidenceMeeting(input: $input) { id heldOn halfYear presentCount absentCount }
  }
`);

export const DELIVER_RESIDENCE_COMMENT = graphql(`
  mutation DeliverResidenceComment($input: DeliverResidenceCommentInput!) {
    deliverResidenceComment(input: $input) { year deliveredOn }
  }
`);

export const SEND_RESIDENCE_CHANGE_NOTICE = graphql(`
  mutation WardSendResidenceChangeNotice($input: SendResidenceChangeNoticeInput!) {
    sendResidenceChangeNotice(input: $input) { id kind occurredOn }
  }
`);
