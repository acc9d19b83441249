import type { MigrationSet } from '@dangvien/db';
import * as createMember from './2026_11_22_10_00_00_create_member.ts';

export const migrations: MigrationSet = {
  '2026_11_22_10_00_00_create_member': createMember,
};
