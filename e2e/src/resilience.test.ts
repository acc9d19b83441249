import { stopManaged } from '@dangvien/stack';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRICT_BOARD, keepScreenshot, SECRETARY, seriousA11yViolations, startTestSystem, type TestSystem } from './harness.ts';

/**
 * One part of the system down, in the browser: a subgraph stopped leaves the pages that need it showing
 * what the others answered, with a Vietnamese notice of what is missing, and fills the gap by itself
 * when it is back; a module's server stopped leaves the shell and the other modules working, and the
 * module appears by itself when its server is back. Nothing is reloaded by hand.
 */
let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => system?.stop());

async function openCellMembers(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Các việc của chi bộ' }).getByRole('link', { name: 'Đảng viên', exact: true }).click();
  await page.getByTestId('cell-members').locator('tbody tr').first().waitFor();
}

describe('one part down', () => {
  it('the evaluation subgraph stopped: the members list shows without grades, says what is missing, and the grades come back by themselves', async () => {
    const { page, context } = await system.signedInPage(SECRETARY);
    await openCellMembers(page);
    const table = page.getByTestId('cell-members');
    expect(await table.innerText()).toContain('Xếp loại năm');

    await stopManaged(system.system.backend.process('evaluation'));
    await page.reload();
    await page.getByTestId('partial-notice').waitFor();
    const notice = await page.getByTestId('partial-notice').innerText();
    expect(notice).toContain('Một phần dữ liệu tạm thời chưa hiển thị');
    expect(notice).toContain('sinh hoạt, nhiệm vụ và đánh giá, xếp loại');
    expect(notice).toContain('tự hiện lại');
    await table.locator('tbody tr').first().waitFor();
    const rows = await table.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(3); // the members are all there (membership and organization answered)
    expect(await table.innerText()).not.toContain('Xếp loại năm'); // only the grades are missing
    expect(await seriousA11yViolations(page)).toEqual([]);
    await keepScreenshot(page, 'resilience-partial-members');

    await system.system.backend.restart('evaluation');
    // The page asks again by itself while a part is missing: no reload here.
    await page.getByTestId('partial-notice').waitFor({ state: 'detached', timeout: 30_000 });
    await table.getByText('Xếp loại năm').first().waitFor();
    expect(await table.locator('tbody tr').count()).toBe(rows);
    await context.close();
  });

  it('the ward module’s server stopped: the shell and the cell module keep working, and the ward module appears by itself once its server is back', async () => {
    const { page, context } = await system.signedInPage(DISTRICT_BOARD, 1280, 'district');
    await system.system.frontends.stopOne('ward');
    await page.getByRole('link', { name: 'Đảng bộ cơ sở', exact: true }).click();
    await page.getByTestId('remote-error').waitFor();
    const message = await page.getByTestId('remote-error').innerText();
    expect(message).toContain('Không tải được phân hệ');
    expect(message).toContain('Các phần khác vẫn dùng được');
    expect(message).toMatch(/tự thử tải lại sau \d+ giây/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await keepScreenshot(page, 'resilience-remote-down');

    // Another module meanwhile.
    await page.getByRole('link', { name: 'Chi bộ', exact: true }).click();
    await page.getByTestId('cell-name').waitFor();

    await page.getByRole('link', { name: 'Đảng bộ cơ sở', exact: true }).click();
    await page.getByTestId('remote-error').waitFor();
    await system.system.frontends.startOne('ward');
    await page.getByTestId('ward-name').waitFor({ timeout: 45_000 });
    expect(await page.getByTestId('remote-error').count()).toBe(0);
    await keepScreenshot(page, 'resilience-remote-back');
    await context.close();
  });
});
