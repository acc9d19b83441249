import { graphql } from '../generated/index.ts';

/** The alerts read at once (the server's largest page). */
export const ALERT_PAGE = 500;

/** Membership's lists: possible duplicates (one CCCD, one name and birth date) and members in no cell. */
export const DATA_QUALITY = graphql(`
  query DistrictDataQuality($unitId: ID!) {
    memberDataQuality(unitId: $unitId) {
      sameCitizenId { members { id fullName citizenId dateOfBirth cell { id name kind parent { id } } } }
      sameNameAndBirth { fullName dateOfBirth members { id fullName cell { id name kind parent { id } } } }
      membersWithoutCell { member { id fullName } placedAt { id name kind } since }
    }
  }
`);

/** Membership's alerts that are data to fix: missing required fields, transfer letters past their 30 days. */
export const QUALITY_MEMBER_ALERTS = graphql(`
  query DistrictQualityMemberAlerts($unitId: ID!, $first: Int!) {
    memberAlerts(unitId: $unitId, kinds: [MISSING_REQUIRED_FIELDS, TRANSFER_LETTER_OVERDUE], first: $first) {
      totalCount
      alerts { kind member { id fullName } cell { id name kind parent { id } } dueDate detail }
    }
  }
`);

/** Evaluation's alerts about things left overdue (stale): forgotten tasks, cells without a meeting, review cycles not closed. */
export const QUALITY_STALE_ALERTS = graphql(`
  query DistrictQualityStaleAlerts($unitId: ID!) {
    evaluationAlerts(unitId: $unitId, kinds: [UNATTENDED_TASK, NO_MEETING_LAST_MONTH, CYCLE_OVERDUE]) {
      kind
      unit { id name kind parent { id } }
      member { id fullName }
      detail
    }
  }
`);
