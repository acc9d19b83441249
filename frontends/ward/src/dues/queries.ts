import { graphql } from '../generated/index.ts';
import type { WardDuesQuery, WardStatisticsQuery } from '../generated/graphql.ts';

/** Dues of the committee's cells over months: by cell, by month, and the members who still owe. */
export const WARD_DUES = graphql(`
  query WardDues($unitId: ID!, $fromMonth: String!, $toMonth: String!) {
    duesArrears(unitId: $unitId, fromMonth: $fromMonth, toMonth: $toMonth) {
      fromMonth
      toMonth
      due
      paid
      owed
      byCell { cell { id name } due paid owed membersInArrears }
      byMonth { month due paid owed membersInArrears }
      members { member { id fullName } cell { id name } unpaidMonths owed }
    }
  }
`);

/** The committee's members by status and category, attendance at its cells' meetings, and the year's grades. */
export const WARD_STATISTICS = graphql(`
  query WardStatistics($unitId: ID!, $year: Int!, $asOf: String!) {
    memberStatistics(unitId: $unitId, asOf: $asOf) {
      asOf
      members
      byStatus { value count }
      bySex { value count }
      byAgeBand { value count }
      byEducationLevel { value count }
      byPoliticalTheoryLevel { value count }
      admitted
      madeOfficial
      transferredIn
      transferredOut
      expelled
      namesRemoved
      left
      died
    }
    attendanceRate(unitId: $unitId, year: $year) { meetings records present excused absent rate }
    gradeDistribution(unitId: $unitId, year: $year) { excellent good completed notCompleted total }
  }
`);

/** Sổ danh sách đảng viên, made by the server in its official column order. */
export const MEMBER_REGISTER = graphql(`
  query WardMemberRegister($unitId: ID!) {
    memberRegisterExport(unitId: $unitId) { fileName contentBase64 rowCount }
  }
`);

export type WardDues = WardDuesQuery['duesArrears'];
export type CellDues = WardDues['byCell'][number];
export type MonthDues = WardDues['byMonth'][number];
export type MemberArrears = WardDues['members'][number];
export type WardStatistics = WardStatisticsQuery;
