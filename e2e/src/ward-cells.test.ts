import { todayInVietnam } from '@dangvien/db';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoId, keepScreenshot, SECRETARY, seriousA11yViolations, startTestSystem, WARD_CLERK, type TestSystem } from './harness.ts';

/**
 * The ward committee's clerk at 1280 px: the home page (size, open alerts grouped by kind, each
 * linking to where it is resolved) and the cells page (the tree with its figures); then she
 * dissolves a cell with members into another, one member sent to a third cell (where he lives): the
 * server's refusal of a bad date shows next to the date and changes nothing; the preview names who
 * moves where, the operation is pending until every subgraph has applied it, the result says where
 * they are now. Read back through the gateway: the named member is in his cell, the others in the
 * successor; the dissolved cell is gone from today's tree and still in the tree of the day before,
 * in the browser and through GraphQL.
 */
let ward: TestSystem;
const committeeId = demoId('unit', 10);
const dissolvedId = demoId('unit', 103);
const targetId = demoId('unit', 102);
const DISSOLVED = 'Chi bộ Tổ dân phố số 3';
const TARGET = 'Chi bộ Tổ dân phố số 2';
/** Where one member of the dissolved cell is sent instead of the successor. */
const OWN_CELL = 'Chi bộ Tổ dân phố số 1';
const ownCellId = demoId('unit', 101);
const DECISION = '27-QĐ/ĐU';

const TODAY = todayInVietnam();
const YESTERDAY = todayInVietnam(new Date(Date.now() - 86_400_000));

interface Tree {
  orgUnit: { children: { id: string; name: string; memberCount: number }[] };
}
const TREE = `query ($id: ID!, $asOf: String) { orgUnit(id: $id, asOf: $asOf) { children { id name memberCount(asOf: $asOf) } } }`;
const MEMBERS = `query ($id: ID!) { orgUnit(id: $id) { members(first: 100) { id fullName } } }`;

/** The meeting cell 1's secretary records today: all present but one (the cells page shows its date and rate). */
let expectedRate = '';
beforeAll(async () => {
  ward = await startTestSystem();
  const roster = await ward.graphql<{ orgUnit: { members: { id: string; status: string }[] } }>(
    `query ($id: ID!) { orgUnit(id: $id) { members(first: 100) { id status } } }`,
    { id: demoId('unit', 101) },
    SECRETARY,
  );
  const attending = roster.orgUnit.members.filter((member) => member.status !== 'EXEMPT');
  await ward.graphql(
    `mutation ($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }`,
    {
      input: {
        cellId: demoId('unit', 101),
        heldOn: TODAY,
        kind: 'REGULAR',
        agenda: 'Sinh hoạt thường kỳ',
        attendance: attending.map((member, index) => ({ memberId: member.id, status: index === 0 ? 'ABSENT' : 'PRESENT' })),
      },
    },
    SECRETARY,
  );
  expectedRate = `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(((attending.length - 1) / attending.length) * 100)}%`;
});
afterAll(async () => {
  await ward?.stop();
});

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${ward.shellUrl}ward/${committeeId}${path ? `/${path}` : ''}`);
  await page.getByRole('navigation', { name: 'Các việc của đảng bộ' }).waitFor();
  await page.waitForFunction('!document.querySelector(".dv-loading")', undefined, { timeout: 20_000 });
}

const dialog = (page: Page): Locator => page.locator('dialog[open]');
const rowOf = (page: Page, name: string): Locator => page.getByTestId('ward-cells').getByRole('row').filter({ hasText: name });

describe('the ward clerk at 1280 px', () => {
  it('sees the committee’s size and its open alerts grouped by kind, each linking to where it is resolved', async () => {
    const read = await ward.graphql<{ orgUnit: { children: { id: string }[]; memberCount: number }; memberAlerts: { totalCount: number }; evaluationAlerts: unknown[] }>(
      `query ($id: ID!) { orgUnit(id: $id) { children { id } memberCount(includeSubtree: true) } memberAlerts(unitId: $id, first: 500) { totalCount } evaluationAlerts(unitId: $id) { kind } }`,
      { id: committeeId },
      WARD_CLERK,
    );
    const { context, page } = await ward.signedInPage(WARD_CLERK, 1280, 'ward');
    await open(page, '');
    expect(await page.getByTestId('home-cells').innerText()).toBe('3');
    expect(await page.getByTestId('home-members').innerText()).toBe(String(read.orgUnit.memberCount));
    const total = read.memberAlerts.totalCount + read.evaluationAlerts.length;
    expect(total).toBeGreaterThan(0);
    expect(await page.getByTestId('home-alert-count').innerText()).toBe(String(total));
    expect(Number(await page.getByTestId('home-alerts').getAttribute('data-count'))).toBe(total);
    // A member's alert opens the member's page in the cell module.
    const link = page.getByTestId('home-alert-link').first();
    expect(await link.getAttribute('href')).toMatch(/^\/cell\/[0-9a-f-]{36}\/(members\/[0-9a-f-]{36}|meetings|tasks|review|residence|dues)$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await keepScreenshot(page, 'ward-cells-home-1280');
    await link.click();
    await page.waitForURL(/\/cell\//);
    await context.close();
  });

  it('sees the cells with their figures, sorted the Vietnamese way, each linking to the cell module', async () => {
    const read = await ward.graphql<Tree>(TREE, { id: committeeId, asOf: TODAY }, WARD_CLERK);
    const { context, page } = await ward.signedInPage(WARD_CLERK, 1280, 'ward');
    await open(page, 'cells');
    const names = await page.getByTestId('ward-cells').getByTestId('cells-open').allInnerTexts();
    expect(names).toEqual(['Chi bộ Tổ dân phố số 1', 'Chi bộ Tổ dân phố số 2', 'Chi bộ Tổ dân phố số 3']);
    for (const cell of read.orgUnit.children) {
      expect(await rowOf(page, cell.name).getByTestId('cells-member-count').innerText()).toBe(String(cell.memberCount));
    }
    expect(await rowOf(page, DISSOLVED).getByTestId('cells-open').getAttribute('href')).toBe(`/cell/${dissolvedId}`);
    // The meeting recorded today: its date and this year's attendance rate; the other cells have none.
    const first = rowOf(page, 'Chi bộ Tổ dân phố số 1');
    expect(await first.getByTestId('cells-last-meeting').innerText()).toBe(`${TODAY.slice(8, 10)}/${TODAY.slice(5, 7)}/${TODAY.slice(0, 4)}`);
    expect(await first.getByTestId('cells-attendance').innerText()).toBe(expectedRate);
    expect(await rowOf(page, TARGET).getByTestId('cells-last-meeting').innerText()).toBe('Chưa có');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await keepScreenshot(page, 'ward-cells-list-1280');
    await context.close();
  });

  it('dissolves a cell into another: refusal by the server, preview, pending, result; GraphQL reads it back', async () => {
    const before = await ward.graphql<{ orgUnit: { members: { id: string; fullName: string }[] } }>(MEMBERS, { id: dissolvedId }, WARD_CLERK);
    const moving = before.orgUnit.members;
    expect(moving.length).toBeGreaterThan(1);
    // One member goes to the cell where he lives, the others to the successor.
    const named = moving[moving.length - 1]!;
    const others = moving.filter((member) => member.id !== named.id);
    const targetBefore = await ward.graphql<{ orgUnit: { members: { id: string }[] } }>(MEMBERS, { id: targetId }, WARD_CLERK);
    const ownBefore = await ward.graphql<{ orgUnit: { members: { id: string }[] } }>(MEMBERS, { id: ownCellId }, WARD_CLERK);

    const { context, page } = await ward.signedInPage(WARD_CLERK, 1280, 'ward');
    await open(page, 'cells');
    await page.getByRole('group', { name: `Thay đổi tổ chức của ${DISSOLVED}` }).getByTestId('cells-dissolve-open').click();
    const form = dialog(page).getByTestId('cells-dissolve-form');
    // Sent empty, the form says what is missing, next to each field.
    await form.getByTestId('cells-preview-open').click();
    await expect.poll(() => form.getByText('Chọn chi bộ tiếp nhận đảng viên.').count()).toBe(1);
    expect(await form.getByText('Ghi số quyết định.').count()).toBe(1);

    await form.getByLabel('Chi bộ tiếp nhận đảng viên').selectOption({ label: TARGET });
    // A select per member, named by the member: first the successor, then the ward's other live cells.
    const destinations = form.getByTestId('cells-destinations');
    const namedSelect = destinations.getByLabel(`Đồng chí ${named.fullName} chuyển đến`, { exact: true });
    expect(await destinations.getByRole('combobox').count()).toBe(moving.length);
    expect((await namedSelect.locator('option').allInnerTexts()).sort()).toEqual([`Chi bộ tiếp nhận chung (${TARGET})`, OWN_CELL, TARGET].sort());
    await namedSelect.selectOption({ label: OWN_CELL });
    await form.getByLabel('Số quyết định').fill(DECISION);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await keepScreenshot(page, 'ward-cells-dissolve-destinations-1280');
    // A date before the cell was established: the server refuses it, its message goes next to the date.
    await form.getByLabel('Ngày hiệu lực').fill('1980-01-01');
    await form.getByTestId('cells-preview-open').click();
    await form.getByTestId('cells-confirm').click();
    await expect.poll(() => form.getByText(`Ngày hiệu lực trước ngày thành lập ${DISSOLVED} (1990-02-03).`).count()).toBe(1);
    const unchanged = await ward.graphql<Tree>(TREE, { id: committeeId, asOf: TODAY }, WARD_CLERK);
    expect(unchanged.orgUnit.children.map((cell) => cell.id)).toContain(dissolvedId);
    await keepScreenshot(page, 'ward-cells-dissolve-refused-1280');

    await form.getByLabel('Ngày hiệu lực').fill(TODAY);
    await form.getByTestId('cells-preview-open').click();
    const preview = form.getByTestId('cells-preview');
    await preview.waitFor();
    expect((await preview.getByTestId('cells-preview-member').allInnerTexts()).sort()).toEqual(moving.map((member) => member.fullName).sort());
    // The choice survived the refusal: the named member in his own cell's table, the others in the successor's.
    const toOwn = preview.getByRole('table', { name: `Những đảng viên chuyển về ${OWN_CELL} (1)` });
    expect(await toOwn.getByTestId('cells-preview-member').allInnerTexts()).toEqual([named.fullName]);
    const toTarget = preview.getByRole('table', { name: `Những đảng viên chuyển về ${TARGET} (${String(others.length)})` });
    expect((await toTarget.getByTestId('cells-preview-member').allInnerTexts()).sort()).toEqual(others.map((member) => member.fullName).sort());
    // The preview replaces the fields (they come back, filled, with "Quay lại sửa").
    expect(await form.getByLabel('Số quyết định').isVisible()).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await keepScreenshot(page, 'ward-cells-dissolve-preview-1280');

    await form.getByTestId('cells-confirm').click();
    // Pending while membership and evaluation apply their parts, then the result.
    const pending = dialog(page).getByTestId('cells-pending');
    await pending.waitFor({ timeout: 10_000 });
    expect(await pending.innerText()).toContain('Đang thực hiện thay đổi tổ chức');
    await keepScreenshot(page, 'ward-cells-dissolve-pending-1280');
    const result = dialog(page).getByTestId('cells-result');
    await result.waitFor({ timeout: 30_000 });
    const placed = await result.getByTestId('cells-result-cell').allInnerTexts();
    expect(placed.sort()).toEqual([OWN_CELL, ...others.map(() => TARGET)].sort());
    expect(await result.getByRole('row').filter({ hasText: named.fullName }).getByTestId('cells-result-cell').innerText()).toBe(OWN_CELL);
    expect(await result.innerText()).toContain('Đã hoàn tất: giải thể');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await keepScreenshot(page, 'ward-cells-dissolve-result-1280');
    await dialog(page).getByTestId('cells-result-close').click();

    // Today's tree no longer has the cell; the day before still does, with its members.
    await expect.poll(() => page.getByTestId('ward-cells').getByTestId('cells-open').allInnerTexts()).toEqual([
      'Chi bộ Tổ dân phố số 1',
      'Chi bộ Tổ dân phố số 2',
    ]);
    await page.getByTestId('cells-as-of').fill(YESTERDAY);
    await page.getByTestId('cells-past').waitFor();
    await expect.poll(() => rowOf(page, DISSOLVED).getByTestId('cells-member-count').innerText()).toBe(String(moving.length));
    expect(await page.getByTestId('cells-dissolve-open').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await keepScreenshot(page, 'ward-cells-yesterday-1280');

    const target = await ward.graphql<{ orgUnit: { members: { id: string }[] } }>(MEMBERS, { id: targetId }, WARD_CLERK);
    const targetIds = target.orgUnit.members.map((member) => member.id);
    for (const member of others) expect(targetIds).toContain(member.id);
    expect(targetIds).not.toContain(named.id);
    expect(targetIds).toHaveLength(targetBefore.orgUnit.members.length + others.length);
    const own = await ward.graphql<{ orgUnit: { members: { id: string }[] } }>(MEMBERS, { id: ownCellId }, WARD_CLERK);
    expect(own.orgUnit.members.map((member) => member.id)).toContain(named.id);
    expect(own.orgUnit.members).toHaveLength(ownBefore.orgUnit.members.length + 1);
    const today = await ward.graphql<Tree>(TREE, { id: committeeId, asOf: TODAY }, WARD_CLERK);
    expect(today.orgUnit.children.map((cell) => cell.id)).not.toContain(dissolvedId);
    const yesterday = await ward.graphql<Tree>(TREE, { id: committeeId, asOf: YESTERDAY }, WARD_CLERK);
    expect(yesterday.orgUnit.children.find((cell) => cell.id === dissolvedId)).toMatchObject({ name: DISSOLVED, memberCount: moving.length });
    const history = await ward.graphql<{ orgUnit: { endedOn: string; successor: { id: string }; history: { kind: string; decisionNumber: string | null }[] } }>(
      `query ($id: ID!, $asOf: String) { orgUnit(id: $id, asOf: $asOf) { endedOn successor { id } history { kind decisionNumber } } }`,
      { id: dissolvedId, asOf: YESTERDAY },
      WARD_CLERK,
    );
    expect(history.orgUnit).toMatchObject({ endedOn: TODAY, successor: { id: targetId } });
    expect(history.orgUnit.history.at(-1)).toEqual({ kind: 'ENDED', decisionNumber: DECISION });
    await context.close();
  });

  it('splits a cell in two, one member named for the second, the rest to the first; GraphQL reads the new cells back', async () => {
    const SPLIT = 'Chi bộ Tổ dân phố số 1';
    const before = await ward.graphql<{ orgUnit: { members: { id: string; fullName: string }[] } }>(MEMBERS, { id: demoId('unit', 101) }, WARD_CLERK);
    const named = before.orgUnit.members[0]!;
    const { context, page } = await ward.signedInPage(WARD_CLERK, 1280, 'ward');
    await open(page, 'cells');
    await page.getByRole('group', { name: `Thay đổi tổ chức của ${SPLIT}` }).getByTestId('cells-split-open').click();
    const form = dialog(page).getByTestId('cells-split-form');
    await form.getByLabel('Số quyết định').fill('28-QĐ/ĐU');
    await form.getByLabel(`Chi bộ mới của đồng chí ${named.fullName}`).selectOption({ label: `${SPLIT}B` });
    await form.getByTestId('cells-preview-open').click();
    const preview = form.getByTestId('cells-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toContain(`Những đảng viên chuyển về ${SPLIT}A (${String(before.orgUnit.members.length - 1)})`);
    expect(await preview.innerText()).toContain(`Những đảng viên chuyển về ${SPLIT}B (1)`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await keepScreenshot(page, 'ward-cells-split-preview-1280');
    await form.getByTestId('cells-confirm').click();
    const result = dialog(page).getByTestId('cells-result');
    await result.waitFor({ timeout: 30_000 });
    const placed = await result.getByTestId('cells-result-cell').allInnerTexts();
    expect(placed.filter((name) => name === `${SPLIT}B`)).toHaveLength(1);
    expect(placed.filter((name) => name === `${SPLIT}A`)).toHaveLength(before.orgUnit.members.length - 1);
    await keepScreenshot(page, 'ward-cells-split-result-1280');

    const tree = await ward.graphql<{ orgUnit: { children: { name: string; members: { id: string }[] }[] } }>(
      `query ($id: ID!) { orgUnit(id: $id) { children { name members(first: 100) { id } } } }`,
      { id: committeeId },
      WARD_CLERK,
    );
    expect(tree.orgUnit.children.map((cell) => cell.name)).toEqual([`${SPLIT}A`, `${SPLIT}B`, TARGET]);
    expect(tree.orgUnit.children.find((cell) => cell.name === `${SPLIT}B`)?.members).toEqual([{ id: named.id }]);
    await context.close();
  });
});
