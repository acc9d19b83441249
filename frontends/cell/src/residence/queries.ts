import { graphql } from '../generated/index.ts';
import type { CellResidenceQuery } from '../generated/graphql.ts';

/** Regulation 213: working members living in the cell's area today, with their yearly comments; notices to and from the cell. */
export const CELL_RESIDENCE = graphql(`
  query CellResidence($id: ID!) {
    orgUnit(id: $id) {
      id
      residentWorkingMembers {
        id
        memberId
        memberName
        validFrom
        introductionNumber
        workplaceCellName
        comments { year comment frontCommitteeOpinion recordedOn deliveredOn }
      }
      residenceNotices { id memberName direction kind occurredOn note }
    }
  }
`);

export type ResidentMember = NonNullable<CellResidenceQuery['orgUnit']>['residentWorkingMembers'][number];
export type ResidenceNoticeRow = NonNullable<CellResidenceQuery['orgUnit']>['residenceNotices'][number];

export const RECORD_RESIDENCE_COMMENT = graphql(`
  mutation RecordResidenceComment($input: RecordResidenceCommentInput!) {
    recordResidenceComment(input: $input) { year recordedOn }
  }
`);

export const SEND_RESIDENCE_NOTICE = graphql(`
  mutation SendResidenceChangeNotice($input: SendResidenceChangeNoticeInput!) {
    sendResidenceChangeNotice(input: $input) { id kind occurredOn }
  }
`);
