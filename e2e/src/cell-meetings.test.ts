import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoId, horizontalOverflow, keepScreenshot, seriousA11yViolations, startTestSystem, type TestSystem } from './harness.ts';
import { daysFromToday, THIS_YEAR, TODAY } from './calendar.ts';

/**
 * Meetings of the demo cell, as its secretary does them in the browser: record a meeting with
 * everyone's attendance, find it in the list, print its minutes, correct it; and record one while
 * the network drops (draft kept through a reload, queued, sent exactly once when the network returns).
 * Each step is read back through the gateway.
 */
let cell: TestSystem;
const cellId = demoId('unit', 101);

/** Two days ago (within the 30 days a meeting can be edited), in this year so that the list shows it by default. */
const HELD_ON = daysFromToday(-2).startsWith(String(THIS_YEAR)) ? daysFromToday(-2) : TODAY;
const YEAR = Number(HELD_ON.slice(0, 4));
const vnDate = HELD_ON.split('-').reverse().join('/');

interface MeetingsRead {
  orgUnit: {
    meetings: {
      id: string;
      heldOn: string;
      kind: string;
      agenda: string;
      resolution: string | null;
      attendance: { status: string; reason: string | null; member: { id: string; fullName: string } }[];
    }[];
  };
}
const readMeetings = async () =>
  (
    await cell.graphql<MeetingsRead>(
      `query ($id: ID!, $year: Int!) { orgUnit(id: $id) { meetings(year: $year) {
        id heldOn kind agenda resolution attendance { status reason member { id fullName } } } } }`,
      { id: cellId, year: YEAR },
    )
  ).orgUnit.meetings;

beforeAll(async () => {
  cell = await startTestSystem();
});
afterAll(async () => {
  await cell?.stop();
});

async function waitForContent(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Các việc của chi bộ' }).waitFor();
  await page.waitForFunction('!document.querySelector(".dv-loading")', undefined, { timeout: 20_000 });
}

/** The attendance cards of the form, one per member, and each one's member id. */
async function attendanceRows(page: Page): Promise<{ row: Locator; memberId: string; name: string }[]> {
  const rows = page.getByTestId('attendance-list').locator(':scope > li');
  await rows.first().waitFor();
  const result = [];
  for (const row of await rows.all()) {
    const testId = (await row.getAttribute('data-testid')) ?? '';
    result.push({ row, memberId: testId.replace(/^attendance-/, ''), name: (await row.locator('legend').innerText()).trim() });
  }
  return result;
}

const mark = (row: Locator, label: 'Có mặt' | 'Vắng có lý do' | 'Vắng không lý do') => row.getByLabel(label, { exact: true }).check();

describe('a meeting recorded, printed and corrected (1280 px)', () => {
  it('records attendance for every member, lists it, prints the minutes, edits a mark; GraphQL reads it back', async () => {
    const { context, page } = await cell.signedInPage(undefined, 1280);
    await page.goto(`${cell.shellUrl}cell/${cellId}/meetings`);
    await waitForContent(page);
    await page.getByTestId('new-meeting').click();
    await page.getByTestId('meeting-form').waitFor();

    const rows = await attendanceRows(page);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const [excused, absent] = rows;
    await page.getByLabel('Ngày sinh hoạt').fill(HELD_ON);
    await page.getByLabel('Nội dung sinh hoạt').fill('Sinh hoạt chi bộ thường kỳ: kiểm điểm việc tháng, phân công vận động các hộ.');
    await page.getByLabel('Nghị quyết, kết luận (nếu có)').fill('Chi bộ thống nhất vận động 5 hộ tham gia vệ sinh môi trường.');
    await mark(excused!.row, 'Vắng có lý do');
    await mark(absent!.row, 'Vắng không lý do');
    expect(await page.getByTestId('attendance-tally').innerText()).toBe(`Có mặt ${String(rows.length - 2)} · Vắng có lý do 1 · Vắng không lý do 1`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await keepScreenshot(page, 'cell-meeting-form-1280');

    // The reason is required: the form says so on that member's card, before sending anything.
    await page.getByTestId('meeting-submit').click();
    await expect.poll(() => excused!.row.innerText()).toContain('Ghi lý do vắng của đồng chí này.');
    await excused!.row.getByLabel(`Lý do vắng của đồng chí ${excused!.name}`).fill('Đi khám bệnh ở Nam Định');
    await page.getByTestId('meeting-submit').click();

    // Saved: the minutes open.
    await page.getByTestId('meeting-saved').waitFor();
    const meetingId = new URL(page.url()).pathname.split('/').at(-1)!;
    const recorded = (await readMeetings()).find((meeting) => meeting.id === meetingId);
    expect(recorded).toMatchObject({ heldOn: HELD_ON, kind: 'REGULAR' });
    expect(recorded!.attendance).toHaveLength(rows.length);

    // In the list, newest first.
    await page.getByRole('link', { name: 'Về danh sách sinh hoạt' }).click();
    const card = page.getByTestId(`meeting-${meetingId}`);
    await card.waitFor();
    expect(await card.innerText()).toContain(`Ngày ${vnDate} · Sinh hoạt thường kỳ`);
    expect(await card.innerText()).toContain('Vắng không lý do 1');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await keepScreenshot(page, 'cell-meetings-list-1280');

    // The minutes: attendance part, printed on A4.
    await card.getByRole('link').click();
    await page.getByTestId('minutes').waitFor();
    expect(await page.getByTestId('minutes-summary').innerText()).toBe(
      `Tổng số đảng viên phải dự: ${String(rows.length)}. Có mặt: ${String(rows.length - 2)}. Vắng có lý do: 1. Vắng không lý do: 1.`,
    );
    expect(await page.getByTestId('minutes-excused').innerText()).toContain(`${excused!.name}: Đi khám bệnh ở Nam Định`);
    expect(await page.getByTestId('minutes-absent').innerText()).toContain(absent!.name);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await keepScreenshot(page, 'cell-meeting-minutes-1280');
    await page.emulateMedia({ media: 'print' });
    await keepScreenshot(page, 'cell-meeting-minutes-print');
    await page.emulateMedia({ media: 'screen' });

    // Corrected: the absent member did come after all.
    await page.getByTestId('edit-meeting').click();
    await page.getByTestId('meeting-form').waitFor();
    const absentRow = page.getByTestId(`attendance-${absent!.memberId}`);
    expect(await absentRow.getByLabel('Vắng không lý do', { exact: true }).isChecked()).toBe(true);
    await mark(absentRow, 'Có mặt');
    await page.getByTestId('meeting-submit').click();
    await page.getByTestId('meeting-saved').waitFor();
    expect(await page.getByTestId('minutes-summary').innerText()).toContain('Vắng không lý do: 0.');

    const edited = (await readMeetings()).find((meeting) => meeting.id === meetingId)!;
    const status = Object.fromEntries(edited.attendance.map((entry) => [entry.member.id, entry]));
    expect(edited.attendance).toHaveLength(rows.length);
    expect(status[absent!.memberId]).toMatchObject({ status: 'PRESENT' });
    expect(status[excused!.memberId]).toMatchObject({ status: 'EXCUSED', reason: 'Đi khám bệnh ở Nam Định' });
    expect(edited.attendance.filter((entry) => entry.status === 'PRESENT')).toHaveLength(rows.length - 1);
    await context.close();
  });
});

describe('a meeting recorded while the network drops (360 px phone)', () => {
  it('keeps the draft through a reload, queues it, and sends it exactly once when the network returns', async () => {
    const { context, page } = await cell.signedInPage(undefined, 360);
    await page.goto(`${cell.shellUrl}cell/${cellId}/meetings/new`);
    await waitForContent(page);
    await page.getByTestId('meeting-form').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    const rows = await attendanceRows(page);
    const [, , excused, absent] = rows;
    await page.getByLabel('Ngày sinh hoạt').fill(HELD_ON);
    await page.getByLabel('Hình thức').selectOption('THEMATIC');
    await page.getByLabel('Nội dung sinh hoạt').fill('Sinh hoạt chuyên đề: học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.');
    await mark(excused!.row, 'Vắng có lý do');
    await excused!.row.getByLabel(`Lý do vắng của đồng chí ${excused!.name}`).fill('Đi công tác xa');
    // The reason box fits the phone: nothing scrolls sideways.
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await keepScreenshot(page, 'cell-meeting-form-360');

    // The network drops in the middle of the attendance. When the minutes are finally sent, the
    // server records them but the answer is lost: the browser must not record them twice.
    let recordsReachingServer = 0;
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('recordMeeting') && recordsReachingServer === 0) {
        recordsReachingServer += 1;
        await route.fetch().catch(() => undefined);
      }
      await route.abort('internetdisconnected');
    });
    await mark(absent!.row, 'Vắng không lý do');
    await page.reload();
    await page.getByTestId('meeting-form').waitFor({ timeout: 30_000 });
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.getByTestId('draft-restored').innerText()).toContain('Đã khôi phục bản nháp');
    expect(await page.getByLabel('Hình thức').inputValue()).toBe('THEMATIC');
    expect(await page.getByTestId(`attendance-${absent!.memberId}`).getByLabel('Vắng không lý do', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByTestId(`attendance-${excused!.memberId}`).getByLabel(`Lý do vắng của đồng chí ${excused!.name}`).inputValue()).toBe('Đi công tác xa');
    await keepScreenshot(page, 'cell-meeting-form-restored-360');

    await page.getByTestId('meeting-submit').click();
    const queued = page.getByTestId('meeting-queued');
    await queued.waitFor();
    expect(await queued.innerText()).toContain('sẽ được gửi tự động khi có mạng trở lại');
    expect(await page.locator('.dv-outbox').innerText()).toContain('chưa gửi được');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await keepScreenshot(page, 'cell-meeting-queued-360');
    expect(recordsReachingServer).toBe(1);

    // The network returns.
    await page.unroute('**/graphql');
    await page.evaluate("window.dispatchEvent(new Event('online'))");
    await page.locator('.dv-outbox').waitFor({ state: 'detached', timeout: 30_000 });
    await page.evaluate("window.dispatchEvent(new Event('online'))");

    const thematic = (await readMeetings()).filter((meeting) => meeting.heldOn === HELD_ON && meeting.kind === 'THEMATIC');
    expect(thematic).toHaveLength(1);
    const status = Object.fromEntries(thematic[0]!.attendance.map((entry) => [entry.member.id, entry]));
    expect(thematic[0]!.attendance).toHaveLength(rows.length);
    expect(status[excused!.memberId]).toMatchObject({ status: 'EXCUSED', reason: 'Đi công tác xa' });
    expect(status[absent!.memberId]).toMatchObject({ status: 'ABSENT' });

    // The list, at 360 px too.
    await page.goto(`${cell.shellUrl}cell/${cellId}/meetings`);
    await waitForContent(page);
    await page.getByTestId(`meeting-${thematic[0]!.id}`).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await keepScreenshot(page, 'cell-meetings-list-360');
    await page.getByTestId(`meeting-${thematic[0]!.id}`).getByRole('link').click();
    await page.getByTestId('minutes').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await keepScreenshot(page, 'cell-meeting-minutes-360');
    await context.close();
  });
});
