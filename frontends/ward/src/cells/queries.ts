import { graphql } from '../generated/index.ts';
import type { WardCellMembersQuery, WardTreeQuery } from '../generated/graphql.ts';

/** Alerts asked for at once (the gateway's page limit is 500). */
export const ALERT_PAGE = 500;

/**
 * The committee's tree on a day (its cells and their party groups, with member counts then), the
 * meetings of this year and last (last meeting, attendance) and today's open alerts, in one request.
 */
export const WARD_TREE = graphql(`
  query WardTree($id: ID!, $asOf: String!, $year: Int!, $previousYear: Int!, $first: Int!) {
    orgUnit(id: $id, asOf: $asOf) {
      id
      name
      asOf
      children {
        id
        code
        name
        kind
        category
        residentialArea
        establishedOn
        memberCount(asOf: $asOf)
        children {
          id
          code
          name
          kind
          memberCount(asOf: $asOf)
        }
      }
      thisYear: meetings(year: $year) {
        id
        heldOn
        cell { id }
        attendance { status }
      }
      lastYear: meetings(year: $previousYear) {
        id
        heldOn
        cell { id }
      }
    }
    evaluationAlerts(unitId: $id) {
      unit { id }
    }
    memberAlerts(unitId: $id, first: $first) {
      totalCount
      alerts {
        cell { id }
      }
    }
  }
`);

/** The members of some cells today (the preview of who moves, and the result after). */
export const WARD_CELL_MEMBERS = graphql(`
  query WardCellMembers($id: ID!) {
    orgUnit(id: $id) {
      id
      children {
        id
        name
        members(first: 500) { id fullName status }
        candidates: members(status: CANDIDATE, first: 500) { id fullName status }
      }
    }
  }
`);

export const CREATE_CELL = graphql(`
  mutation CreateCell($input: CreateOrgUnitInput!) {
    createOrgUnit(input: $input) { id name code establishedOn }
  }
`);

export const RENAME_CELL = graphql(`
  mutation RenameCell($input: RenameOrgUnitInput!) {
    renameOrgUnit(input: $input) { id name }
  }
`);

export const DISSOLVE_CELL = graphql(`
  mutation DissolveCell($input: DissolveOrgUnitInput!) {
    dissolveOrgUnit(input: $input) { id status }
  }
`);

export const MERGE_CELLS = graphql(`
  mutation MergeCells($input: MergeOrgUnitsInput!) {
    mergeOrgUnits(input: $input) { id status }
  }
`);

export const SPLIT_CELL = graphql(`
  mutation SplitCell($input: SplitOrgUnitInput!) {
    splitOrgUnit(input: $input) { id status }
  }
`);

export type WardTree = NonNullable<WardTreeQuery['orgUnit']>;
export type WardTreeCell = WardTree['children'][number];
export type WardTreeMeeting = WardTree['thisYear'][number];
export type WardTreeAlerts = Pick<WardTreeQuery, 'evaluationAlerts' | 'memberAlerts'>;
export type CellRoster = NonNullable<WardCellMembersQuery['orgUnit']>['children'][number];
export type RosterMember = CellRoster['members'] extends readonly (infer M)[] | null | undefined ? M : never;
