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
});
afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

/** The cells of a committee, as the demo data has them. */
const unitNamed = (name: string) => demo.orgUnits.find((unit) => unit.name === name)!;
const membersOf = (cellId: string) => demo.members.filter((member) => member.cellId === cellId).map((member) => member.fullName);

describe('the shell in a real browser', () => {
  it('mounts the cell module, which shows the cell’s members read through the gateway', async () => {
    await page.goto(`${system.frontends.shellUrl}cell`);
    const table = page.getByTestId('cell-members');
    await table.waitFor();
    const cellName = await page.getByTestId('cell-name').innerText();
    const expected = membersOf(unitNamed(cellName).id);
    expect(expected.length).toBeGreaterThan(0);
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(expected.length);
    for (const name of expected) expect(rows.some((row) => row.includes(name))).toBe(true);
  });

  it('mounts the ward module, which lists the committee’s cells', async () => {
    await page.getByRole('link', { name: 'Đảng bộ cơ sở' }).click();
    const cells = page.getByTestId('ward-cells');
    await cells.waitFor();
    const wardName = await page.getByTestId('ward-name').innerText();
    const ward = unitNamed(wardName);
    const text = await cells.innerText();
    for (const cell of demo.orgUnits.filter((unit) => unit.parentId === ward.id)) expect(text).toContain(cell.name);
  });

  it('mounts the district module, which shows the tree', async () => {
    await page.getByRole('link', { name: 'Cấp trên cơ sở' }).click();
    const tree = page.getByTestId('district-tree');
    await tree.waitFor();
    const text = await tree.innerText();
    expect(text).toContain('Đảng bộ huyện Xuân Trường');
    for (const committee of demo.orgUnits.filter((unit) => unit.kind === 'GRASSROOTS_COMMITTEE')) expect(text).toContain(committee.name);
  });

  it('runs the cell module standalone on its own port', async () => {
    const standalone = await browser.newPage();
    await standalone.goto(`http://localhost:${system.frontends.ports.cell}/`);
    await standalone.getByTestId('cell-members').waitFor();
    expect(await standalone.getByTestId('cell-members').locator('tbody tr').count()).toBeGreaterThan(0);
    await standalone.close();
  });

  it('keeps working when one remote cannot be loaded: the error stays in that module’s area', async () => {
    expect(consoleErrors).toEqual([]);
    const fresh = await browser.newPage();
    await stopManaged(system.frontends.processes.find((process) => process.name === 'ward')!);
    await fresh.goto(`${system.frontends.shellUrl}ward`);
    await fresh.getByTestId('remote-error').waitFor();
    expect(await fresh.getByTestId('remote-error').innerText()).toContain('Không tải được phân hệ');
    await fresh.getByRole('link', { name: 'Chi bộ' }).click();
    await fresh.getByTestId('cell-members').waitFor();
    await fresh.close();
  });
});
