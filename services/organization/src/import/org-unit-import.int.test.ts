import { demoId, callerWith } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsxBase64 } from '@dangvien/spreadsheet/testing';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * Importing a unit tree from a sheet through the gateway: every row checked first (duplicate codes,
 * unknown parents, cycles, kinds, dates), valid rows or nothing in one transaction, a second import
 * changes nothing, and the new units reach the other subgraphs' replicas.
 */
const district = demoId('unit', 2); // Đảng bộ huyện Xuân Trường (ND-XT)
const board = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: district });
let federation: TestFederation;

beforeAll(async () => {
  federation = await startTestFederation(() => board);
});
afterAll(async () => federation?.close());

const count = async (table: string): Promise<number> => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(federation.organization.db)).rows[0]!.n);
const counts = async () => ({ units: await count('org_unit'), versions: await count('org_unit_version'), outbox: await count('outbox_event'), audit: await count('audit_log') });

const HEADERS = ['Mã đơn vị', 'Tên đơn vị', 'LOAI', 'Mã cấp trên', 'Ngày thành lập', 'Địa chỉ'];
const ROWS: (string | Date | null)[][] = [
  ['ND-XT-9', 'Đảng bộ xã Xuân Phong', 'Đảng bộ cơ sở', null, '15/05/1976', 'UBND xã Xuân Phong'],
  ['ND-XT-9-1', ' Chi bộ  xóm 1'.normalize('NFD'), 'Chi bộ trực thuộc', 'ND-XT-9', '1990-02-03', null],
  ['ND-XT-9-2', 'Chi bộ xóm 2', 'chi bo', 'nd-xt-9', new Date(Date.UTC(1991, 2, 8)), 'Nhà văn hóa xóm 2'],
  ['ND-XT-9-1', 'Chi bộ xóm 3', 'Chi bộ trực thuộc', 'ND-XT-9', '01/01/1995', null],
  ['ND-XT-1', 'Trùng mã đã có', 'Đảng bộ cơ sở', null, '01/01/1980', null],
  ['ND-XT-8-1', 'Chi bộ A', 'Chi bộ trực thuộc', 'KHONG-CO', '01/01/1995', null],
  ['CY-1', 'Vòng 1', 'Chi bộ trực thuộc', 'CY-2', '01/01/1995', null],
  ['CY-2', 'Vòng 2', 'Đảng bộ cơ sở', 'CY-1', '01/01/1995', null],
  ['ND-GT-1-9', 'Chi bộ ngoài phạm vi', 'Chi bộ trực thuộc', 'ND-GT-1', '01/01/1995', null],
  ['ND-XT-9-3', 'Chi bộ xóm 3', 'Chi bộ trực thuộc', 'ND-XT-9', '31/02/2000', null],
  ['ND-XT-9-4', 'Chi bộ dưới chi bộ', 'Chi bộ trực thuộc', 'ND-XT-9-1', '01/01/2000', null],
];

const IMPORT = `mutation ($input: OrgUnitImportInput!) { importOrgUnits(input: $input) { status totalRows validRows createdCount unchangedCount skippedCount message problems { row column severity code problem suggestion } } }`;
interface Report {
  status: string;
  totalRows: number;
  validRows: number;
  createdCount: number;
  unchangedCount: number;
  skippedCount: number;
  message: string | null;
  problems: { row: number; column: string | null; severity: string; code: string; problem: string; suggestion: string | null }[];
}
let file: { name: string; contentBase64: string };
const importSheet = (mode: string, extra: Record<string, unknown> = {}, parentId = district) => federation.post<{ importOrgUnits: Report }>(IMPORT, { input: { file, parentId, mode, ...extra } });

describe('importing a unit tree', () => {
  beforeAll(async () => {
    file = { name: 'don-vi.xlsx', contentBase64: await xlsxBase64(HEADERS, ROWS) };
  });

  it('reports every problem with its row and column; "all or nothing" writes nothing', async () => {
    const before = await counts();
    const response = await importSheet('ALL_OR_NOTHING');
    expect(response.errors).toBeUndefined();
    const report = response.data!.importOrgUnits;
    expect(report).toMatchObject({ status: 'REFUSED', totalRows: 11, validRows: 3, createdCount: 0, skippedCount: 8 });
    expect(report.problems.filter((problem) => problem.severity === 'ERROR').map((problem) => [problem.row, problem.column, problem.code])).toEqual([
      [5, 'Mã đơn vị', 'DUPLICATE_IN_FILE'],
      [6, 'Mã đơn vị', 'DUPLICATE_IN_DATABASE'],
      [7, 'Mã cấp trên', 'UNKNOWN_PARENT'],
      [8, 'Mã cấp trên', 'CYCLE'],
      [9, 'Mã cấp trên', 'CYCLE'],
      [10, 'Mã cấp trên', 'UNKNOWN_PARENT'],
      [11, 'Ngày thành lập', 'BAD_DATE'],
      [12, 'LOAI', 'BAD_PARENT_KIND'],
    ]);
    expect(report.problems.filter((problem) => problem.severity === 'WARNING').map((problem) => [problem.row, problem.code])).toEqual([[3, 'NORMALIZED']]);
    expect(await counts()).toEqual(before);
  });

  it('"valid only" creates exactly the valid rows, as createOrgUnit would, and they reach the replicas', async () => {
    const before = await counts();
    const report = (await importSheet('VALID_ONLY')).data!.importOrgUnits;
    expect(report).toMatchObject({ status: 'DONE', createdCount: 3, unchangedCount: 0, skippedCount: 8 });
    const after = await counts();
    expect(after.units - before.units).toBe(3);
    expect(after.outbox - before.outbox).toBe(3);
    expect(after.audit - before.audit).toBe(3);
    type Unit = { code: string; name: string; kind: string; address: string | null; children: Omit<Unit, 'children' | 'kind'>[] };
    const found = await federation.post<{ orgUnit: { children: Unit[] } }>(`query ($id: ID!) { orgUnit(id: $id) { children { code name kind address children { code name address } } } }`, { id: district });
    expect(found.errors).toBeUndefined();
    const children = found.data!.orgUnit.children;
    const phong = children.find((child) => child.code === 'ND-XT-9')!;
    expect(phong).toMatchObject({ name: 'Đảng bộ xã Xuân Phong', kind: 'GRASSROOTS_COMMITTEE', address: 'UBND xã Xuân Phong' });
    expect(phong.children.map((child) => [child.code, child.name, child.address]).sort()).toEqual([
      ['ND-XT-9-1', 'Chi bộ xóm 1', null],
      ['ND-XT-9-2', 'Chi bộ xóm 2', 'Nhà văn hóa xóm 2'],
    ]);
    await federation.catchUp();
    const replica = await sql<{ code: string; name: string }>`SELECT code, name FROM org_unit_replica WHERE code LIKE 'ND-XT-9%' ORDER BY code`.execute(federation.membership.db);
    expect(replica.rows).toEqual([
      { code: 'ND-XT-9', name: 'Đảng bộ xã Xuân Phong' },
      { code: 'ND-XT-9-1', name: 'Chi bộ xóm 1' },
      { code: 'ND-XT-9-2', name: 'Chi bộ xóm 2' },
    ]);
  });

  it('importing the same sheet again changes nothing', async () => {
    const before = await counts();
    const report = (await importSheet('VALID_ONLY')).data!.importOrgUnits;
    expect(report).toMatchObject({ status: 'DONE', createdCount: 0, unchangedCount: 3 });
    expect(await counts()).toEqual(before);
  });

  it('a dry run writes nothing', async () => {
    const before = await counts();
    const sheet = { name: 'moi.xlsx', contentBase64: await xlsxBase64(HEADERS, [['ND-XT-7', 'Đảng bộ xã Xuân Thượng', 'Đảng bộ cơ sở', null, '01/01/1976', null]]) };
    const response = await federation.post<{ importOrgUnits: Report }>(IMPORT, { input: { file: sheet, parentId: district, mode: 'ALL_OR_NOTHING', dryRun: true } });
    expect(response.data!.importOrgUnits).toMatchObject({ status: 'VALIDATED', validRows: 1, createdCount: 0 });
    expect(await counts()).toEqual(before);
  });
});

describe('roles and scope', () => {
  it('outside the caller’s subtrees the parent is not found; inside without the role, forbidden', async () => {
    const ward = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 10) });
    const missing = await federation.as(ward, () => importSheet('VALID_ONLY', { dryRun: true }));
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const secretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: demoId('unit', 101) });
    const forbidden = await federation.as(secretary, () => importSheet('VALID_ONLY', { dryRun: true }, demoId('unit', 101)));
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
