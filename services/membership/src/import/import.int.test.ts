import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Caller } from '@dangvien/auth';
import { callerWith, demoId } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExportCli } from '../export/export-cli.ts';
import { runImportCli } from './import-cli.ts';
import { xlsxBase64, xlsxRows } from '@dangvien/spreadsheet/testing';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * Importing a clerk's messy member list through the gateway, on real databases: the report names every
 * problem by row and column, "all or nothing" with errors writes nothing, "valid only" writes exactly the
 * valid rows, a second import changes nothing, and the exported register imports back unchanged.
 */
const ward = demoId('unit', 10); // Đảng bộ thị trấn Xuân Trường: cells 101–103 (ND-XT-1-1 … ND-XT-1-3)
const wardCommittee = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: ward });
let federation: TestFederation;

beforeAll(async () => {
  federation = await startTestFederation(() => wardCommittee);
});
afterAll(async () => federation?.close());

const count = async (table: string): Promise<number> => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(federation.membership.db)).rows[0]!.n);
const counts = async () => ({ member: await count('member'), events: await count('member_event'), placements: await count('member_placement'), cards: await count('member_party_card'), outbox: await count('outbox_event'), audit: await count('audit_log') });

const HEADERS = ['STT', 'Họ và tên', 'GIOI TINH', 'ngay sinh', 'Số CCCD', 'Ngày vào Đảng', 'Ngày chính thức', 'Số thẻ đảng viên', 'Chi bộ'];
const nfd = (text: string) => text.normalize('NFD');
/** Row 2 is the first data row, as Excel numbers them. */
const MESSY_ROWS: (string | number | Date | null)[][] = [
  ['1', 'Nguyễn Văn An', 'Nam', '05/03/1985', '036085000011', '2010-06-15', '2011-06-20', 'XT-0011', 'Chi bộ Tổ dân phố số 1'],
  ['2', nfd('  Trần   Thị Bình '), 'Nữ', new Date(Date.UTC(1990, 6, 20)), '0361 9000 0022', '8/3/2015', null, null, 'nd-xt-1-2'],
  ['3', 'Lê Văn Cường', 'Nam', '12/12/1970', 36090000003, '2000-01-10', null, null, 'Chi bộ Tổ dân phố số 1'],
  ['4', 'Phạm Thị Dung', 'Nữ', '31/02/1980', '036180000044', '2005-05-05', null, null, 'Chi bộ Tổ dân phố số 1'],
  ['5', 'Vũ Văn Giang', 'Nam', '01/01/1985', '036085000011', '2006-02-02', null, null, 'Chi bộ Tổ dân phố số 2'],
  ['6', 'Phạm Văn Dũng', 'Nam', '02/02/1980', '036080000001', '2007-03-03', null, null, 'Chi bộ Tổ dân phố số 2'],
  ['7', 'Đỗ Thị Hạnh', 'Nữ', '03/03/1984', '036184000077', '2008-04-04', null, null, 'Chi bộ không có'],
  ['8', 'Bùi Văn Khoa', 'Nam', '04/04/1985', '036085000088', '2009-05-05', null, null, 'ND-GT-1-1'],
  ['9', 'Hoàng Văn Em', 'Nam', '1975-12-01', '036075000055', '01/09/2000', '10/09/2001', null, 'chi bo to dan pho so 3'],
  ['10', 'TRẦN văn cũ', 'Nam', '01/01/1980', null, '2005-01-01', null, null, 'Chi bộ Tổ dân phố số 2'],
];
const VALID_ROWS = [2, 3, 10];

const IMPORT = `mutation ($input: MemberImportInput!) { importMembers(input: $input) { id status totalRows validRows createdCount unchangedCount skippedCount processedRows message problems { row column severity code problem suggestion } } }`;
const JOB = `query ($id: ID!) { memberImportJob(id: $id) { id status totalRows validRows processedRows createdCount unchangedCount skippedCount message problems { row column severity code problem suggestion } } }`;
interface Job {
  id: string;
  status: string;
  totalRows: number;
  validRows: number;
  createdCount: number;
  unchangedCount: number;
  skippedCount: number;
  processedRows: number;
  message: string | null;
  problems: { row: number; column: string | null; severity: string; code: string; problem: string; suggestion: string | null }[];
}

async function importFile(file: { name: string; contentBase64: string }, mode: string, extra: Record<string, unknown> = {}) {
  return federation.post<{ importMembers: Job }>(IMPORT, { input: { file, unitId: ward, mode, ...extra } });
}

/** Polls the job until it is checked and, if it writes, written (both run in the background). */
async function finished(id: string): Promise<Job> {
  for (;;) {
    const response = await federation.post<{ memberImportJob: Job }>(JOB, { id });
    expect(response.errors).toBeUndefined();
    if (!['VALIDATING', 'RUNNING'].includes(response.data!.memberImportJob.status)) return response.data!.memberImportJob;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts an import and waits for its end. */
async function imported(file: { name: string; contentBase64: string }, mode: string, extra: Record<string, unknown> = {}): Promise<Job> {
  const started = await importFile(file, mode, extra);
  expect(started.errors).toBeUndefined();
  expect(started.data!.importMembers.status).toBe('VALIDATING');
  return finished(started.data!.importMembers.id);
}

let messy: { name: string; contentBase64: string };

describe('importing a messy member list', () => {
  beforeAll(async () => {
    const created = await federation.post(`mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }`, {
      input: { profile: { fullName: 'Trần Văn Cũ', dateOfBirth: '1980-01-01', citizenId: '036080000001' }, cellId: demoId('unit', 101), admittedOn: '2004-05-19' },
    });
    expect(created.errors).toBeUndefined();
    messy = { name: 'danh-sach.xlsx', contentBase64: await xlsxBase64(HEADERS, MESSY_ROWS) };
  });

  it('suggests a mapping from the headers, ignoring diacritics and case', async () => {
    const response = await federation.post<{ memberImportPreview: { headers: string[]; rowCount: number; remembered: boolean; mapping: { header: string; field: string | null }[] } }>(
      `query ($file: SpreadsheetFileInput!) { memberImportPreview(file: $file) { headers rowCount remembered mapping { header field } } }`,
      { file: messy },
    );
    expect(response.errors).toBeUndefined();
    const preview = response.data!.memberImportPreview;
    expect(preview).toMatchObject({ headers: HEADERS, rowCount: MESSY_ROWS.length, remembered: false });
    expect(Object.fromEntries(preview.mapping.map((entry) => [entry.header, entry.field]))).toEqual({
      STT: null,
      'Họ và tên': 'FULL_NAME',
      'GIOI TINH': 'SEX',
      'ngay sinh': 'DATE_OF_BIRTH',
      'Số CCCD': 'CITIZEN_ID',
      'Ngày vào Đảng': 'ADMITTED_ON',
      'Ngày chính thức': 'OFFICIAL_ON',
      'Số thẻ đảng viên': 'PARTY_CARD_NUMBER',
      'Chi bộ': 'CELL',
    });
  });

  it('reports every problem with its row and column, and "all or nothing" writes nothing', async () => {
    const before = await counts();
    const job = await imported(messy, 'ALL_OR_NOTHING');
    expect(job).toMatchObject({ status: 'REFUSED', totalRows: 10, validRows: 3, createdCount: 0, skippedCount: 7 });
    const errors = job.problems.filter((problem) => problem.severity === 'ERROR').map((problem) => [problem.row, problem.column, problem.code]);
    expect(errors).toEqual([
      [4, 'Số CCCD', 'BAD_CITIZEN_ID'], // a number cell: Excel dropped the leading 0
      [5, 'ngay sinh', 'BAD_DATE'],
      [6, 'Số CCCD', 'DUPLICATE_IN_FILE'],
      [7, 'Số CCCD', 'DUPLICATE_IN_DATABASE'],
      [8, 'Chi bộ', 'UNKNOWN_CELL'],
      [9, 'Chi bộ', 'UNKNOWN_CELL'],
      [11, 'Họ và tên', 'DUPLICATE_IN_DATABASE'],
    ]);
    expect(job.problems.find((problem) => problem.row === 4)!.suggestion).toContain('036090000003');
    expect(job.problems.find((problem) => problem.row === 6)!.problem).toContain('dòng 2');
    // NFD and extra spaces are fixed, and said so.
    expect(job.problems.filter((problem) => problem.severity === 'WARNING').map((problem) => [problem.row, problem.column, problem.code])).toEqual([[3, 'Họ và tên', 'NORMALIZED']]);
    expect(await counts()).toEqual(before);
  });

  it('a dry run reports and writes nothing', async () => {
    const before = await counts();
    const job = await imported(messy, 'VALID_ONLY', { dryRun: true });
    expect(job).toMatchObject({ status: 'VALIDATED', validRows: 3, createdCount: 0 });
    expect(await counts()).toEqual(before);
  });

  it('a file that cannot be read, or a mapping without the name, ends FAILED with the reason and writes nothing', async () => {
    const before = await counts();
    const broken = await imported({ name: 'hong.xlsx', contentBase64: Buffer.from('not a spreadsheet').toString('base64') }, 'VALID_ONLY');
    expect(broken).toMatchObject({ status: 'FAILED', message: expect.stringContaining('Không đọc được tệp') });
    const unmapped = await imported(messy, 'VALID_ONLY', { mapping: [{ header: 'ngay sinh', field: 'DATE_OF_BIRTH' }] });
    expect(unmapped).toMatchObject({ status: 'FAILED', message: 'Chưa chọn cột "Họ và tên".' });
    const wrongType = await importFile({ name: 'danh-sach.pdf', contentBase64: messy.contentBase64 }, 'VALID_ONLY');
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
  });

  it('"valid only" writes exactly the valid rows, as createMember would', async () => {
    const before = await counts();
    const job = await imported(messy, 'VALID_ONLY');
    expect(job).toMatchObject({ status: 'DONE', createdCount: VALID_ROWS.length, unchangedCount: 0, skippedCount: 7, processedRows: 10 });
    const after = await counts();
    expect(after.member - before.member).toBe(3);
    expect(after.placements - before.placements).toBe(3);
    expect(after.events - before.events).toBe(5); // three admissions, two made official
    expect(after.cards - before.cards).toBe(1);
    expect(after.audit - before.audit).toBe(4); // one per member, one for the import
    expect(after.outbox - before.outbox).toBe(5); // MemberPlaced per event, each from its date

    const found = await federation.post<{ possibleDuplicates: { member: { fullName: string; status: string; admittedOn: string; cell: { id: string } } }[] }>(
      `query ($name: String, $birth: String) { possibleDuplicates(fullName: $name, dateOfBirth: $birth) { member { fullName status admittedOn cell { id } } } }`,
      { name: 'Trần Thị Bình', birth: '1990-07-20' },
    );
    expect(found.data!.possibleDuplicates).toEqual([{ member: { fullName: 'Trần Thị Bình', status: 'PROBATIONARY', admittedOn: '2015-03-08', cell: { id: demoId('unit', 102) } } }]);
    const em = await federation.post<{ possibleDuplicates: { member: { status: string; cell: { id: string } } }[] }>(
      `query { possibleDuplicates(citizenId: "036075000055") { member { status cell { id } } } }`,
    );
    expect(em.data!.possibleDuplicates).toEqual([{ member: { status: 'OFFICIAL', cell: { id: demoId('unit', 103) } } }]);
    await federation.catchUp();
  });

  it('importing the same file again changes nothing', async () => {
    const before = await counts();
    const job = await imported(messy, 'VALID_ONLY');
    expect(job).toMatchObject({ status: 'DONE', createdCount: 0, unchangedCount: 3, skippedCount: 7 });
    expect(await counts()).toEqual(before);
  });

  it('remembers the mapping the user chose for these headers', async () => {
    const mapping = HEADERS.map((header) => ({ header, field: header === 'Ngày chính thức' ? null : undefined })).map(({ header, field }) => ({
      header,
      field: field === null ? null : ({ 'Họ và tên': 'FULL_NAME', 'GIOI TINH': 'SEX', 'ngay sinh': 'DATE_OF_BIRTH', 'Số CCCD': 'CITIZEN_ID', 'Ngày vào Đảng': 'ADMITTED_ON', 'Số thẻ đảng viên': 'PARTY_CARD_NUMBER', 'Chi bộ': 'CELL' } as Record<string, string>)[header] ?? null,
    }));
    expect((await imported(messy, 'VALID_ONLY', { dryRun: true, mapping })).status).toBe('VALIDATED');
    const preview = await federation.post<{ memberImportPreview: { remembered: boolean; mapping: { header: string; field: string | null }[] } }>(
      `query ($file: SpreadsheetFileInput!) { memberImportPreview(file: $file) { remembered mapping { header field } } }`,
      { file: messy },
    );
    expect(preview.data!.memberImportPreview.remembered).toBe(true);
    expect(preview.data!.memberImportPreview.mapping.find((entry) => entry.header === 'Ngày chính thức')!.field).toBeNull();
  });

  it('reads a .csv with ; and dd/mm/yyyy dates the same way', async () => {
    const csv = ['Họ và tên;Ngày sinh;Số CCCD;Ngày vào Đảng;Chi bộ', 'Nguyễn Văn An;05/03/1985;036085000011;15/06/2010;ND-XT-1-1', 'Mai Văn Lộc;29/02/1991;;2015-01-01;ND-XT-1-1'].join('\r\n');
    const job = await imported({ name: 'danh-sach.csv', contentBase64: Buffer.from(`\uFEFF${csv}`, 'utf8').toString('base64') }, 'VALID_ONLY', { dryRun: true });
    expect(job).toMatchObject({ status: 'VALIDATED', totalRows: 2, validRows: 1 });
    expect(job.problems.map((problem) => [problem.row, problem.column, problem.code])).toEqual([[3, 'Ngày sinh', 'BAD_DATE']]);
  });
});

describe('the exported register', () => {
  it('has the 14 columns in order and imports back without any change', async () => {
    const exported = await federation.post<{ memberRegisterExport: { fileName: string; contentBase64: string; rowCount: number } }>(
      `query ($unitId: ID!) { memberRegisterExport(unitId: $unitId) { fileName contentBase64 rowCount } }`,
      { unitId: ward },
    );
    expect(exported.errors).toBeUndefined();
    const file = exported.data!.memberRegisterExport;
    const inWard = Number(
      (await sql<{ n: string }>`SELECT count(*) AS n FROM member WHERE cell_id = ANY(${[101, 102, 103].map((n) => demoId('unit', n))}::uuid[]) AND status IN ('PROBATIONARY', 'OFFICIAL', 'EXEMPT')`.execute(federation.membership.db)).rows[0]!.n,
    );
    expect(file.rowCount).toBe(inWard);
    const [header] = await xlsxRows(file.contentBase64);
    expect(header).toEqual(['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Dân tộc', 'Tôn giáo', 'Quê quán', 'Nơi cư trú', 'Số CCCD', 'Ngày vào Đảng', 'Ngày chính thức', 'Số thẻ đảng viên', 'Chi bộ', 'Ghi chú']);

    const before = await counts();
    const job = await imported({ name: file.fileName, contentBase64: file.contentBase64 }, 'ALL_OR_NOTHING');
    expect(job).toMatchObject({ status: 'DONE', totalRows: inWard, createdCount: 0, unchangedCount: inWard, skippedCount: 0 });
    expect(await counts()).toEqual(before);
  });
});

describe('roles and scope', () => {
  const file = () => ({ name: 'x.xlsx', contentBase64: messy.contentBase64 });
  const as = <T>(who: Caller, work: () => Promise<T>) => federation.as(who, work);

  it('a role without the import right is refused inside its scope; outside it the unit is not found', async () => {
    const cellCommittee = callerWith({ role: 'CELL_COMMITTEE', scopeUnitId: demoId('unit', 101) });
    const forbidden = await as(cellCommittee, () => federation.post(IMPORT, { input: { file: file(), unitId: demoId('unit', 101), mode: 'VALID_ONLY' } }));
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const otherWard = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 11) });
    const missing = await as(otherWard, () => federation.post(IMPORT, { input: { file: file(), unitId: ward, mode: 'VALID_ONLY' } }));
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const exported = await as(otherWard, () => federation.post(`query ($unitId: ID!) { memberRegisterExport(unitId: $unitId) { rowCount } }`, { unitId: ward }));
    expect(exported.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('the export leaves the sensitive columns empty for a role that may not read them', async () => {
    const analyst = callerWith({ role: 'ANALYST', scopeUnitId: demoId('unit', 1) });
    const exported = await as(analyst, () => federation.post<{ memberRegisterExport: { contentBase64: string; rowCount: number } }>(`query ($unitId: ID!) { memberRegisterExport(unitId: $unitId) { contentBase64 rowCount } }`, { unitId: demoId('unit', 101) }));
    expect(exported.errors).toBeUndefined();
    const [header, ...rows] = await xlsxRows(exported.data!.memberRegisterExport.contentBase64);
    const sensitive = ['Dân tộc', 'Tôn giáo', 'Số CCCD'].map((name) => header!.indexOf(name));
    expect(rows.length).toBe(exported.data!.memberRegisterExport.rowCount);
    expect(rows.flatMap((row) => sensitive.map((index) => row[index] ?? null)).every((value) => value === null)).toBe(true);
    const own = await federation.post<{ memberRegisterExport: { contentBase64: string } }>(`query ($unitId: ID!) { memberRegisterExport(unitId: $unitId) { contentBase64 } }`, { unitId: demoId('unit', 101) });
    expect((await xlsxRows(own.data!.memberRegisterExport.contentBase64)).some((row) => row[sensitive[2]!] === '036080000001')).toBe(true);
  });

  it('an import job is visible only to who started it', async () => {
    const job = await imported(messy, 'VALID_ONLY', { dryRun: true });
    const otherWard = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 11) });
    const seen = await as(otherWard, () => federation.post<{ memberImportJob: Job | null }>(JOB, { id: job.id }));
    expect(seen.data!.memberImportJob).toBeNull();
  });

  it('a cell secretary imports only into cells of its own cell', async () => {
    const secretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: demoId('unit', 101) });
    const job = await as(secretary, async () => finished((await federation.post<{ importMembers: Job }>(IMPORT, { input: { file: messy, unitId: demoId('unit', 101), mode: 'VALID_ONLY', dryRun: true } })).data!.importMembers.id));
    // "Chi bộ Tổ dân phố số 2" is a sibling cell: unknown from here.
    expect(job.problems.filter((problem) => problem.code === 'UNKNOWN_CELL').map((problem) => problem.row)).toEqual(expect.arrayContaining([3, 8, 9]));
  });
});

describe('the command line', () => {
  /** The test gateway takes any token as the ward committee. */
  const run = async (cli: typeof runImportCli, args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await cli(['--', ...args, '--gateway', federation.gateway.url, '--token', 'test'], { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), env: {} }, 10);
    return { code, stdout, stderr };
  };

  it('imports a file and prints the report as a table; exports the register, which imports back unchanged', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'dangvien-import-'));
    const path = join(directory, 'danh-sach.xlsx');
    await writeFile(path, Buffer.from(await xlsxBase64(HEADERS, [...MESSY_ROWS, ['11', 'Lý Thị Mai', 'Nữ', '20/10/1992', '036192000111', '2016-03-03', null, null, 'ND-XT-1-3']]), 'base64'));
    const imported = await run(runImportCli, ['--file', path, '--unit', ward, '--mode', 'valid-only']);
    expect(imported.stderr).toContain('11/11 dòng');
    expect(imported.stdout).toMatch(/Dòng +│ Cột +│ Mức/);
    expect(imported.stdout).toContain('Không tìm thấy chi bộ "Chi bộ không có"');
    expect(imported.stdout).toContain('Đã nhập xong.');
    expect(imported.stdout).toContain('1 đảng viên mới, 3 đã có (giữ nguyên), 7 dòng lỗi');
    expect(imported.code).toBe(0);

    const out = join(directory, 'so.xlsx');
    const exported = await run(runExportCli as typeof runImportCli, ['--unit', ward, '--out', out]);
    expect(exported.code).toBe(0);
    const before = await counts();
    const reimported = await run(runImportCli, ['--file', out, '--unit', ward, '--mode', 'all-or-nothing']);
    expect(reimported.code).toBe(0);
    expect(reimported.stdout).toContain(' 0 đảng viên mới');
    expect((await readFile(out)).length).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
  });
});

describe('a district-sized file', () => {
  it('10,000 rows with all 14 columns go through the gateway, are written in one job, and a second import changes nothing', async () => {
    const headers = ['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Dân tộc', 'Tôn giáo', 'Quê quán', 'Nơi cư trú', 'Số CCCD', 'Ngày vào Đảng', 'Ngày chính thức', 'Số thẻ đảng viên', 'Chi bộ', 'Ghi chú'];
    const rows = Array.from({ length: 10_000 }, (_, i) => [
      i + 1,
      `Nguyễn Thị Phương ${i}`,
      'Nữ',
      new Date(Date.UTC(1950 + (i % 25), i % 12, 1 + (i % 28))),
      'Kinh',
      'Không',
      'Xã Xuân Hồng, huyện Xuân Trường',
      'Tổ dân phố số 7, thị trấn Xuân Trường',
      // Structured as a CCCD is: province 037, 1 (a woman born 1900–1999), the year of birth, a serial.
      `0371${String(50 + (i % 25))}${String(i * 7 + 1).padStart(6, '0')}`,
      new Date(Date.UTC(1995, 1, 3)),
      null,
      `37.${String(i).padStart(6, '0')}`,
      `ND-XT-1-${1 + (i % 3)}`,
      'Dự bị',
    ]);
    const big = { name: 'huyen.xlsx', contentBase64: await xlsxBase64(headers, rows) };
    const before = await counts();
    const job = await imported(big, 'ALL_OR_NOTHING');
    expect(job).toMatchObject({ status: 'DONE', totalRows: 10_000, createdCount: 10_000, processedRows: 10_000, skippedCount: 0 });
    expect((await counts()).member - before.member).toBe(10_000);
    const written = await counts();
    expect(await imported(big, 'ALL_OR_NOTHING')).toMatchObject({ status: 'DONE', createdCount: 0, unchangedCount: 10_000 });
    expect(await counts()).toEqual(written);
  }, 300_000);
});
