import { graphql } from '../generated/index.ts';
import type { DashboardFiguresQuery, DashboardDuesQuery, DashboardUnitQuery, DashboardCellMembersQuery } from '../generated/graphql.ts';

/** The unit in view and the units above it up to a district (the drill-down path). */
export const DASHBOARD_UNIT = graphql(`
  query DashboardUnit($id: ID!) {
    orgUnit(id: $id) { id name kind parent { id name kind parent { id name kind parent { id name kind } } } }
  }
`);

/**
 * Every figure of the dashboard for a unit and a period, each aggregate computed by its subgraph in
 * one statement (totals and the same per unit directly below): the browser sums nothing.
 */
export const DASHBOARD_FIGURES = graphql(`
  query DashboardFigures($unitId: ID!, $from: String!, $to: String!, $year: Int!) {
    memberStatistics(unitId: $unitId, asOf: $to, from: $from, to: $to) {
      asOf
      from
      to
      members
      byStatus { value count }
      bySex { value count }
      byAgeBand { value count }
      byPoliticalTheoryLevel { value count }
      unitsByKind { value count }
      admitted
      madeOfficial
      transferredIn
      transferredOut
      expelled
      namesRemoved
      left
      died
      byChildUnit {
        unit { id name kind }
        members
        official
        probationary
        admitted
        transferredIn
        transferredOut
        expelled
        namesRemoved
      }
    }
    attendanceRate(unitId: $unitId, year: $year, from: $from, to: $to) { meetings records present excused absent rate }
    attendanceRateByChildUnit(unitId: $unitId, year: $year, from: $from, to: $to) { unitId rate }
    gradeDistribution(unitId: $unitId, year: $year) { excellent good completed notCompleted total }
    gradeDistributionByChildUnit(unitId: $unitId, year: $year) { unitId excellent total }
    taskSummary(unitId: $unitId, year: $year) { total done overdue unattended }
  }
`);

/** Dues of the period's ended months: the subtree's total and each unit directly below. */
export const DASHBOARD_DUES = graphql(`
  query DashboardDues($unitId: ID!, $fromMonth: String!, $toMonth: String!) {
    duesSummary(unitId: $unitId, fromMonth: $fromMonth, toMonth: $toMonth) {
      fromMonth
      toMonth
      due
      paid
      owed
      membersInArrears
      byChildUnit { unit { id } due paid owed membersInArrears }
    }
  }
`);

/** The last step of the drill-down: a cell's members on the period's last day. */
export const DASHBOARD_CELL_MEMBERS = graphql(`
  query DashboardCellMembers($id: ID!, $asOf: String!) {
    orgUnit(id: $id) { id members(asOf: $asOf, first: 500) { id fullName status } }
  }
`);

export type DashboardUnit = NonNullable<DashboardUnitQuery['orgUnit']>;
export type DashboardFigures = DashboardFiguresQuery;
export type ChildUnitRow = DashboardFiguresQuery['memberStatistics']['byChildUnit'][number];
export type DuesSummary = DashboardDuesQuery['duesSummary'];
export type CellMember = NonNullable<NonNullable<DashboardCellMembersQuery['orgUnit']>['members']>[number];
