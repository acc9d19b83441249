import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoId, keepScreenshot, PASSWORD, seriousA11yViolations, startTestSystem, type TestSystem } from './harness.ts';

/**
 * The demo analyst in the explorer the gateway serves (docs/analysts.md), with every request to
 * anything but this machine aborted: opens it from the shell, runs a documented query across the three
 * subgraphs, saves it, reopens it, downloads its result as .xlsx (read back here and compared with the
 * same GraphQL query), and is refused a mutation.
 */
const ANALYST = 'phantich';
const SAVED_NAME = 'Đảng viên chi bộ TDP 1 và xếp loại';
const CELL_QUERY = `query ($cellId: ID!) { orgUnit(id: $cellId) { name members(first: 100) { fullName reviews { year grade } } } }`;

let system: TestSystem;
let context: BrowserContext;
let page: Page;
/** Requests the browser tried to send off this machine (each was aborted). */
const outside: string[] = [];
/** Every URL the browser asked for, in order. */
const requested: string[] = [];

beforeAll(async () => {
  system = await startTestSystem();
  context = await system.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    requested.push(url.href);
    if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') return route.continue();
    outside.push(url.href);
    return route.abort('internetdisconnected');
  });
  page = await context.newPage();
}, 600_000);
afterAll(async () => {
  await context?.close();
  await system?.stop();
});

const response = () => page.locator('.graphiql-response');
/** The response editor's text (Monaco shows spaces as no-break spaces and wraps long lines), white space folded. */
const responseText = async () => (await response().innerText()).replace(/\s+/g, ' ');
const run = () => page.locator('.graphiql-execute-button').click();

describe('the analyst’s explorer', () => {
  it('opens from the shell with the same session, loads nothing from outside, offers no mutation', async () => {
    await page.goto(`${system.shellUrl}district`);
    await page.getByTestId('sign-in-form').waitFor();
    await page.getByLabel('Tên đăng nhập').fill(ANALYST);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page
      .getByTestId('current-user')
      .waitFor()
      .catch(async (error: unknown) => {
        await keepScreenshot(page, 'explorer-debug-signin');
        console.log('outside', outside, 'requested', requested.slice(-20));
        throw error;
      });
    // The shell's first load asks nothing of the explorer.
    expect(requested.filter((url) => url.includes('/explorer/'))).toEqual([]);

    await page.getByTestId('open-explorer').click();
    await page.waitForURL(/\/explorer\/$/);
    await page.getByTestId('graphiql').waitFor({ timeout: 60_000 });
    await page.locator('.graphiql-execute-button').waitFor();
    await page.locator('.graphiql-query-editor .monaco-editor').waitFor({ timeout: 60_000 });
    // No second sign-in: the shell's session carried over (same origin, same tab).
    expect(await page.getByTestId('sign-in-form').count()).toBe(0);
    expect(await page.getByTestId('current-user').innerText()).toContain('Vũ Minh Tuấn');
    await expect.poll(() => page.getByTestId('read-only').isVisible()).toBe(true);
    // Its Docs list the root types it offers: Query, no Mutation.
    await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
    const docs = page.locator('.graphiql-doc-explorer');
    await expect.poll(() => docs.innerText()).toContain('query: Query');
    expect(await docs.innerText()).not.toMatch(/mutation/i);
    await keepScreenshot(page, 'explorer-open');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(outside).toEqual([]);
  }, 120_000);

  it('runs a documented query across organization, membership and evaluation', async () => {
    await page.getByTestId('examples').selectOption('cell-members-reviews');
    await page.locator('.graphiql-execute-button').waitFor();
    await run();
    await expect.poll(() => responseText(), { timeout: 30_000 }).toContain('Chi bộ Tổ dân phố số 1');
    const text = await responseText();
    expect(text).toContain('Đảng bộ thị trấn Xuân Trường'); // organization
    const expected = await system.graphql<{ orgUnit: { members: { fullName: string }[] } }>(CELL_QUERY, { cellId: demoId('unit', 101) }, ANALYST);
    expect(text).toContain(expected.orgUnit.members[0]!.fullName); // membership
    expect(text).toMatch(/"grade": "(EXCELLENT|GOOD|COMPLETED)"/); // evaluation
    await keepScreenshot(page, 'explorer-example-run');
  }, 60_000);

  it('saves the query with its variables and reopens it', async () => {
    await page.getByTestId('save-name').fill(SAVED_NAME);
    await page.getByTestId('save-query').click();
    await page.getByRole('button', { name: `Mở: ${SAVED_NAME}` }).waitFor();
    const saved = await system.graphql<{ savedQueries: { name: string; query: string; variables: string; mine: boolean }[] }>('{ savedQueries { name query variables mine } }', {}, ANALYST);
    const mine = saved.savedQueries.find((query) => query.name === SAVED_NAME)!;
    expect(mine.mine).toBe(true);
    expect(mine.query).toContain('query CellMembersAndReviews');
    expect(JSON.parse(mine.variables)).toEqual({ cellId: demoId('unit', 101) });

    // Another question in the editor, then the saved one again.
    await page.getByTestId('examples').selectOption('district-overview');
    await run();
    await expect.poll(() => responseText(), { timeout: 30_000 }).toContain('Đảng bộ huyện Xuân Trường');
    await page.getByRole('button', { name: `Mở: ${SAVED_NAME}` }).click();
    await run();
    await expect.poll(() => responseText(), { timeout: 30_000 }).toContain('Chi bộ Tổ dân phố số 1');
    await keepScreenshot(page, 'explorer-saved-reopened');
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 60_000);

  it('downloads the result as .xlsx, one row per review, as GraphQL answers the same query', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
    expect(download.suggestedFilename()).toBe('ket-qua-CellMembersAndReviews.xlsx');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'explorer-')), download.suggestedFilename());
    await download.saveAs(file);
    await expect.poll(() => page.getByTestId('download-result').innerText()).toContain('Đã tải ket-qua-CellMembersAndReviews.xlsx');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    const rows = sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    const [header, ...body] = rows;
    expect(header).toEqual(['name', 'parent.name', 'members.fullName', 'members.status', 'members.dateOfBirth', 'members.reviews.year', 'members.reviews.grade']);

    const answer = await system.graphql<{ orgUnit: { name: string; members: { fullName: string; reviews: { year: number; grade: string }[] }[] } }>(
      CELL_QUERY,
      { cellId: demoId('unit', 101) },
      ANALYST,
    );
    const expected = answer.orgUnit.members.flatMap((member) => member.reviews.map((review) => `${answer.orgUnit.name}|${member.fullName}|${review.year}|${review.grade}`)).sort();
    expect(body.map((row) => `${String(row[0])}|${String(row[2])}|${String(row[5])}|${String(row[6])}`).sort()).toEqual(expected);
    expect(body).toHaveLength(22);
  }, 60_000);

  it('is refused a mutation by the server', async () => {
    await page.locator('.graphiql-query-editor .monaco-editor').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(`mutation Rename { renameOrgUnit(input: { id: "${demoId('unit', 101)}", name: "Đổi tên", effectiveDate: "2026-01-01", decisionNumber: "1-QĐ" }) { id name } }`);
    await run();
    await expect.poll(() => responseText(), { timeout: 30_000 }).toContain('FORBIDDEN');
    expect(await responseText()).toContain('Vai trò của bạn không được');
    const unit = await system.graphql<{ orgUnit: { name: string } }>('query ($id: ID!) { orgUnit(id: $id) { name } }', { id: demoId('unit', 101) }, ANALYST);
    expect(unit.orgUnit.name).toBe('Chi bộ Tổ dân phố số 1');
    await keepScreenshot(page, 'explorer-mutation-refused');
    expect(outside).toEqual([]);
  }, 60_000);
});
