/** The operations clients send, as the front ends would write them (docs/benchmarks.md lists them). */

export const ROSTER = `query BenchCellRoster($id: ID!, $year: Int!) {
  orgUnit(id: $id) {
    id name
    members(first: 500) { id fullName status latestReview { year grade } }
    meetings(year: $year) { heldOn kind attendance { member { id } status } }
  }
}`;

export const SEARCH = `query BenchMemberSearch($name: String!) {
  searchMembers(name: $name, first: 20) { nodes { id fullName status cell { id name } } hasNextPage }
}`;

export const MEMBER_PAGE = `query BenchMemberPage($id: ID!) {
  member(id: $id) {
    id fullName status sex dateOfBirth hometown residence partyCardNumber admittedOn partyAge
    cell { id name path }
    events { kind occurredOn decisionNumber }
    reviews { year grade }
  }
}`;

export const RECORD_ATTENDANCE = `mutation BenchRecordMeeting($input: RecordMeetingInput!) {
  recordMeeting(input: $input) { id heldOn attendance { status } }
}`;

export const ANALYTICS = `query BenchAnalytics($id: ID!, $gradeYear: Int!, $attendanceYear: Int!) {
  orgUnit(id: $id) { id descendants(kind: CELL) { id name memberCount } }
  gradeDistribution(unitId: $id, year: $gradeYear) { excellent good completed notCompleted total }
  attendanceRate(unitId: $id, year: $attendanceYear) { meetings records present excused absent rate }
}`;

/**
 * The analyst's and the dashboard's questions as aggregate fields, each one statement in its subgraph
 * (issue 18): members by status, grades and attendance (the year and by month) of the whole subtree.
 */
export const AGGREGATES = `query BenchAggregates($id: ID!, $gradeYear: Int!, $attendanceYear: Int!) {
  subtreeMemberCounts(unitId: $id) { members byStatus { value count } }
  gradeDistribution(unitId: $id, year: $gradeYear) { excellent good completed notCompleted total }
  attendanceRate(unitId: $id, year: $attendanceYear) { meetings records present excused absent rate }
  attendanceByMonth(unitId: $id, year: $attendanceYear) { month meetings records present excused absent rate }
}`;

export type ClerkOperationName = 'roster' | 'search' | 'memberPage' | 'recordAttendance';
export type OperationName = ClerkOperationName | 'analytics' | 'aggregates';

/** One request of the workload: what the client sends. */
export interface OperationCall {
  name: OperationName;
  query: string;
  variables: Record<string, unknown>;
}

/** Share of each operation in the clerk mix (reads dominate; one write in twenty). */
export const CLERK_MIX: Record<ClerkOperationName, number> = { roster: 0.35, search: 0.3, memberPage: 0.3, recordAttendance: 0.05 };
