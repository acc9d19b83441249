import type { Grade, MemberStatus } from '@dangvien/ui';

export const CELL_MEMBERS = /* GraphQL */ `
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
`;

export interface CellMember {
  id: string;
  fullName: string;
  status: MemberStatus;
  latestReview: { id: string; year: number; score: number | null; grade: Grade | null } | null;
}

export interface CellMembersData {
  orgUnit: { id: string; name: string; members: CellMember[] | null } | null;
}

/** The cell's members, to mark attendance (the server checks the roster of the meeting's day). */
export const CELL_ROSTER = /* GraphQL */ `
  query CellRoster($id: ID!) {
    orgUnit(id: $id) {
      id
      name
      members { id fullName status }
    }
  }
`;

export interface RosterMember {
  id: string;
  fullName: string;
  status: MemberStatus;
}

export interface CellRosterData {
  orgUnit: { id: string; name: string; members: RosterMember[] | null } | null;
}

export const RECORD_MEETING = /* GraphQL */ `
  mutation RecordMeeting($input: RecordMeetingInput!) {
    recordMeeting(input: $input) {
      id
      heldOn
      attendance { status }
    }
  }
`;

export interface RecordMeetingData {
  recordMeeting: { id: string; heldOn: string; attendance: { status: string }[] };
}

/** The cell's tasks as they stand today, with "sót việc". */
export const CELL_TASKS = /* GraphQL */ `
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
`;

export interface CellTask {
  id: string;
  title: string;
  area: string | null;
  households: string[];
  startsOn: string;
  endsOn: string | null;
  assignee: { id: string; fullName: string | null } | null;
  done: boolean;
  overdue: boolean;
  unattended: 'MOVED' | 'EXEMPT' | 'LEFT' | null;
}

export interface CellTasksData {
  orgUnit: { id: string; name: string } | null;
  tasks: CellTask[];
}
