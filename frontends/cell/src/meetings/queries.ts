import { graphql } from '../generated/index.ts';
import type { CellRosterQuery } from '../generated/graphql.ts';

/** The cell's members, to mark attendance (the server checks the roster of the meeting's day). */
export const CELL_ROSTER = graphql(`
  query CellRoster($id: ID!) {
    orgUnit(id: $id) {
      id
      name
      members { id fullName status }
    }
  }
`);

export type RosterMember = NonNullable<NonNullable<CellRosterQuery['orgUnit']>['members']>[number];

export const RECORD_MEETING = graphql(`
  mutation RecordMeeting($input: RecordMeetingInput!) {
    recordMeeting(input: $input) {
      id
      heldOn
      attendance { status }
    }
  }
`);
