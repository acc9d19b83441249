import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip bytes of every JavaScript file a built front end ships (its dist/), whether a page loads it or not. */
export function gzipJavaScriptBytes(distDir: string): number | null {
  try {
    statSync(distDir);
  } catch {
    return null;
  }
  let total = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(m?js)$/.test(entry.name)) total += gzipSync(readFileSync(file), { level: 9 }).length;
    }
  };
  walk(distDir);
  return total;
}

/** The part of the browser's Storage used here (this package is type-checked without the DOM library). */
interface BrowserStorage {
  length: number;
  setItem(key: string, value: string): void;
}

export interface BrowserTiming {
  /** ms from navigation to the cell's data on screen, with an empty HTTP cache (sign-in included). */
  coldMs: number;
  /** ms from the sign-in click to the cell's data (the cold load minus the form). */
  coldAfterSignInMs: number;
  /** ms for the same after a reload: cache warm, session restored. */
  warmMs: number;
  /** ms from navigation to the cell's data for a signed-in clerk with an empty HTTP cache (new browser context, session copied). */
  coldSignedInMs: number;
  /** JavaScript bytes on the wire (as sent: brotli or gzip) in the cold load, by the front end that served it. */
  loadedJavaScript: Record<string, number>;
  /** Every byte on the wire in the cold load (HTML, JS, CSS, data), by the front end that served it. */
  loadedTotal: Record<string, number>;
  /** Second visit (same tab, navigated away and back): static files asked for, and how many came from the browser's cache. */
  secondVisit: { staticRequests: number; fromCache: number };
  /** The ward clerk's cold load of /ward (empty cache): JavaScript on the wire by front end, and ms from the sign-in click to the committee's page with its data. */
  ward?: { loadedJavaScript: Record<string, number>; afterSignInMs: number };
}

/** The cell's page is there with its data: the layout's title names the cell and nothing is loading. */
const CELL_DATA_VISIBLE = `(() => {
  const name = document.querySelector('[data-testid="cell-name"]');
  return name && name.textContent.includes('Tổ dân phố') && !document.querySelector('.dv-loading');
})()`;

/** The committee's page is there with its data: the layout's title names it and nothing is loading. */
const WARD_DATA_VISIBLE = `(() => {
  const name = document.querySelector('[data-testid="ward-name"]');
  return name && name.textContent.includes('Đảng bộ') && !document.querySelector('.dv-loading');
})()`;

/**
 * The shell in chromium on the demo data (the demo accounts live there): a cell secretary opens the
 * cell module, signs in, and waits for her cell's page with its data; then reloads; then opens it in a
 * new tab of the same browser (second visit); then in a new browser with her session (cold, signed in).
 */
export async function measureShellInBrowser(options: { serverUrl: string; prefix: string; build: boolean; log: (line: string) => void }): Promise<BrowserTiming> {
  const { startBackend, buildFrontends, serveFrontends } = await import('@dangvien/stack');
  const { freePort } = await import('@dangvien/db');
  const { chromium } = await import('playwright-core');
  const backend = await startBackend({
    serverUrl: options.serverUrl,
    databasePrefix: options.prefix,
    fresh: true,
    dropOnStop: true,
    seedDemo: true,
    log: () => undefined,
    ports: { gateway: await freePort(), organization: await freePort(), membership: await freePort(), evaluation: await freePort() },
  });
  try {
    if (options.build) {
      options.log('building the front ends…');
      await buildFrontends(() => undefined);
    }
    const ports = { shell: await freePort(), district: await freePort(), ward: await freePort(), cell: await freePort() };
    const frontends = await serveFrontends({ gatewayPort: backend.ports.gateway, ports, log: () => undefined });
    const moduleByPort = new Map(Object.entries(ports).map(([name, port]) => [String(port), name]));
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const loadedJavaScript: Record<string, number> = {};
      const loadedTotal: Record<string, number> = {};
      const pending: Promise<void>[] = [];
      let counting = true;
      page.on('requestfinished', (request) => {
        if (!counting) return;
        const url = new URL(request.url());
        const name = moduleByPort.get(url.port) ?? url.host;
        pending.push(
          request.sizes().then(
            (sizes) => {
              // The body as it came over the wire (compressed), plus the response headers.
              const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
              loadedTotal[name] = (loadedTotal[name] ?? 0) + bytes;
              if (/\.m?js$/.test(url.pathname)) loadedJavaScript[name] = (loadedJavaScript[name] ?? 0) + sizes.responseBodySize;
            },
            () => undefined,
          ),
        );
      });
      const coldStart = performance.now();
      await page.goto(`${frontends.shellUrl}cell`);
      await page.getByTestId('sign-in-form').waitFor();
      await page.getByLabel('Tên đăng nhập').fill('bithu.tdp1');
      await page.getByLabel('Mật khẩu', { exact: true }).fill('demo123');
      const signInStart = performance.now();
      await page.getByTestId('sign-in-submit').click();
      await page.waitForFunction(CELL_DATA_VISIBLE, undefined, { timeout: 60_000, polling: 16 });
      const coldMs = performance.now() - coldStart;
      const coldAfterSignInMs = performance.now() - signInStart;
      await page.waitForLoadState('networkidle');
      counting = false;
      await Promise.all(pending);
      const warmStart = performance.now();
      await page.reload();
      await page.waitForFunction(CELL_DATA_VISIBLE, undefined, { timeout: 60_000, polling: 16 });
      const warmMs = performance.now() - warmStart;

      // Second visit: she comes back to the page later in the same tab (the session lives in the tab's
      // sessionStorage); Chromium's own account of where each static file came from.
      await page.goto('about:blank');
      const second = page;
      const cdp = await context.newCDPSession(second);
      await cdp.send('Network.enable');
      const staticRequests = new Set<string>();
      const fromCache = new Set<string>();
      cdp.on('Network.requestWillBeSent', (event) => {
        if (new URL(event.request.url).pathname.startsWith('/assets/')) staticRequests.add(event.requestId);
      });
      cdp.on('Network.requestServedFromCache', (event) => fromCache.add(event.requestId));
      cdp.on('Network.responseReceived', (event) => {
        if (event.response.fromDiskCache) fromCache.add(event.requestId);
      });
      await second.goto(`${frontends.shellUrl}cell`);
      await second.waitForFunction(CELL_DATA_VISIBLE, undefined, { timeout: 60_000, polling: 16 });
      await second.waitForLoadState('networkidle');
      const secondVisit = { staticRequests: staticRequests.size, fromCache: [...staticRequests].filter((id) => fromCache.has(id)).length };

      // A clerk who is signed in opens the page on a browser with nothing cached: the session (kept in
      // sessionStorage) is carried over to a fresh context, and the first page stops using it.
      const session = await page.evaluate(() => JSON.stringify(Object.entries((globalThis as unknown as { sessionStorage: BrowserStorage }).sessionStorage)));
      await context.close();
      const coldContext = await browser.newContext();
      await coldContext.addInitScript((entries: string) => {
        const storage = (globalThis as unknown as { sessionStorage: BrowserStorage }).sessionStorage;
        if (storage.length === 0) for (const [key, value] of JSON.parse(entries) as [string, string][]) storage.setItem(key, value);
      }, session);
      const coldPage = await coldContext.newPage();
      const coldSignedInStart = performance.now();
      await coldPage.goto(`${frontends.shellUrl}cell`);
      await coldPage.waitForFunction(CELL_DATA_VISIBLE, undefined, { timeout: 60_000, polling: 16 });
      const coldSignedInMs = performance.now() - coldSignedInStart;
      await coldContext.close();

      // The ward committee's clerk opens the ward module on a browser with nothing cached.
      const wardContext = await browser.newContext();
      const wardPage = await wardContext.newPage();
      const wardJavaScript: Record<string, number> = {};
      const wardPending: Promise<void>[] = [];
      wardPage.on('requestfinished', (request) => {
        const url = new URL(request.url());
        if (!/\.m?js$/.test(url.pathname)) return;
        const name = moduleByPort.get(url.port) ?? url.host;
        wardPending.push(request.sizes().then((sizes) => void (wardJavaScript[name] = (wardJavaScript[name] ?? 0) + sizes.responseBodySize), () => undefined));
      });
      await wardPage.goto(`${frontends.shellUrl}ward`);
      await wardPage.getByTestId('sign-in-form').waitFor();
      await wardPage.getByLabel('Tên đăng nhập').fill('danguy.thitran');
      await wardPage.getByLabel('Mật khẩu', { exact: true }).fill('demo123');
      const wardStart = performance.now();
      await wardPage.getByTestId('sign-in-submit').click();
      await wardPage.waitForFunction(WARD_DATA_VISIBLE, undefined, { timeout: 60_000, polling: 16 });
      const wardAfterSignInMs = performance.now() - wardStart;
      await wardPage.waitForLoadState('networkidle');
      await Promise.all(wardPending);
      await wardContext.close();
      return {
        coldMs,
        coldAfterSignInMs,
        warmMs,
        coldSignedInMs,
        loadedJavaScript,
        loadedTotal,
        secondVisit,
        ward: { loadedJavaScript: wardJavaScript, afterSignInMs: wardAfterSignInMs },
      };
    } finally {
      await browser.close();
      await frontends.stop();
    }
  } finally {
    await backend.stop();
  }
}
