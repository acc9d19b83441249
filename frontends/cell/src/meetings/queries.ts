import { graphql } from '../generated/index.ts';
import type { CellMeetingsQuery } from '../generated/graphql.ts';

/** The cell's members, to mark attendance (the server checks the roster of the meeting's day). */
export const CELL_ROSTER = graphql(`
  query CellRoster($id: ID!) {
    orgUnit(id: $id) {
      id
      members(first: 500) { id fullName status }
    }
  }
`);

/** The cell's meetings of a year, with what the list and the minutes show (the API has no meeting(id): pick by id). */
export const CELL_MEETINGS = graphql(`
  query CellMeetings($id: ID!, $year: Int!) {
    orgUnit(id: $id) {
      id
      name
      parent { id name }
      meetings(year: $year) {
        id
        heldOn
        kind
        agenda
        resolution
        attendance {
          status
          reason
          member { id fullName }
        }
      }
    }
  }
`);

export type CellMeetings = NonNullable<CellMeetingsQuery['orgUnit']>;
export type CellMeeting = CellMeetings['meetings'][number];

export const RECORD_MEETING = graphql(`
  mutation RecordMeeting($input: RecordMeetingInput!) {
    recordMeeting(input: $input) {
      id
      heldOn
    }
  }
`);
/** A correction (within 30 days, before the year's review cycle is closed: the server decides and says why not). */
export const UPDATE_MEETING = graphql(`
  mutation UpdateMeeting($input: UpdateMeetingInput!) {
    updateMeeting(input: $input) {
      id
      heldOn
    }
  }
`);
