import type { MigrationSet } from '@dangvien/db';
import * as createAccount from './2026_11_23_09_00_00_create_account.ts';
import * as createRefreshToken from './2026_11_23_09_01_00_create_refresh_token.ts';
import * as createSigningKey from './2026_11_23_09_02_00_create_signing_key.ts';
import * as createSignInAudit from './2026_11_23_09_03_00_create_sign_in_audit.ts';
import * as createRateLimit from './2026_12_05_17_50_00_create_rate_limit.ts';

export const migrations: MigrationSet = {
  '2026_11_23_09_00_00_create_account': createAccount,
  '2026_11_23_09_01_00_create_refresh_token': createRefreshToken,
  '2026_11_23_09_02_00_create_signing_key': createSigningKey,
  '2026_11_23_09_03_00_create_sign_in_audit': createSignInAudit,
  '2026_12_05_17_50_00_create_rate_limit': createRateLimit,
};
