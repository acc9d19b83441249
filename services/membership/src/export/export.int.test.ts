import { replicateOrgUnits } from '@dangvien/org-replica';
import { xlsxRows } from '@dangvien/spreadsheet/testing';
import { callerWith, demoDataSet, demoId, startTestSubgraph, type TestSubgraph } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MembershipDatabase } from '../database.ts';
import { membershipSubgraph } from '../subgraph.ts';

let subgraph: TestSubgraph<MembershipDatabase>;
const cell = demoId('unit', 101);

const EXPORT = `query ($unitId: ID!) { memberRegisterExport(unitId: $unitId) { fileName contentBase64 rowCount } }`;
type Exported = { memberRegisterExport: { fileName: string; contentBase64: string; rowCount: number } };

beforeAll(async () => {
  subgraph = await startTestSubgraph(membershipSubgraph);
  await replicateOrgUnits(subgraph.db, demoDataSet().orgUnits);
  for (const [fullName, dateOfBirth, admittedOn] of [['Ngô Văn Xuất', '1980-02-03', '2005-06-07'], ['Hà Thị Bảng', '1990-10-11', '2015-01-02']] as const) {
    const response = await subgraph.post(`mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }`, {
      input: { profile: { fullName, dateOfBirth, ethnicity: 'Kinh', sex: 'MALE' }, cellId: cell, admittedOn },
    });
    expect(response.errors).toBeUndefined();
  }
});
afterAll(async () => subgraph.close());

describe('the member register export', () => {
  it('writes the 14 columns of a cell’s members in Vietnamese order, as .xlsx', async () => {
    const response = await subgraph.post<Exported>(EXPORT, { unitId: cell });
    expect(response.errors).toBeUndefined();
    const file = response.data!.memberRegisterExport;
    expect(file.rowCount).toBe(2);
    expect(file.fileName).toMatch(/^so-danh-sach-dang-vien-.+\.xlsx$/);
    const [header, ...rows] = await xlsxRows(file.contentBase64);
    expect(header).toHaveLength(14);
    expect(header!.slice(0, 5)).toEqual(['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Dân tộc']);
    // Given names Bảng < Xuất.
    expect(rows.map((row) => [row[0], row[1], row[2], row[4]])).toEqual([
      [1, 'Hà Thị Bảng', 'Nam', 'Kinh'],
      [2, 'Ngô Văn Xuất', 'Nam', 'Kinh'],
    ]);
  });

  it('leaves the sensitive columns empty for a role that may not read them', async () => {
    const response = await subgraph.post<Exported>(EXPORT, { unitId: cell }, callerWith({ role: 'ANALYST', scopeUnitId: demoId('unit', 1) }));
    expect(response.errors).toBeUndefined();
    const [, ...rows] = await xlsxRows(response.data!.memberRegisterExport.contentBase64);
    expect(rows.map((row) => row[4] ?? null)).toEqual([null, null]);
  });
});
