import { demoDataSet } from '@dangvien/demo-data';
import { stopManaged } from '@dangvien/stack';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { startSystem, type RunningSystem } from './system.ts';

const demo = demoDataSet();
let system: RunningSystem;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  system = await startSystem();
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await signIn(page, 'bantochuc.xuantruong');
});

/** Signs in through the shell's form, as a clerk would. */
async function signIn(target: Page, username: string, path = ''): Promise<void> {
  await target.goto(`${system.frontends.shellUrl}${path}`);
  await target.getByTestId('sign-in-form').waitFor();
  await target.getByLabel('Tên đăng nhập').fill(username);
  await target.getByLabel('Mật khẩu', { exact: true }).fill('demo123');
  await target.getByTestId('sign-in-submit').click();
  await target.getByTestId('current-user').waitFor();
}
/** The cell module opens on the cell's home; its members are one click away in the module's navigation. */
async function openCellMembers(target: Page, url: string): Promise<void> {
  await target.goto(url);
  await target.getByRole('navigation', { name: 'Các việc của chi bộ' }).getByRole('link', { name: 'Đảng viên', exact: true }).click();
  await target.getByTestId('cell-members').locator('tbody tr').first().waitFor();
}

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

/** The cells of a committee, as the demo data has them. */
const unitNamed = (name: string) => demo.orgUnits.find((unit) => unit.name === name)!;
const membersOf = (cellId: string) => demo.members.filter((member) => member.cellId === cellId).map((member) => member.fullName);

describe('the shell in a real browser', () => {
  it('asks for sign-in first, and refuses a wrong password in Vietnamese', async () => {
    const fresh = await browser.newPage();
    await fresh.goto(system.frontends.shellUrl);
    await fresh.getByTestId('sign-in-form').waitFor();
    await fresh.getByLabel('Tên đăng nhập').fill('bithu.tdp1');
    await fresh.getByLabel('Mật khẩu', { exact: true }).fill('sai-mat-khau');
    await fresh.getByTestId('sign-in-submit').click();
    await fresh.getByTestId('sign-in-error').waitFor();
    expect(await fresh.getByTestId('sign-in-error').innerText()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    await fresh.close();
  });

  it('shows the district board all three modules', async () => {
    const nav = await page.getByRole('navigation', { name: 'Các cấp quản lý' }).innerText();
    for (const label of ['Cấp trên cơ sở', 'Đảng bộ cơ sở', 'Chi bộ']) expect(nav).toContain(label);
  });

  it('mounts the cell module, which shows the cell’s members read through the gateway', async () => {
    await openCellMembers(page, `${system.frontends.shellUrl}cell`);
    const table = page.getByTestId('cell-members');
    const cellName = await page.getByTestId('cell-name').innerText();
    const expected = membersOf(unitNamed(cellName).id);
    expect(expected.length).toBeGreaterThan(0);
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(expected.length);
    for (const name of expected) expect(rows.some((row) => row.includes(name))).toBe(true);
  });

  it('mounts the ward module, which lists the committee’s cells', async () => {
    await page.getByRole('link', { name: 'Đảng bộ cơ sở' }).click();
    await page.getByRole('navigation', { name: 'Các việc của đảng bộ' }).getByRole('link', { name: 'Các chi bộ' }).click();
    const cells = page.getByTestId('ward-cells');
    await cells.waitFor();
    const wardName = await page.getByTestId('ward-name').innerText();
    const ward = unitNamed(wardName);
    const text = await cells.innerText();
    for (const cell of demo.orgUnits.filter((unit) => unit.parentId === ward.id)) expect(text).toContain(cell.name);
  });

  it('mounts the district module, which shows the tree', async () => {
    await page.getByRole('link', { name: 'Cấp trên cơ sở' }).click();
    await page.getByRole('navigation', { name: 'Các việc của cấp trên cơ sở' }).getByRole('link', { name: 'Sơ đồ tổ chức' }).click();
    const tree = page.getByTestId('district-tree');
    await tree.waitFor();
    const text = await tree.innerText();
    expect(text).toContain('Đảng bộ huyện Xuân Trường');
    // The district board sees its own district's committees, and not the other district.
    const xuanTruong = demo.orgUnits.find((unit) => unit.name === 'Đảng bộ huyện Xuân Trường')!;
    for (const committee of demo.orgUnits.filter((unit) => unit.parentId === xuanTruong.id)) expect(text).toContain(committee.name);
    expect(text).not.toContain('Giao Thủy');
  });

  it('shows a cell secretary only the cell module, and only her cell’s members', async () => {
    const secretary = await browser.newPage();
    await signIn(secretary, 'bithu.tdp1');
    const nav = await secretary.getByRole('navigation', { name: 'Các cấp quản lý' }).innerText();
    expect(nav).toContain('Chi bộ');
    expect(nav).not.toContain('Đảng bộ cơ sở');
    expect(nav).not.toContain('Cấp trên cơ sở');
    await openCellMembers(secretary, `${system.frontends.shellUrl}cell`);
    const ownCell = demo.orgUnits.find((unit) => unit.id === '10000000-0000-4000-8000-000000000101')!;
    expect(await secretary.getByTestId('cell-name').innerText()).toBe(ownCell.name);
    const rows = await secretary.getByTestId('cell-members').locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(membersOf(ownCell.id).length);
    // She has one cell: no cell picker is offered.
    expect(await secretary.getByLabel('Chọn chi bộ').count()).toBe(0);
    await secretary.goto(`${system.frontends.shellUrl}ward`);
    await secretary.getByTestId('module-forbidden').waitFor();
    await secretary.close();
  });

  it('runs the cell module standalone on its own port', async () => {
    const standalone = await browser.newPage();
    await standalone.goto(`http://localhost:${system.frontends.ports.cell}/`);
    await standalone.getByTestId('sign-in-form').waitFor();
    await standalone.getByLabel('Tên đăng nhập').fill('chiuy.tdp1');
    await standalone.getByLabel('Mật khẩu', { exact: true }).fill('demo123');
    await standalone.getByTestId('sign-in-submit').click();
    await standalone.getByRole('navigation', { name: 'Các việc của chi bộ' }).getByRole('link', { name: 'Đảng viên', exact: true }).click();
    await standalone.getByTestId('cell-members').locator('tbody tr').first().waitFor();
    expect(await standalone.getByTestId('cell-members').locator('tbody tr').count()).toBeGreaterThan(0);
    await standalone.close();
  });

  it('serves hashed assets as immutable, so a second visit takes every one of them from the browser cache', async () => {
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await signIn(visitor, 'bithu.tdp1', 'cell');
    // The first visit opens the pages the second one will (each page is a chunk loaded when opened).
    await openCellMembers(visitor, `${system.frontends.shellUrl}cell`);

    // Chromium's own account of where each response came from (DevTools protocol).
    const cdp = await context.newCDPSession(visitor);
    await cdp.send('Network.enable');
    const assets = new Map<string, string>();
    const fromCache = new Set<string>();
    cdp.on('Network.requestWillBeSent', (event) => {
      if (new URL(event.request.url).pathname.startsWith('/assets/')) assets.set(event.requestId, event.request.url);
    });
    cdp.on('Network.requestServedFromCache', (event) => fromCache.add(event.requestId));
    cdp.on('Network.responseReceived', (event) => {
      if (event.response.fromDiskCache) fromCache.add(event.requestId);
    });
    await openCellMembers(visitor, `${system.frontends.shellUrl}cell`);

    expect(assets.size).toBeGreaterThan(5);
    expect([...assets].filter(([id]) => !fromCache.has(id)).map(([, url]) => url)).toEqual([]);
    // The entry points are revalidated on every visit, so a redeployed module is picked up at once.
    const entry = await fetch(`http://localhost:${system.frontends.ports.cell}/remoteEntry.js`);
    expect(entry.headers.get('cache-control')).toBe('no-cache');
    await context.close();
  });

  it('keeps working when one remote cannot be loaded: the error stays in that module’s area', async () => {
    expect(consoleErrors).toEqual([]);
    const fresh = await browser.newPage();
    await stopManaged(system.frontends.processes.find((process) => process.name === 'ward')!);
    await signIn(fresh, 'bantochuc.xuantruong', 'ward');
    await fresh.goto(`${system.frontends.shellUrl}ward`);
    await fresh.getByTestId('remote-error').waitFor();
    expect(await fresh.getByTestId('remote-error').innerText()).toContain('Không tải được phân hệ');
    await fresh.getByRole('link', { name: 'Chi bộ', exact: true }).click();
    await fresh.getByTestId('cell-name').waitFor();
    await fresh.close();
  });
});
