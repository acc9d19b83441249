import type { MigrationSet } from '@dangvien/db';
import * as createOrgUnit from './2026_11_22_10_00_00_create_org_unit.ts';

export const migrations: MigrationSet = {
  '2026_11_22_10_00_00_create_org_unit': createOrgUnit,
};
