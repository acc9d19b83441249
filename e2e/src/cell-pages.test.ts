import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoId, horizontalOverflow, keepScreenshot, seriousA11yViolations, signIn, startTestSystem, type TestSystem } from './harness.ts';

/**
 * Every page of the cell module, as the demo secretary sees it on a 360 px phone and a 1280 px
 * desktop: it loads, nothing scrolls sideways, axe-core finds no serious or critical violation.
 * Screenshots are kept in .test-results/screenshots/cell-<page>-<width>.png.
 */
let cell: TestSystem;
const cellId = demoId('unit', 101);

const PAGES = [
  { name: 'home', path: '' },
  { name: 'members', path: '/members' },
  { name: 'meetings', path: '/meetings' },
  { name: 'meeting-new', path: '/meetings/new' },
  { name: 'tasks', path: '/tasks' },
  { name: 'review', path: '/review' },
  { name: 'residence', path: '/residence' },
  { name: 'dues', path: '/dues' },
] as const;

beforeAll(async () => {
  cell = await startTestSystem();
});
afterAll(async () => {
  await cell?.stop();
});

/** Opens a page of the cell and waits until its content (not a loading line) is there. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${cell.shellUrl}cell/${cellId}${path}`);
  await page.getByRole('navigation', { name: 'Các việc của chi bộ' }).waitFor();
  await page.waitForFunction('!document.querySelector(".dv-loading")', undefined, { timeout: 20_000 });
}

for (const width of [360, 1280]) {
  describe(`every cell page at ${width} px`, () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      ({ context, page } = await cell.signedInPage(undefined, width));
    });
    afterAll(async () => {
      await context?.close();
    });

    for (const { name, path } of PAGES) {
      it(`${name}: loads, no sideways scrolling, no serious accessibility violation`, async () => {
        await open(page, path);
        await keepScreenshot(page, `cell-${name}-${width}`);
        expect(await page.locator('.dv-error').count(), 'no error box').toBe(0);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        expect(await seriousA11yViolations(page)).toEqual([]);
      });
    }
  });
}

describe('the cell module on its own', () => {
  it('runs standalone (its own server, its own sign-in) as well as inside the shell', async () => {
    const context = await cell.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, `${cell.cellUrl}${cellId}`);
    await page.getByRole('navigation', { name: 'Các việc của chi bộ' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Chi bộ');
    await context.close();
  });
});
