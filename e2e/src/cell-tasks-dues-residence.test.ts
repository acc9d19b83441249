import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataSet } from '@dangvien/demo-data';
import { demoId, horizontalOverflow, keepScreenshot, seriousA11yViolations, startTestSystem, type TestSystem } from './harness.ts';
import { THIS_YEAR, TODAY } from './calendar.ts';

/**
 * Tasks, dues and Regulation 213 of the demo cell, as its secretary does them in the browser: assign a
 * task to a member and review it with a result; record the month's dues of a member (after writing the
 * member's dues basis); write the yearly 213 comment on a working member who lives in the cell's area.
 * Each step is read back through the gateway. Every page at 360 and 1280 px: no sideways scrolling,
 * no serious accessibility violation, screenshots kept.
 */
let cell: TestSystem;
const cellId = demoId('unit', 101);
const demo = demoDataSet();
const officials = demo.members.filter((member) => member.cellId === cellId && member.status === 'OFFICIAL');
const assignee = officials[0]!;
const payer = officials[1]!;
/** A member who does party activity at another cell of the ward and lives in cell 101's area. */
const worker = demo.members.find((member) => member.cellId === demoId('unit', 102) && member.status === 'OFFICIAL')!;
const WARD_CLERK = 'danguy.thitran';

const MONTH = TODAY.slice(0, 7);
const YEAR = THIS_YEAR;
const TASK_TITLE = 'Vận động các hộ giữ gìn vệ sinh ngõ xóm';

beforeAll(async () => {
  cell = await startTestSystem();
  // The workplace's ward introduces the working member to the residential cell 101 (Regulation 213).
  await cell.graphql(
    `mutation ($input: LinkResidenceInput!) { linkResidence(input: $input) { id } }`,
    { input: { memberId: worker.id, residenceCellId: cellId, validFrom: `${String(YEAR)}-01-02`, introductionNumber: '15-GGT/ĐU' } },
    WARD_CLERK,
  );
});
afterAll(async () => {
  await cell?.stop();
});

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${cell.shellUrl}cell/${cellId}/${path}`);
  await page.getByRole('navigation', { name: 'Các việc của chi bộ' }).waitFor();
  await page.waitForFunction('!document.querySelector(".dv-loading")', undefined, { timeout: 20_000 });
}

/** The open dialog (the browser's <dialog>). */
const dialog = (page: Page): Locator => page.locator('dialog[open]');

describe('the secretary at 1280 px', () => {
  it('assigns a task to a member, then reviews it with a result; GraphQL reads both back', async () => {
    const { context, page } = await cell.signedInPage(undefined, 1280);
    await open(page, 'tasks');
    await page.getByTestId('task-assign-open').click();
    const form = dialog(page).getByTestId('task-assign-form');
    // Sent empty, the form says what is missing, in Vietnamese, next to each field.
    await form.getByTestId('task-assign-submit').click();
    await expect.poll(() => form.getByText('Ghi tên nhiệm vụ.').count()).toBe(1);
    expect(await form.getByText('Ghi địa bàn hoặc các hộ được phân công phụ trách.').count()).toBe(1);
    expect(await form.getByText('Chọn đảng viên phụ trách.').count()).toBe(1);

    await form.getByLabel('Tên nhiệm vụ').fill(TASK_TITLE);
    await form.getByLabel('Địa bàn phụ trách').fill('Ngõ 5, tổ dân phố số 1');
    await form.getByLabel('Các hộ được phân công').fill('Hộ ông Trần Văn Tư, số 12\nHộ bà Lê Thị Mai, số 14');
    await form.getByLabel('Giao cho đảng viên').selectOption({ label: assignee.fullName });
    await keepScreenshot(page, 'cell-tasks-assign-1280');
    await form.getByTestId('task-assign-submit').click();
    await expect.poll(() => page.getByTestId('task-notice').innerText()).toContain(assignee.fullName);

    const card = page.getByTestId('tasks-ongoing').getByTestId('task-card').filter({ hasText: TASK_TITLE });
    await card.waitFor();
    await card.getByTestId('task-review-open').click();
    const review = dialog(page).getByTestId('task-review-form');
    await review.getByLabel('Hoàn thành', { exact: true }).check();
    await review.getByLabel('Nhận xét (nếu có)').fill('Đã vận động đủ các hộ.');
    await review.getByTestId('task-review-submit').click();
    await expect.poll(() => page.getByTestId('task-notice').innerText()).toContain('Hoàn thành');
    await page.getByTestId('tasks-done').getByTestId('task-card').filter({ hasText: TASK_TITLE }).waitFor();
    await keepScreenshot(page, 'cell-tasks-done-1280');

    const read = await cell.graphql<{ tasks: { title: string; area: string; households: string[]; assignee: { id: string }; done: boolean; reviews: { result: string; comment: string; reviewedOn: string }[] }[] }>(
      `query ($id: ID!) { tasks(unitId: $id) { title area households assignee { id } done reviews { result comment reviewedOn } } }`,
      { id: cellId },
    );
    const task = read.tasks.find((item) => item.title === TASK_TITLE);
    expect(task).toMatchObject({
      area: 'Ngõ 5, tổ dân phố số 1',
      households: ['Hộ ông Trần Văn Tư, số 12', 'Hộ bà Lê Thị Mai, số 14'],
      assignee: { id: assignee.id },
      done: true,
      reviews: [{ result: 'DONE', comment: 'Đã vận động đủ các hộ.', reviewedOn: TODAY }],
    });
    await context.close();
  });

  it('writes a member’s dues basis, then records the month’s payment once; GraphQL reads it back', async () => {
    const { context, page } = await cell.signedInPage(undefined, 1280);
    await open(page, 'dues');
    const row = page.locator(`[data-testid="dues-member"][data-member-id="${payer.id}"]`);
    await row.getByRole('button', { name: `Ghi căn cứ đóng của ${payer.fullName}` }).click();
    const basis = dialog(page).getByTestId('dues-basis-form');
    await basis.getByLabel('Hưởng lương hưu (0,5% lương hưu)').check();
    await basis.getByLabel('Lương hưu (đồng/tháng)').fill('6.000.000');
    await basis.getByTestId('dues-basis-submit').click();
    await expect.poll(() => page.getByTestId('dues-notice').innerText()).toContain(payer.fullName);

    // 0.5% of a 6,000,000 đ pension: 30,000 đ owed this month.
    await expect.poll(() => row.getByTestId('dues-state').innerText()).toContain('Còn nợ 30.000 đ');
    await row.getByRole('button', { name: `Ghi nộp đảng phí của ${payer.fullName}` }).click();
    const pay = dialog(page).getByTestId('dues-pay-form');
    // More than owed is refused before anything is sent.
    await pay.getByLabel('Số tiền nộp (đồng)').fill('50.000');
    await pay.getByTestId('dues-pay-submit').click();
    await expect.poll(() => pay.getByText('Số tiền vượt số đảng phí còn phải nộp tháng này (30.000 đ).').count()).toBe(1);
    await pay.getByLabel('Số tiền nộp (đồng)').fill('30.000');
    await keepScreenshot(page, 'cell-dues-pay-1280');
    await pay.getByTestId('dues-pay-submit').click();
    await expect.poll(() => page.getByTestId('dues-notice').innerText()).toContain('30.000 đ');
    await expect.poll(() => row.getByTestId('dues-state').innerText()).toBe('Đã nộp đủ');
    await keepScreenshot(page, 'cell-dues-paid-1280');

    const read = await cell.graphql<{ member: { duesPayments: { month: string; amount: number; paidOn: string; channel: string }[]; dues: { owed: number; paid: number }[] } }>(
      `query ($id: ID!, $month: String!) { member(id: $id) { duesPayments { month amount paidOn channel } dues(fromMonth: $month, toMonth: $month) { owed paid } } }`,
      { id: payer.id, month: MONTH },
    );
    expect(read.member.duesPayments).toEqual([{ month: MONTH, amount: 30_000, paidOn: TODAY, channel: 'CASH' }]);
    expect(read.member.dues).toEqual([{ owed: 0, paid: 30_000 }]);
    await context.close();
  });

  it('writes the yearly Regulation 213 comment on a working member living here; GraphQL reads it back', async () => {
    const { context, page } = await cell.signedInPage(undefined, 1280);
    await open(page, 'residence');
    const card = page.getByTestId('residence-member').filter({ hasText: worker.fullName });
    await card.waitFor();
    expect(await card.getAttribute('data-commented')).toBe('no');
    // The workplace cell is named although the secretary may not read that cell.
    expect(await card.innerText()).toContain('Chi bộ Tổ dân phố số 2');
    await card.getByTestId('residence-comment-open').click();
    const form = dialog(page).getByTestId('residence-comment-form');
    await form.getByLabel('Nhận xét của chi bộ nơi cư trú').fill('Gương mẫu thực hiện nghĩa vụ công dân, tham gia đầy đủ các buổi sinh hoạt với chi bộ nơi cư trú.');
    await form.getByLabel('Ý kiến của Ban công tác Mặt trận khu dân cư').fill('Ban công tác Mặt trận nhất trí.');
    await keepScreenshot(page, 'cell-residence-comment-1280');
    await form.getByTestId('residence-comment-submit').click();
    await expect.poll(() => page.getByTestId('residence-notice').innerText()).toContain(worker.fullName);
    await expect.poll(() => card.getAttribute('data-commented')).toBe('yes');

    const read = await cell.graphql<{ orgUnit: { residentWorkingMembers: { memberId: string; comments: { year: number; comment: string; frontCommitteeOpinion: string; recordedOn: string }[] }[] } }>(
      `query ($id: ID!) { orgUnit(id: $id) { residentWorkingMembers { memberId comments { year comment frontCommitteeOpinion recordedOn } } } }`,
      { id: cellId },
    );
    const link = read.orgUnit.residentWorkingMembers.find((item) => item.memberId === worker.id);
    expect(link?.comments).toEqual([
      {
        year: YEAR,
        comment: 'Gương mẫu thực hiện nghĩa vụ công dân, tham gia đầy đủ các buổi sinh hoạt với chi bộ nơi cư trú.',
        frontCommitteeOpinion: 'Ban công tác Mặt trận nhất trí.',
        recordedOn: TODAY,
      },
    ]);
    // The workplace's ward sees the comment on its member.
    const workplace = await cell.graphql<{ member: { residenceLinks: { comments: { year: number }[] }[] } }>(
      `query ($id: ID!) { member(id: $id) { residenceLinks { comments { year } } } }`,
      { id: worker.id },
      WARD_CLERK,
    );
    expect(workplace.member.residenceLinks.flatMap((item) => item.comments)).toEqual([{ year: YEAR }]);
    await context.close();
  });
});

for (const width of [360, 1280]) {
  describe(`the three pages at ${width} px`, () => {
    for (const path of ['tasks', 'dues', 'residence'] as const) {
      it(`${path}: no sideways scrolling, no serious accessibility violation, its form fits too`, async () => {
        const { context, page } = await cell.signedInPage(undefined, width);
        await open(page, path);
        await keepScreenshot(page, `cell-${path}-${width}`);
        expect(await page.locator('.dv-error').count(), 'no error box').toBe(0);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        expect(await seriousA11yViolations(page)).toEqual([]);
        // A form in its dialog: the assign form, a dues basis, the move notice.
        const opener = { tasks: 'task-assign-open', dues: 'dues-basis-open', residence: 'residence-moved-open' }[path];
        await page.getByTestId(opener).first().click();
        await dialog(page).locator('form').waitFor();
        await keepScreenshot(page, `cell-${path}-form-${width}`);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await context.close();
      });
    }
  });
}
