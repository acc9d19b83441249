import type { MigrationSet } from '@dangvien/db';
import * as createOrgUnit from './2026_11_22_10_00_00_create_org_unit.ts';
import * as createEventAndAuditTables from './2026_11_22_11_00_00_create_event_and_audit_tables.ts';
import * as createOperation from './2026_11_22_11_10_00_create_operation.ts';
import * as createOrgUnitVersion from './2026_11_22_12_00_00_create_org_unit_version.ts';
import * as createOrgUnitAddress from './2026_11_23_12_00_00_create_org_unit_address.ts';
import * as createMemberPlacementReplica from './2026_11_23_20_00_00_create_member_placement_replica.ts';
import * as createCommittee from './2026_11_23_20_10_00_create_committee.ts';
import * as createDelegation from './2026_11_23_20_20_00_create_delegation.ts';
import * as orgUnitCategory from './2026_11_23_21_00_00_org_unit_category.ts';
import * as createSavedQuery from './2026_12_05_12_00_00_create_saved_query.ts';
import * as datedMemberPlacementReplica from './2026_12_05_17_42_00_dated_member_placement_replica.ts';

export const migrations: MigrationSet = {
  '2026_11_22_10_00_00_create_org_unit': createOrgUnit,
  '2026_11_22_11_00_00_create_event_and_audit_tables': createEventAndAuditTables,
  '2026_11_22_11_10_00_create_operation': createOperation,
  '2026_11_22_12_00_00_create_org_unit_version': createOrgUnitVersion,
  '2026_11_23_12_00_00_create_org_unit_address': createOrgUnitAddress,
  '2026_11_23_20_00_00_create_member_placement_replica': createMemberPlacementReplica,
  '2026_11_23_20_10_00_create_committee': createCommittee,
  '2026_11_23_20_20_00_create_delegation': createDelegation,
  '2026_11_23_21_00_00_org_unit_category': orgUnitCategory,
  '2026_12_05_12_00_00_create_saved_query': createSavedQuery,
  '2026_12_05_17_42_00_dated_member_placement_replica': datedMemberPlacementReplica,
};
