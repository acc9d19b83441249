import type { MigrationSet } from '@dangvien/db';
import * as createMember from './2026_11_22_10_00_00_create_member.ts';
import * as createEventAndAuditTables from './2026_11_22_11_00_00_create_event_and_audit_tables.ts';
import * as createPlacementAndReplica from './2026_11_22_11_10_00_create_placement_and_replica.ts';
import * as memberRecordAndLifecycle from './2026_11_22_13_00_00_member_record_and_lifecycle.ts';
import * as transfersInspectionResidenceSearch from './2026_11_23_10_00_00_transfers_inspection_residence_search.ts';
import * as duesAlertsConfiguration from './2026_11_23_11_00_00_dues_alerts_configuration.ts';
import * as createMemberImport from './2026_11_23_12_00_00_create_member_import.ts';
import * as memberImportValidating from './2026_11_23_12_10_00_member_import_validating.ts';
import * as searchIndexes from './2026_11_24_10_00_00_search_indexes.ts';
import * as duesPaymentClientRequestId from './2026_12_04_10_00_00_dues_payment_client_request_id.ts';
import * as sensitiveReadLog from './2026_12_05_10_00_00_sensitive_read_log.ts';
import * as duplicatesForReview from './2026_12_05_12_00_00_duplicates_for_review.ts';
import * as partyBadges from './2026_12_05_13_00_00_party_badges.ts';
import * as unitSuccessor from './2026_12_05_17_12_00_unit_successor.ts';
import * as memberEventAnnulment from './2026_12_05_17_21_00_member_event_annulment.ts';
import * as memberSearchTokens from './2026_12_05_18_00_00_member_search_tokens.ts';

export const migrations: MigrationSet = {
  '2026_11_22_10_00_00_create_member': createMember,
  '2026_11_22_11_00_00_create_event_and_audit_tables': createEventAndAuditTables,
  '2026_11_22_11_10_00_create_placement_and_replica': createPlacementAndReplica,
  '2026_11_22_13_00_00_member_record_and_lifecycle': memberRecordAndLifecycle,
  '2026_11_23_10_00_00_transfers_inspection_residence_search': transfersInspectionResidenceSearch,
  '2026_11_23_11_00_00_dues_alerts_configuration': duesAlertsConfiguration,
  '2026_11_23_12_00_00_create_member_import': createMemberImport,
  '2026_11_23_12_10_00_member_import_validating': memberImportValidating,
  '2026_11_24_10_00_00_search_indexes': searchIndexes,
  '2026_12_04_10_00_00_dues_payment_client_request_id': duesPaymentClientRequestId,
  '2026_12_05_10_00_00_sensitive_read_log': sensitiveReadLog,
  '2026_12_05_12_00_00_duplicates_for_review': duplicatesForReview,
  '2026_12_05_13_00_00_party_badges': partyBadges,
  '2026_12_05_17_12_00_unit_successor': unitSuccessor,
  '2026_12_05_17_21_00_member_event_annulment': memberEventAnnulment,
  '2026_12_05_18_00_00_member_search_tokens': memberSearchTokens,
};
