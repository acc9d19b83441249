import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoId, DISTRICT_BOARD, keepScreenshot, seriousA11yViolations, startTestSystem, type TestSystem } from './harness.ts';
import { daysFromToday, TODAY } from './calendar.ts';

/**
 * The district's organization board at 1280 px, in the shell: the organization chart (counts as the
 * server gives them, a search that opens the tree down to a cell, levels opened and closed with the
 * mouse and the keyboard); a merger of two cells run from here (preview, pending, result); the tree
 * as of the day before the merger and the day it took effect; the history listing it with its decision;
 * then the provincial administrator runs the 2025 reform of the district from its page.
 */
let system: TestSystem;
let page: Page;
const districtId = demoId('unit', 2);
const township = 'Đảng bộ thị trấn Xuân Trường';
const CELLS = ['Chi bộ Tổ dân phố số 1', 'Chi bộ Tổ dân phố số 2', 'Chi bộ Tổ dân phố số 3'];
const DECISION = '31-QĐ/HU';

// The merger takes effect a week ago, so both sides of it are in the past.
const MERGER_DAY = daysFromToday(-7);
const DAY_BEFORE = daysFromToday(-8);
// The 2025 reform of the district (run last: it ends the district board's own unit) takes effect today.
const YESTERDAY = daysFromToday(-1);
const REFORM_DECISION = '68-QĐ/TU';

const tree = (): Locator => page.getByTestId('district-tree');
// The tree item whose own row names the unit (not an ancestor, whose subtree also holds the name).
const item = (name: string): Locator => tree().locator(`xpath=.//li[@role="treeitem"][div/a[normalize-space(.)="${name}"]]`);
const childNames = (name: string): Promise<string[]> => item(name).getByRole('group').first().locator(':scope > [role="treeitem"] > div a').allInnerTexts();
// A string, evaluated in the page (this package is type-checked without the DOM library).
const focusedUnit = () => page.evaluate('document.activeElement?.getAttribute("data-unit-id") ?? null') as Promise<string | null>;
const isFocused = async (locator: Locator) => (await focusedUnit()) === (await locator.getAttribute('data-unit-id'));
const dialog = (): Locator => page.locator('dialog[open]');

async function settled(): Promise<void> {
  await page.waitForFunction('!document.querySelector(".dv-loading")', undefined, { timeout: 20_000 });
}

beforeAll(async () => {
  system = await startTestSystem();
  ({ page } = await system.signedInPage(DISTRICT_BOARD, 1280, 'district'));
});
afterAll(async () => {
  await system?.stop();
});

describe('the district board’s organization chart at 1280 px', () => {
  it('opens from the module’s navigation with the counts the server gives, the district open on its committees', async () => {
    await page.getByRole('navigation', { name: 'Các việc của cấp trên cơ sở' }).getByRole('link', { name: 'Sơ đồ tổ chức' }).click();
    await tree().waitFor();
    await settled();
    const counts = await system.graphql<{ orgUnit: { unitCounts: { kind: string; count: number }[] } }>(
      `query ($id: ID!) { orgUnit(id: $id) { unitCounts { kind count } } }`,
      { id: districtId },
      DISTRICT_BOARD,
    );
    const table = await page.getByTestId('district-counts').innerText();
    for (const { count } of counts.orgUnit.unitCounts) expect(table).toContain(String(count));
    expect(await item('Đảng bộ huyện Xuân Trường').getAttribute('aria-expanded')).toBe('true');
    expect(await childNames('Đảng bộ huyện Xuân Trường')).toEqual([township, 'Đảng bộ xã Xuân Hồng', 'Đảng bộ xã Xuân Ninh']);
    // Cells are not read until their committee is opened.
    expect(await tree().innerText()).not.toContain('Chi bộ Tổ dân phố số 1');
    expect(await tree().innerText()).not.toContain('Giao Thủy');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await keepScreenshot(page, 'district-tree-1280');
  });

  it('finds a cell by name without diacritics and opens the tree down to it; the keyboard moves, closes and opens levels', async () => {
    await page.getByTestId('tree-search').fill('xom 2');
    await page.getByTestId('tree-search-submit').click();
    const results = page.getByTestId('tree-search-results');
    await results.waitFor();
    expect(await results.getByTestId('tree-search-result').allInnerTexts()).toEqual(['Chi bộ xóm 2', 'Chi bộ xóm 2']);
    expect(await results.innerText()).toContain('Đảng bộ xã Xuân Hồng');
    await results.getByRole('button', { name: 'Hiện Chi bộ xóm 2 trong sơ đồ' }).first().click();
    const found = item('Chi bộ xóm 2');
    await expect.poll(() => found.count()).toBe(1);
    await expect.poll(() => isFocused(found)).toBe(true);
    expect(await found.getAttribute('aria-selected')).toBe('true');
    expect(await childNames('Đảng bộ xã Xuân Hồng')).toEqual(['Chi bộ xóm 1', 'Chi bộ xóm 2', 'Chi bộ xóm 3']);
    expect(await page.getByTestId('tree-selected').innerText()).toContain('Chi bộ xóm 2');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await keepScreenshot(page, 'district-tree-search-1280');

    // ← goes to the committee, ← again closes it, → opens it, ↓ goes to its first cell.
    await page.keyboard.press('ArrowLeft');
    const committee = item('Đảng bộ xã Xuân Hồng');
    await expect.poll(() => isFocused(committee)).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => committee.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => committee.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => isFocused(item('Chi bộ xóm 1').first())).toBe(true);

    // The mouse opens the township's level with the ▸ beside it.
    await item(township).locator('.district-tree__toggle').first().click();
    await expect.poll(() => childNames(township)).toEqual(CELLS);
  });

  it('merges two cells from the chart: a preview, the pending operation, then the units after it', async () => {
    await item(township).locator(':scope > div').first().click({ position: { x: 400, y: 10 } });
    await page.getByTestId('tree-selected-restructure').click();
    await page.getByTestId('unit-name').waitFor();
    expect(await page.getByTestId('unit-name').innerText()).toBe(township);
    await settled();
    await page.getByTestId('unit-merge-open').click();
    const form = dialog().getByTestId('unit-merge-form');
    await form.getByLabel(CELLS[0]!).check();
    await form.getByLabel(CELLS[1]!).check();
    await form.getByLabel('Sáp nhập vào').selectOption({ label: CELLS[2]! });
    await form.getByLabel('Ngày hiệu lực').fill(MERGER_DAY);
    await form.getByLabel('Số quyết định').fill(DECISION);
    await form.getByTestId('restructure-preview-open').click();
    const preview = form.getByTestId('restructure-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('restructure-preview-unit').allInnerTexts()).toEqual([CELLS[0], CELLS[1]]);
    expect(await preview.innerText()).toContain(DECISION);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await keepScreenshot(page, 'district-tree-merge-preview-1280');

    await form.getByTestId('restructure-confirm').click();
    const pending = dialog().getByTestId('restructure-pending');
    await pending.waitFor({ timeout: 10_000 });
    expect(await pending.innerText()).toContain('Đang thực hiện thay đổi tổ chức');
    await keepScreenshot(page, 'district-tree-merge-pending-1280');
    const result = dialog().getByTestId('restructure-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.getByTestId('restructure-result-unit').allInnerTexts()).toEqual([CELLS[2]]);
    expect(await result.innerText()).toContain('Đã hoàn tất: sáp nhập');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await keepScreenshot(page, 'district-tree-merge-result-1280');
    await dialog().getByTestId('restructure-result-close').click();
  });

  it('shows the tree as of the day before the merger (three cells) and the day it took effect (one)', async () => {
    const read = (asOf: string) =>
      system.graphql<{ orgUnit: { children: { name: string }[] } }>(`query ($id: ID!, $asOf: String) { orgUnit(id: $id, asOf: $asOf) { children { name } } }`, { id: demoId('unit', 10), asOf }, DISTRICT_BOARD);
    expect((await read(DAY_BEFORE)).orgUnit.children.map((cell) => cell.name)).toEqual(CELLS);
    expect((await read(MERGER_DAY)).orgUnit.children.map((cell) => cell.name)).toEqual([CELLS[2]]);

    await page.getByTestId('unit-back').click();
    await tree().waitFor();
    await page.getByTestId('tree-as-of').fill(DAY_BEFORE);
    await page.getByTestId('tree-past').waitFor();
    await item(township).locator('.district-tree__toggle').first().click();
    await expect.poll(() => childNames(township)).toEqual(CELLS);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await keepScreenshot(page, 'district-tree-day-before-1280');

    await page.getByTestId('tree-as-of').fill(MERGER_DAY);
    await expect.poll(() => page.getByTestId('tree-past').innerText()).toContain(MERGER_DAY.split('-').reverse().join('/'));
    // The township stays open across days; its level is read again for the new day.
    await expect.poll(() => childNames(township)).toEqual([CELLS[2]]);
    await keepScreenshot(page, 'district-tree-merger-day-1280');
  });

  it('lists the merger in the district’s history with its decision, as the server records it', async () => {
    await page.getByTestId('tree-history-link').click();
    const history = page.getByTestId('history-table');
    await history.waitFor();
    const row = history.getByRole('row').filter({ hasText: DECISION });
    expect(await row.count()).toBe(1);
    expect(await row.getByTestId('history-kind').innerText()).toBe('Sáp nhập');
    const text = await row.innerText();
    expect(text).toContain(MERGER_DAY.split('-').reverse().join('/'));
    expect(text).toContain(`${CELLS[0]} kết thúc, đảng viên về ${CELLS[2]}`);
    expect(text).toContain(`${CELLS[1]} kết thúc, đảng viên về ${CELLS[2]}`);
    const recorded = await system.graphql<{ restructurings: { kind: string; decisionNumber: string; effectiveDate: string }[] }>(
      `query ($id: ID!) { restructurings(unitId: $id) { kind decisionNumber effectiveDate } }`,
      { id: districtId },
      DISTRICT_BOARD,
    );
    expect(recorded.restructurings[0]).toEqual({ kind: 'MERGE', decisionNumber: DECISION, effectiveDate: MERGER_DAY });
    expect(await history.getByTestId('history-decision').first().innerText()).toBe(DECISION);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await keepScreenshot(page, 'district-tree-history-1280');
  });
  it('runs the 2025 reform of the district as the provincial administrator: preview, operation, result; the tree before and after', async () => {
    const provinceId = demoId('unit', 1);
    const { context, page: admin } = await system.signedInPage('quantri', 1280, 'district');
    try {
      await admin.goto(`${system.shellUrl}district/${provinceId}/tree/units/${districtId}`);
      await admin.getByTestId('unit-reform-open').click();
      const form = admin.locator('dialog[open]').getByTestId('unit-reform-form');
      await form.getByLabel('Ngày hiệu lực').fill(TODAY);
      await form.getByLabel('Số quyết định').fill(REFORM_DECISION);
      await form.getByTestId('restructure-preview-open').click();
      const preview = form.getByTestId('restructure-preview');
      await preview.waitFor();
      expect(await preview.getByTestId('restructure-preview-unit').allInnerTexts()).toEqual([township, 'Đảng bộ xã Xuân Hồng', 'Đảng bộ xã Xuân Ninh']);
      expect(await preview.innerText()).toContain('Đảng bộ huyện Xuân Trường kết thúc hoạt động');
      expect(await seriousA11yViolations(admin)).toEqual([]);
      await keepScreenshot(admin, 'district-tree-reform-preview-1280');
      await form.getByTestId('restructure-confirm').click();
      const result = admin.locator('dialog[open]').getByTestId('restructure-result');
      await result.waitFor({ timeout: 30_000 });
      const units = await result.getByTestId('restructure-result-unit').allInnerTexts();
      expect(units).toEqual(['Đảng bộ huyện Giao Thủy', township, 'Đảng bộ xã Xuân Hồng', 'Đảng bộ xã Xuân Ninh']);
      expect(await seriousA11yViolations(admin)).toEqual([]);
      await keepScreenshot(admin, 'district-tree-reform-result-1280');

      // The province's chart the day before (two districts) and from the reform on (committees directly under it).
      const level = () => `xpath=.//li[@role="treeitem"][@aria-level="2"]/div/a`;
      await admin.goto(`${system.shellUrl}district/${provinceId}/tree?asOf=${YESTERDAY}`);
      await admin.getByTestId('district-tree').waitFor();
      await expect.poll(() => admin.getByTestId('district-tree').locator(level()).allInnerTexts()).toEqual(['Đảng bộ huyện Giao Thủy', 'Đảng bộ huyện Xuân Trường']);
      await admin.getByTestId('tree-as-of-today').click();
      await expect.poll(() => admin.getByTestId('district-tree').locator(level()).allInnerTexts()).toEqual(units);
      expect(await seriousA11yViolations(admin)).toEqual([]);
      await keepScreenshot(admin, 'district-tree-reform-after-1280');
      const history = await system.graphql<{ restructurings: { kind: string; decisionNumber: string }[] }>(
        `query ($id: ID!) { restructurings(unitId: $id, from: "${TODAY}") { kind decisionNumber } }`,
        { id: provinceId },
        'quantri',
      );
      expect(history.restructurings).toEqual([{ kind: 'PROVINCE_REFORM', decisionNumber: REFORM_DECISION }]);
    } finally {
      await context.close();
    }
  });
});
