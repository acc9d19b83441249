// What every browser test of a level module shares: the system on fresh databases, chromium, a
// demo user signed in, GraphQL read-back through the gateway, the accessibility check, and
// phone-width screenshots kept as test artifacts (.test-results/screenshots/).
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { workspaceRoot } from '@dangvien/db';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { startSystem, type RunningSystem } from './system.ts';

export const PASSWORD = 'demo123';
/** The demo cell secretary (Chi bộ Tổ dân phố số 1, demo unit 101). */
export const SECRETARY = 'bithu.tdp1';
/** The demo ward committee's clerk (Đảng bộ thị trấn Xuân Trường, its 3 cells). */
export const WARD_CLERK = 'danguy.thitran';
/** The demo district organization board (Đảng bộ huyện Xuân Trường). */
export const DISTRICT_BOARD = 'bantochuc.xuantruong';

export type ModuleName = 'cell' | 'ward' | 'district';

export interface TestSystem {
  system: RunningSystem;
  browser: Browser;
  /** The shell's URL, ending in '/'. */
  shellUrl: string;
  /** The cell module served on its own (standalone), ending in '/'. */
  cellUrl: string;
  /** The ward module served on its own (standalone), ending in '/'. */
  wardUrl: string;
  /**
   * A new browser context (viewport width in px, default 1280) with the user signed in through the
   * shell's form, on the shell's page of that module (default: the cell module).
   */
  signedInPage(username?: string, width?: number, module?: ModuleName): Promise<{ context: BrowserContext; page: Page }>;
  /** A GraphQL request to the gateway as that user (for reading back what the browser did). */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, username?: string): Promise<T>;
  stop(): Promise<void>;
}

async function tokenFor(gatewayUrl: string, username: string): Promise<string> {
  const response = await fetch(`${gatewayUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (!body.accessToken) throw new Error(`sign-in of ${username} failed: HTTP ${response.status}`);
  return body.accessToken;
}

export async function signIn(page: Page, url: string, username = SECRETARY): Promise<void> {
  await page.goto(url);
  await page.getByTestId('sign-in-form').waitFor();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  await page.getByTestId('sign-in-submit').click();
}

export async function startTestSystem(): Promise<TestSystem> {
  const system = await startSystem();
  const browser = await launchChromium().catch(async (error: unknown) => {
    await system.stop();
    throw error;
  });
  const gatewayUrl = `http://127.0.0.1:${system.backend.ports.gateway}`;
  const tokens = new Map<string, string>();
  const shellUrl = system.frontends.shellUrl.endsWith('/') ? system.frontends.shellUrl : `${system.frontends.shellUrl}/`;
  return {
    system,
    browser,
    shellUrl,
    cellUrl: `http://localhost:${system.frontends.ports.cell}/`,
    wardUrl: `http://localhost:${system.frontends.ports.ward}/`,
    async signedInPage(username = SECRETARY, width = 1280, module: ModuleName = 'cell') {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
      const page = await context.newPage();
      await signIn(page, `${shellUrl}${module}`, username);
      await page.getByTestId('current-user').waitFor();
      return { context, page };
    },
    async graphql<T>(query: string, variables: Record<string, unknown> = {}, username = SECRETARY): Promise<T> {
      const token = tokens.get(username) ?? (await tokenFor(gatewayUrl, username));
      tokens.set(username, token);
      const response = await fetch(`${gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
      return body.data as T;
    },
    async stop() {
      await browser.close();
      await system.stop();
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core run in the page: the violations whose impact is serious or critical (should be none). */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  await page.addScriptTag({ path: axePath });
  // A string, evaluated in the page (this package is type-checked without the DOM library).
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) =>
    result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`)) as AxeViolation[];
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** How far the page scrolls sideways (0 when nothing overflows the viewport). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;
}

/** A full-page screenshot kept as a test artifact: .test-results/screenshots/<name>.png */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  const dir = path.join(workspaceRoot(), '.test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The demo cell's id (demo unit 101), as the demo data set has it. */
export { demoId } from '@dangvien/testing';
