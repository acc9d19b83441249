import type { MigrationSet } from '@dangvien/db';
import * as createReview from './2026_11_22_10_00_00_create_review.ts';
import * as createEventAndAuditTables from './2026_11_22_11_00_00_create_event_and_audit_tables.ts';
import * as createReplicas from './2026_11_22_11_10_00_create_replicas.ts';
import * as createRuleSetsCyclesMeetings from './2026_11_22_13_00_00_create_rule_sets_cycles_meetings.ts';
import * as datedPlacementsTasksOrgGrades from './2026_11_23_30_00_00_dated_placements_tasks_org_grades.ts';
import * as oneMeetingPerDayAndKind from './2026_11_23_30_10_00_one_meeting_per_day_and_kind.ts';
import * as placementChangeValidTo from './2026_11_24_10_00_00_placement_change_valid_to.ts';
import * as meetingCountsReviewYearIdx from './2026_11_24_10_10_00_meeting_counts_review_year_idx.ts';
import * as clientRequestIds from './2026_12_04_10_00_00_client_request_ids.ts';
import * as reviewDecisionsAndReopening from './2026_12_05_17_22_00_review_decisions_and_reopening.ts';

export const migrations: MigrationSet = {
  '2026_11_22_10_00_00_create_review': createReview,
  '2026_11_22_11_00_00_create_event_and_audit_tables': createEventAndAuditTables,
  '2026_11_22_11_10_00_create_replicas': createReplicas,
  '2026_11_22_13_00_00_create_rule_sets_cycles_meetings': createRuleSetsCyclesMeetings,
  '2026_11_23_30_00_00_dated_placements_tasks_org_grades': datedPlacementsTasksOrgGrades,
  '2026_11_23_30_10_00_one_meeting_per_day_and_kind': oneMeetingPerDayAndKind,
  '2026_11_24_10_00_00_placement_change_valid_to': placementChangeValidTo,
  '2026_11_24_10_10_00_meeting_counts_review_year_idx': meetingCountsReviewYearIdx,
  '2026_12_04_10_00_00_client_request_ids': clientRequestIds,
  '2026_12_05_17_22_00_review_decisions_and_reopening': reviewDecisionsAndReopening,
};
