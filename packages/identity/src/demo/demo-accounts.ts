import type { Role } from '@dangvien/auth';
import { demoId } from '@dangvien/demo-data';
import type { Kysely } from 'kysely';
import { findExistingUsernames } from '../accounts/account.repository.ts';
import { createAccountIfMissing } from '../accounts/create-account.ts';
import type { IdentityDatabase } from '../database.ts';

/**
 * DEMO ONLY. Every demo account signs in with this password; it is public (it is in the README).
 * Never seed demo accounts into a database real people use.
 */
export const DEMO_PASSWORD = 'demo123';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  scopeUnitId: string;
  scopeName: string;
  /** What the account is for, in a sentence (for the README). */
  sees: string;
}

/** One account per role, on the demo data set (province 1 → district 2 → committee 10 → cell 101). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'bithu.tdp1',
    displayName: 'Nguyễn Thị Lan – Bí thư Chi bộ TDP số 1',
    role: 'CELL_SECRETARY',
    scopeUnitId: demoId('unit', 101),
    scopeName: 'Chi bộ Tổ dân phố số 1',
    sees: 'the members, reviews and meetings of one cell; manages them',
  },
  {
    username: 'chiuy.tdp1',
    displayName: 'Trần Văn Hùng – Chi ủy viên Chi bộ TDP số 1',
    role: 'CELL_COMMITTEE',
    scopeUnitId: demoId('unit', 101),
    scopeName: 'Chi bộ Tổ dân phố số 1',
    sees: 'the same cell as its secretary; helps keep its records',
  },
  {
    username: 'danguy.thitran',
    displayName: 'Phạm Văn Minh – Đảng ủy viên Đảng bộ thị trấn Xuân Trường',
    role: 'WARD_COMMITTEE',
    scopeUnitId: demoId('unit', 10),
    scopeName: 'Đảng bộ thị trấn Xuân Trường',
    sees: 'one grassroots committee and its three cells',
  },
  {
    username: 'bantochuc.xuantruong',
    displayName: 'Lê Thị Hoa – Ban Tổ chức Huyện ủy Xuân Trường',
    role: 'DISTRICT_BOARD',
    scopeUnitId: demoId('unit', 2),
    scopeName: 'Đảng bộ huyện Xuân Trường',
    sees: 'the whole district: every committee, cell and member',
  },
  {
    username: 'phantich',
    displayName: 'Vũ Minh Tuấn – Chuyên viên phân tích',
    role: 'ANALYST',
    scopeUnitId: demoId('unit', 1),
    scopeName: 'Đảng bộ tỉnh Nam Định',
    sees: 'the whole province, read-only (reports and scripts)',
  },
  {
    username: 'hethong.tinh',
    displayName: 'Hệ thống Tỉnh ủy Nam Định (tài khoản dịch vụ)',
    role: 'PROVINCIAL_SYSTEM',
    scopeUnitId: demoId('unit', 1),
    scopeName: 'Đảng bộ tỉnh Nam Định',
    sees: 'the whole province, as a provincial system exchanging data',
  },
  {
    username: 'quantri',
    displayName: 'Đỗ Quang Huy – Quản trị hệ thống',
    role: 'ADMIN',
    scopeUnitId: demoId('unit', 1),
    scopeName: 'Đảng bộ tỉnh Nam Định',
    sees: 'everything in the province; administers accounts and settings',
  },
];

/**
 * Inserts the demo accounts that are missing; existing ones (and their passwords) are left alone, so
 * it can run on every start. Returns the usernames it created.
 */
export async function seedDemoAccounts(db: Kysely<IdentityDatabase>): Promise<string[]> {
  const existing = await findExistingUsernames(db, DEMO_ACCOUNTS.map((account) => account.username));
  const missing = DEMO_ACCOUNTS.filter((account) => !existing.has(account.username));
  const created = await Promise.all(
    missing.map(async (account) => {
      const id = await createAccountIfMissing(db, {
        username: account.username,
        displayName: account.displayName,
        password: DEMO_PASSWORD,
        grants: [{ role: account.role, scopeUnitId: account.scopeUnitId }],
      });
      return id ? account.username : undefined;
    }),
  );
  return created.filter((username): username is string => username !== undefined);
}
