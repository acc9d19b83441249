import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataSet } from '@dangvien/demo-data';
import { demoId, DISTRICT_BOARD, horizontalOverflow, keepScreenshot, SECRETARY, seriousA11yViolations, startTestSystem, WARD_CLERK, type TestSystem } from './harness.ts';
import { THIS_YEAR, TODAY } from './calendar.ts';

/**
 * Regulation 213 as the ward committee's clerk does it in the browser: take in a working member whom
 * the workplace introduced to the ward and place them in a residential cell; record the six-monthly
 * meeting (and see the server refuse a second one in the same half-year, changing nothing); send the
 * cell's yearly comment to the workplace; tell the workplace the member moved away. Each step is read
 * back through the gateway; every page has no serious accessibility violation; screenshots are kept.
 */
let system: TestSystem;
const wardId = demoId('unit', 10);
const residenceCellId = demoId('unit', 101);
const demo = demoDataSet();
const residenceCellName = demo.orgUnits.find((unit) => unit.id === residenceCellId)!.name;
/** Does party activity in a cell of another committee of the district (the workplace), lives in the ward. */
const worker = demo.members.find((member) => member.cellId === demoId('unit', 111) && member.status === 'OFFICIAL')!;

const YEAR = THIS_YEAR;
const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

interface Link {
  memberId: string;
  residenceCell: { id: string } | null;
  attendance: { heldOn: string; present: boolean }[];
  comments: { year: number; deliveredOn: string | null }[];
}
const WARD_READ = `query ($id: ID!) { orgUnit(id: $id) {
  residentWorkingMembers { memberId residenceCell { id } attendance { heldOn present } comments { year deliveredOn } }
  residenceMeetings { heldOn presentCount absentCount note }
  residenceNotices { memberName kind direction occurredOn note }
} }`;
type WardRead = {
  orgUnit: {
    residentWorkingMembers: Link[];
    residenceMeetings: { heldOn: string; presentCount: number; absentCount: number; note: string | null }[];
    residenceNotices: { memberName: string; kind: string; direction: string; occurredOn: string; note: string | null }[];
  };
};
const readWard = async () => (await system.graphql<WardRead>(WARD_READ, { id: wardId }, WARD_CLERK)).orgUnit;
const workerLink = async () => (await readWard()).residentWorkingMembers.find((link) => link.memberId === worker.id);

beforeAll(async () => {
  system = await startTestSystem();
  // The workplace (here the district board, over the member's committee) introduces the member to the ward, not to a cell.
  await system.graphql(
    `mutation ($input: LinkResidenceInput!) { linkResidence(input: $input) { id } }`,
    { input: { memberId: worker.id, residenceCellId: wardId, validFrom: `${String(YEAR)}-01-01`, introductionNumber: '12-GGT/ĐU' } },
    DISTRICT_BOARD,
  );
});
afterAll(async () => {
  await system?.stop();
});

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${system.shellUrl}ward/${wardId}/${path}`);
  await page.getByRole('navigation', { name: 'Các việc theo Quy định 213' }).waitFor();
  await page.waitForFunction('!document.querySelector(".dv-loading")', undefined, { timeout: 20_000 });
}

async function pageIsSound(page: Page, screenshot: string): Promise<void> {
  await keepScreenshot(page, screenshot);
  expect(await page.locator('.dv-error').count(), 'no error box').toBe(0);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
}

const dialog = (page: Page): Locator => page.locator('dialog[open]');

describe('the ward clerk at 1280 px', () => {
  it('takes in a member introduced by the workplace and places them in a residential cell', async () => {
    expect((await workerLink())?.residenceCell).toBeNull();
    const { context, page } = await system.signedInPage(WARD_CLERK, 1280, 'ward');
    await open(page, 'residence');
    const card = page.getByTestId('residence-intake-member').filter({ hasText: worker.fullName });
    await card.waitFor();
    expect(await card.innerText()).toContain('12-GGT/ĐU');
    await pageIsSound(page, 'ward-residence-intake-1280');

    // Sent without a cell, the form says so and nothing is sent.
    await card.getByTestId('residence-assign-submit').click();
    await expect.poll(() => card.getByText('Chọn chi bộ nơi cư trú.').count()).toBe(1);
    expect((await workerLink())?.residenceCell).toBeNull();

    await card.getByLabel('Chi bộ nơi cư trú').selectOption({ label: residenceCellName });
    await card.getByTestId('residence-assign-submit').click();
    await expect.poll(() => page.getByTestId('residence-notice').innerText()).toBe(`Đã phân đồng chí ${worker.fullName} về ${residenceCellName}.`);
    await page.getByTestId('residence-intake-none').waitFor();
    const row = page.getByTestId('residence-list').getByRole('row').filter({ hasText: worker.fullName });
    expect(await row.innerText()).toContain(residenceCellName);
    expect(await row.innerText()).toContain('Chưa nhận xét');
    expect((await workerLink())?.residenceCell).toEqual({ id: residenceCellId });
    // The residential cell now lists the member.
    const cellList = await system.graphql<{ orgUnit: { residentWorkingMembers: { memberId: string }[] } }>(
      `query ($id: ID!) { orgUnit(id: $id) { residentWorkingMembers { memberId } } }`,
      { id: residenceCellId },
      SECRETARY,
    );
    expect(cellList.orgUnit.residentWorkingMembers.map((link) => link.memberId)).toContain(worker.id);
    await pageIsSound(page, 'ward-residence-list-1280');
    await context.close();
  });

  it('records the six-monthly meeting with who came; a second one in the half-year is refused with the server’s message and changes nothing', async () => {
    const { context, page } = await system.signedInPage(WARD_CLERK, 1280, 'ward');
    await open(page, 'residence/meetings');
    const form = page.getByTestId('residence-meeting-form');
    await form.getByLabel('Ngày họp').fill(TODAY);
    await form.getByLabel(worker.fullName).check();
    await form.getByLabel('Nội dung buổi họp').fill('Thông báo tình hình địa phương; nhiệm vụ 6 tháng.');
    await pageIsSound(page, 'ward-residence-meeting-form-1280');
    await form.getByTestId('residence-meeting-submit').click();
    await expect.poll(() => page.getByTestId('residence-notice').innerText()).toBe(`Đã ghi buổi họp ngày ${vn(TODAY)}: 1 có mặt, 0 vắng.`);
    await page.getByTestId('residence-meetings').getByRole('row').filter({ hasText: vn(TODAY) }).waitFor();
    const ward = await readWard();
    expect(ward.residenceMeetings).toEqual([{ heldOn: TODAY, presentCount: 1, absentCount: 0, note: 'Thông báo tình hình địa phương; nhiệm vụ 6 tháng.' }]);
    expect(ward.residentWorkingMembers.find((link) => link.memberId === worker.id)?.attendance).toEqual([{ heldOn: TODAY, present: true }]);

    // The same half-year again: the server refuses, its Vietnamese message stands next to the date.
    await form.getByLabel('Ngày họp').fill(TODAY);
    await form.getByTestId('residence-meeting-submit').click();
    await expect.poll(() => form.getByText(`Đã ghi buổi họp của 6 tháng này (ngày ${TODAY}).`).count()).toBe(1);
    expect(await form.getByLabel('Ngày họp').getAttribute('aria-invalid')).toBe('true');
    expect((await readWard()).residenceMeetings).toHaveLength(1);
    await pageIsSound(page, 'ward-residence-meeting-refused-1280');
    await context.close();
  });

  it('sends the cell’s yearly comment to the workplace once the cell has written it', async () => {
    const { context, page } = await system.signedInPage(WARD_CLERK, 1280, 'ward');
    await open(page, 'residence/comments');
    // Not written yet: the member is among the missing, with nothing to send.
    expect(await page.getByTestId('residence-missing').innerText()).toContain(`${residenceCellName}: ${worker.fullName}`);
    expect(await page.getByTestId('residence-deliver-open').count()).toBe(0);

    // The residential cell's secretary writes it (the cell module's page does this in cell-tasks-dues-residence).
    await system.graphql(
      `mutation ($input: RecordResidenceCommentInput!) { recordResidenceComment(input: $input) { year } }`,
      { input: { memberId: worker.id, year: YEAR, comment: 'Gương mẫu, giữ mối liên hệ với chi bộ nơi cư trú.', frontCommitteeOpinion: 'Ban công tác Mặt trận nhất trí.', recordedOn: TODAY } },
      SECRETARY,
    );
    await open(page, 'residence/comments');
    const card = page.getByTestId('residence-to-deliver').getByTestId('residence-comment').filter({ hasText: worker.fullName });
    await card.waitFor();
    expect(await card.innerText()).toContain('Gương mẫu, giữ mối liên hệ với chi bộ nơi cư trú.');
    expect(await page.getByTestId('residence-comments-tally').innerText()).toContain('1 chờ chuyển');
    await pageIsSound(page, 'ward-residence-comments-1280');
    await card.getByTestId('residence-deliver-open').click();
    const form = dialog(page).getByTestId('residence-deliver-form');
    expect(await form.getByLabel('Ngày chuyển').inputValue()).toBe(TODAY);
    await keepScreenshot(page, 'ward-residence-deliver-1280');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await form.getByTestId('residence-deliver-submit').click();
    await expect.poll(() => page.getByTestId('residence-notice').innerText()).toBe(`Đã ghi chuyển nhận xét năm ${String(YEAR)} của đồng chí ${worker.fullName} ngày ${vn(TODAY)}.`);
    await page.getByTestId('residence-delivered').getByTestId('residence-comment').filter({ hasText: worker.fullName }).waitFor();
    expect((await workerLink())?.comments).toEqual([{ year: YEAR, deliveredOn: TODAY }]);
    // The workplace sees the comment delivered on its member.
    const workplace = await system.graphql<{ member: { residenceLinks: { comments: { year: number; deliveredOn: string | null }[] }[] } }>(
      `query ($id: ID!) { member(id: $id) { residenceLinks { comments { year deliveredOn } } } }`,
      { id: worker.id },
      DISTRICT_BOARD,
    );
    expect(workplace.member.residenceLinks.flatMap((link) => link.comments)).toEqual([{ year: YEAR, deliveredOn: TODAY }]);
    await context.close();
  });

  it('tells the workplace the member moved away: the notice is listed and the member leaves the ward’s list', async () => {
    const { context, page } = await system.signedInPage(WARD_CLERK, 1280, 'ward');
    await open(page, 'residence/notices');
    const form = page.getByTestId('residence-moved-form');
    await form.getByLabel('Đảng viên').selectOption({ label: worker.fullName });
    await form.getByLabel('Ngày chuyển đi').fill(TODAY);
    await form.getByLabel('Ghi chú (nếu có)').fill('Chuyển đến xã Xuân Hồng.');
    await pageIsSound(page, 'ward-residence-notice-form-1280');
    await form.getByTestId('residence-moved-submit').click();
    await expect.poll(() => page.getByTestId('residence-notice').innerText()).toBe(`Đã báo nơi công tác: đồng chí ${worker.fullName} không còn cư trú tại địa bàn từ ngày ${vn(TODAY)}.`);
    const row = page.getByTestId('residence-notices').getByRole('row').filter({ hasText: worker.fullName });
    await row.waitFor();
    expect(await row.innerText()).toContain('Chuyển nơi cư trú');
    expect(await row.innerText()).toContain('Đã báo nơi công tác');
    const ward = await readWard();
    expect(ward.residenceNotices).toEqual([{ memberName: worker.fullName, kind: 'MOVED_HOUSE', direction: 'TO_WORKPLACE', occurredOn: TODAY, note: 'Chuyển đến xã Xuân Hồng.' }]);
    expect(ward.residentWorkingMembers.map((link) => link.memberId)).not.toContain(worker.id);
    const workplace = await system.graphql<{ orgUnit: { residenceNotices: { kind: string; memberName: string }[] } }>(
      `query ($id: ID!) { orgUnit(id: $id) { residenceNotices { kind memberName } } }`,
      { id: demoId('unit', 111) },
      DISTRICT_BOARD,
    );
    expect(workplace.orgUnit.residenceNotices).toEqual([{ kind: 'MOVED_HOUSE', memberName: worker.fullName }]);
    await pageIsSound(page, 'ward-residence-notices-1280');
    await context.close();
  });
});
