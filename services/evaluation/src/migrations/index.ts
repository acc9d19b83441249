import type { MigrationSet } from '@dangvien/db';
import * as createReview from './2026_11_22_10_00_00_create_review.ts';

export const migrations: MigrationSet = {
  '2026_11_22_10_00_00_create_review': createReview,
};
