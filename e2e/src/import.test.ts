import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { seriousA11yViolations } from './harness.ts';
import { startSystem, type RunningSystem } from './system.ts';

/**
 * A ward clerk imports a small messy member list in the ward module, in a real browser: the mapping
 * comes pre-filled from the Vietnamese headers, the report names each problem by row and column, and
 * importing the valid rows ends with a result.
 */
let system: RunningSystem;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  system = await startSystem();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(system.frontends.shellUrl);
  await page.getByTestId('sign-in-form').waitFor();
  await page.getByLabel('Tên đăng nhập').fill('danguy.thitran');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('demo123');
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('current-user').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

// Row 2 valid (dd/mm/yyyy, NFD name with extra spaces), row 3 valid (yyyy-mm-dd), row 4 a CCCD that
// lost its leading 0, row 5 an impossible date, row 6 a cell that does not exist, row 7 the CCCD of row 2.
const MESSY_CSV = [
  'STT;Họ và tên;Ngày sinh;Số CCCD;Ngày vào Đảng;Chi bộ',
  `1;${'  Nguyễn   Thị Lan '.normalize('NFD')};05/03/1985;036185000101;15/06/2010;Chi bộ Tổ dân phố số 1`,
  '2;Trần Văn Nam;1979-11-02;036079000102;2005-09-01;chi bo to dan pho so 2',
  '3;Lê Văn Bảo;12/12/1970;36070000103;01/01/2000;Chi bộ Tổ dân phố số 1',
  '4;Phạm Thị Cúc;31/02/1980;036180000104;05/05/2005;Chi bộ Tổ dân phố số 1',
  '5;Đỗ Văn Dũng;03/03/1984;036084000105;04/04/2008;Chi bộ không có',
  '6;Vũ Văn Em;01/01/1982;036185000101;02/02/2006;Chi bộ Tổ dân phố số 3',
].join('\r\n');

describe('importing a member list in the ward module', () => {
  it('shows the pre-filled mapping and a report of every problem, then imports the valid rows', async () => {
    await page.goto(`${system.frontends.shellUrl}ward`);
    await page.getByRole('navigation', { name: 'Các việc của đảng bộ' }).getByRole('link', { name: 'Nhập danh sách' }).click();
    const panel = page.getByTestId('member-import');
    await panel.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('import-file').setInputFiles({ name: 'danh-sach.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${MESSY_CSV}`, 'utf8') });
    await page.getByTestId('import-mapping').waitFor();
    expect(await page.getByLabel('Cột "Ngày sinh" là thông tin').inputValue()).toBe('DATE_OF_BIRTH');
    expect(await page.getByLabel('Cột "STT" là thông tin').inputValue()).toBe('');

    await page.getByTestId('import-check').click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    const rows = (await report.locator('tbody tr').allInnerTexts()).map((row) => row.replace(/\s+/g, ' '));
    expect(rows.some((row) => row.startsWith('2 Họ và tên Đã tự sửa'))).toBe(true);
    expect(rows.some((row) => row.startsWith('4 Số CCCD') && row.includes('036070000103'))).toBe(true);
    expect(rows.some((row) => row.startsWith('5 Ngày sinh') && row.includes('không có thật'))).toBe(true);
    expect(rows.some((row) => row.startsWith('6 Chi bộ') && row.includes('Không tìm thấy chi bộ'))).toBe(true);
    expect(rows.some((row) => row.startsWith('7 Số CCCD') && row.includes('dòng 2'))).toBe(true);
    expect(await page.getByTestId('import-summary').innerText()).toContain('2 dòng hợp lệ');

    await page.getByLabel('Nhập các dòng hợp lệ, bỏ qua dòng có lỗi').check();
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-result').innerText()).toContain('Đã nhập xong. 2 đảng viên mới');
  });
});
