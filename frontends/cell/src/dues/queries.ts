import { graphql } from '../generated/index.ts';
import type { CellDuesArrearsQuery, CellDuesMonthQuery } from '../generated/graphql.ts';

/** Each member of the roster with the month's dues (nothing when no basis, no rule, or not in the Party that month). */
export const CELL_DUES_MONTH = graphql(`
  query CellDuesMonth($id: ID!, $month: String!) {
    orgUnit(id: $id) {
      id
      members(first: 500) {
        id
        fullName
        status
        duesBasisHistory { category validFrom }
        dues(fromMonth: $month, toMonth: $month) { month category due paid owed exemption reductionPercent }
      }
    }
  }
`);

export type DuesMember = NonNullable<NonNullable<CellDuesMonthQuery['orgUnit']>['members']>[number];
export type DuesMonthRow = DuesMember['dues'][number];

/** Who owes how many months this year (January to last month, the server's default range). */
export const CELL_DUES_ARREARS = graphql(`
  query CellDuesArrears($id: ID!) {
    duesArrears(unitId: $id) {
      fromMonth
      toMonth
      owed
      members { member { id fullName } unpaidMonths owed }
    }
  }
`);

export type MemberArrears = CellDuesArrearsQuery['duesArrears']['members'][number];

export const RECORD_DUES_PAYMENT = graphql(`
  mutation RecordDuesPayment($input: RecordDuesPaymentInput!) {
    recordDuesPayment(input: $input) { id month amount paidOn channel }
  }
`);

export const SET_DUES_BASIS = graphql(`
  mutation SetMemberDuesBasis($input: SetMemberDuesBasisInput!) {
    setMemberDuesBasis(input: $input) { id duesBasisHistory { category validFrom } }
  }
`);
