import path from 'node:path';
import { workspaceRoot } from '@dangvien/db';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoId, horizontalOverflow, keepScreenshot, seriousA11yViolations, startTestSystem, type TestSystem } from './harness.ts';
import { THIS_YEAR } from './calendar.ts';

/**
 * The year-end review as the demo secretary does it in the browser: the ward's committee has opened
 * the members review cycle of the year; she enters a member's self-review on the member's behalf,
 * proposes a score for every member (the grade follows the rule set, the excellent quota is shown and
 * warned about), and sends the proposals to the ward. Each step is read back through GraphQL.
 */
let cell: TestSystem;
const cellId = demoId('unit', 101);
const wardId = demoId('unit', 10);
const WARD_CLERK = 'danguy.thitran';
const year = THIS_YEAR;
let cycleId: string;

/** The demo cell's members who are graded (official, probationary), and the scores she proposes. */
const PROPOSALS = [
  { name: 'Đỗ Minh Mai', score: 95, excellent: true, grade: 'EXCELLENT' },
  { name: 'Nguyễn Minh Đức', score: 85, grade: 'GOOD' },
  { name: 'Lê Kim Mai', score: 72, grade: 'GOOD' },
  { name: 'Nguyễn Đức Sơn', score: 80, grade: 'GOOD' },
  { name: 'Đỗ Công Tuấn', score: 78, grade: 'GOOD' },
  { name: 'Phạm Hữu Tuấn', score: 88, grade: 'GOOD' },
] as const;
const SELF_REVIEW = 'Năm nay tôi tham gia đầy đủ sinh hoạt chi bộ, vận động 12 hộ gia đình tham gia vệ sinh môi trường, tự nhận hoàn thành xuất sắc nhiệm vụ.';

beforeAll(async () => {
  cell = await startTestSystem();
  // The ward's committee opens the year's members review cycle (the demo data has none for this year).
  const opened = await cell.graphql<{ openReviewCycle: { id: string } }>(
    `mutation ($input: OpenReviewCycleInput!) { openReviewCycle(input: $input) { id } }`,
    { input: { unitId: wardId, year, period: 'YEAR', closesOn: `${year}-12-31` } },
    WARD_CLERK,
  );
  cycleId = opened.openReviewCycle.id;
  // One member is a working member living in another cell (Regulation 213): the residence's comment
  // of the year is needed before the ward decides, and the page says it is missing.
  await cell.graphql(
    `mutation ($input: LinkResidenceInput!) { linkResidence(input: $input) { id } }`,
    { input: { memberId: demoId('member', 2), residenceCellId: demoId('unit', 102), validFrom: `${year}-01-15` } },
    WARD_CLERK,
  );
});
afterAll(async () => {
  await cell?.stop();
});

/** What is on screen now (a modal dialog is where the viewport is, which a full-page shot misses). */
async function keepViewport(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(workspaceRoot(), '.test-results', 'screenshots', `${name}.png`) });
}

async function openReview(page: Page): Promise<void> {
  await page.goto(`${cell.shellUrl}cell/${cellId}/review`);
  await page.getByTestId('review-members').waitFor({ timeout: 20_000 });
}

function card(page: Page, name: string) {
  return page.getByTestId('review-member').filter({ has: page.getByRole('heading', { name, exact: true }) });
}

async function propose(page: Page, proposal: (typeof PROPOSALS)[number]): Promise<void> {
  await card(page, proposal.name).getByRole('button', { name: /Đề xuất xếp loại|Sửa đề xuất/ }).click();
  const form = page.getByTestId('proposal-form');
  await form.getByLabel('Điểm chi bộ chấm (0–100)').fill(String(proposal.score));
  if ('excellent' in proposal) {
    await form.getByRole('group', { name: 'Đồng chí hoàn thành tất cả nhiệm vụ được giao?' }).getByLabel('Có').check();
    await form.getByLabel('Tỷ lệ nhiệm vụ hoàn thành vượt mức (%)').fill('40');
  }
  await form.getByRole('button', { name: 'Lưu' }).click();
  await page.getByTestId('review-notice').filter({ hasText: proposal.name }).waitFor();
}

describe('the year-end review', () => {
  it('the secretary enters a self-review, proposes grades within the quota and sends them to the ward', async () => {
    const { context, page } = await cell.signedInPage(undefined, 1280);
    await openReview(page);
    expect(await page.getByRole('heading', { level: 2, name: `Kiểm điểm, xếp loại đảng viên năm ${year}` }).count()).toBe(1);
    expect(await page.getByTestId('review-member').count()).toBe(PROPOSALS.length);
    // The rule set's score bands, and the working member's missing residence comment.
    expect(await page.getByTestId('review-bands').innerText()).toContain('từ 70 đến 89 điểm');
    expect(await card(page, 'Nguyễn Đức Sơn').innerText()).toContain('Chưa có nhận xét nơi cư trú');

    // A self-review entered on the member's behalf; an empty one is refused in Vietnamese first.
    await card(page, 'Đỗ Minh Mai').getByRole('button', { name: 'Nhập bản tự kiểm điểm' }).click();
    const selfForm = page.getByTestId('self-review-form');
    await selfForm.getByRole('button', { name: 'Lưu' }).click();
    await selfForm.getByText('Ghi nội dung bản tự kiểm điểm.').waitFor();
    await selfForm.getByLabel('Nội dung bản tự kiểm điểm').fill(SELF_REVIEW);
    await selfForm.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('review-notice').filter({ hasText: 'Đã lưu bản tự kiểm điểm' }).waitFor();
    expect(await card(page, 'Đỗ Minh Mai').innerText()).toContain('Đã nộp bản tự kiểm điểm');

    // The first proposal is excellent: with no member graded good yet, the quota allows none.
    await card(page, 'Đỗ Minh Mai').getByRole('button', { name: 'Đề xuất xếp loại' }).click();
    const form = page.getByTestId('proposal-form');
    await form.getByLabel('Điểm chi bộ chấm (0–100)').fill('95');
    await form.getByLabel('Tỷ lệ nhiệm vụ hoàn thành vượt mức (%)').fill('40');
    expect(await form.getByTestId('grade-preview').innerText()).toContain('Hoàn thành xuất sắc nhiệm vụ');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('review-notice').filter({ hasText: 'Đỗ Minh Mai' }).waitFor();
    await page.getByTestId('review-quota').getByText('Vượt tỷ lệ xuất sắc: chi bộ đề xuất 1 đảng viên xuất sắc, tối đa 0.').waitFor();

    // Sending now is refused: five members have no proposal yet.
    await page.getByTestId('review-submit').click();
    expect(await page.getByTestId('review-missing').innerText()).toContain('Nguyễn Minh Đức');

    for (const proposal of PROPOSALS.slice(1)) await propose(page, proposal);
    await page.getByTestId('review-quota-now').getByText('Chi bộ đang đề xuất 5 đảng viên hoàn thành tốt, nên tối đa 1 đảng viên xuất sắc.').waitFor();
    expect(await page.getByTestId('review-progress').innerText()).toBe(`Đã tự kiểm điểm 1/6 · Đã đề xuất xếp loại 6/6`);
    await keepScreenshot(page, 'cell-review-proposed-1280');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Send: the confirmation shows what the ward's committee reads.
    await page.getByTestId('review-submit').click();
    const confirm = page.getByTestId('review-confirm');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('Chi bộ gửi đề xuất xếp loại 6 đảng viên cả năm');
    expect(await confirm.innerText()).toContain('Hoàn thành tốt nhiệm vụ: 5');
    expect(await confirm.innerText()).toContain('1 đảng viên đang công tác chưa có nhận xét nơi cư trú');
    await keepViewport(page, 'cell-review-confirm-1280');
    await page.getByTestId('review-confirm-send').click();
    expect(await page.getByTestId('review-sent').innerText()).toContain('Đảng ủy đã nhận đề xuất xếp loại của 6 đảng viên');
    await context.close();

    // Read back through the gateway, as the ward's committee reads it.
    const read = await cell.graphql<{
      reviewCycle: { selfReviews: { member: { id: string; fullName: string }; content: string }[]; proposals: { member: { fullName: string }; score: number; grade: string }[] };
    }>(
      `query ($id: ID!, $cellId: ID) { reviewCycle(id: $id) {
         selfReviews(cellId: $cellId) { member { id fullName } content }
         proposals(cellId: $cellId) { member { fullName } score grade } } }`,
      { id: cycleId, cellId },
      WARD_CLERK,
    );
    expect(read.reviewCycle.selfReviews).toEqual([{ member: { id: demoId('member', 3), fullName: 'Đỗ Minh Mai' }, content: SELF_REVIEW }]);
    const proposals = Object.fromEntries(read.reviewCycle.proposals.map((proposal) => [proposal.member.fullName, [proposal.score, proposal.grade]]));
    expect(proposals).toEqual(Object.fromEntries(PROPOSALS.map((proposal) => [proposal.name, [proposal.score, proposal.grade]])));
  });

  it('works on a 360 px phone: nothing scrolls sideways, the forms fit, no serious accessibility violation', async () => {
    const { context, page } = await cell.signedInPage(undefined, 360);
    await openReview(page);
    await keepScreenshot(page, 'cell-review-members-360');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await card(page, 'Nguyễn Minh Đức').getByRole('button', { name: 'Sửa đề xuất' }).click();
    await page.getByTestId('proposal-form').waitFor();
    await keepViewport(page, 'cell-review-proposal-360');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
