import { graphql } from './generated/index.ts';
import type { CellMembersQuery, CellRosterQuery, CellTasksQuery } from './generated/graphql.ts';

export const CELL_MEMBERS = graphql(`
  query CellMembers($id: ID!) {
    orgUnit(id: $id) {
      id
      name
      members {
        id
        fullName
        status
        latestReview { id year score grade }
      }
    }
  }
`);

export type CellMember = NonNullable<NonNullable<CellMembersQuery['orgUnit']>['members']>[number];

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

/** The cell's tasks as they stand today, with "sót việc". */
export const CELL_TASKS = graphql(`
  query CellTasks($id: ID!) {
    orgUnit(id: $id) { id name }
    tasks(unitId: $id) {
      id
      title
      area
      households
      startsOn
      endsOn
      assignee { id fullName }
      done
      overdue
      unattended
    }
  }
`);

export type CellTask = CellTasksQuery['tasks'][number];
