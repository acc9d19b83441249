import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataSet } from '@dangvien/demo-data';
import { demoId, keepScreenshot, seriousA11yViolations, startTestSystem, WARD_CLERK, type TestSystem } from './harness.ts';
import { shiftDate, TODAY } from './calendar.ts';

/**
 * The ward committee's clerk in the browser: admits a member (admitted a year and some weeks ago),
 * makes them official at the end of probation and issues the transfer letter out of the system (its
 * number and 30-day deadline, overdue); tries to make a newly admitted member official too early and
 * is refused with the Charter's rule, which changes nothing; receives a member from outside the
 * system into a cell, who then appears in that cell's module. Each step is read back through GraphQL;
 * every page built here has no serious accessibility violation and is kept as a screenshot.
 */
let ward: TestSystem;
let committeeId = '';
const cellId = demoId('unit', 101);
const CELL_NAME = 'Chi bộ Tổ dân phố số 1';
/** An official member of cell 101 who goes to work elsewhere for six months. */
const traveller = demoDataSet().members.find((member) => member.cellId === cellId && member.status === 'OFFICIAL')!;

const display = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** Admitted a year and 40 days ago: probation ended 40 days ago, inside the 30 working days the cell has to decide. */
const ADMITTED = shiftDate(TODAY, { months: -12, days: -40 });
const LETTER_DATE = shiftDate(TODAY, { days: -35 });
const ADMITTED_NAME = 'Đoàn Thị Quỳnh Giao';
const EARLY_NAME = 'Lương Văn Khải';
const ARRIVING_NAME = 'Tạ Minh Thường';
let earlyId = '';

const MEMBER = `query ($id: ID!) { member(id: $id) { id fullName status cell { id } events { kind occurredOn decisionNumber } } }`;
interface MemberAnswer {
  member: { id: string; fullName: string; status: string; cell: { id: string } | null; events: { kind: string; occurredOn: string; decisionNumber: string | null }[] } | null;
}
const TRANSFERS = `query ($id: ID!) { memberTransfers(unitId: $id) { id memberName member { id } direction kind reason fromCell { id } toCell { id } externalOrganization letterNumber letterIssuedOn reportDueOn presentedOn temporaryUntil returnedOn } }`;
interface TransfersAnswer {
  memberTransfers: {
    id: string;
    memberName: string;
    member: { id: string } | null;
    direction: string;
    kind: string;
    reason: string;
    fromCell: { id: string } | null;
    toCell: { id: string } | null;
    externalOrganization: string | null;
    letterNumber: string;
    letterIssuedOn: string;
    reportDueOn: string;
    presentedOn: string | null;
    temporaryUntil: string | null;
    returnedOn: string | null;
  }[];
}

beforeAll(async () => {
  ward = await startTestSystem();
  const cell = await ward.graphql<{ orgUnit: { parent: { id: string } } }>(`query ($id: ID!) { orgUnit(id: $id) { parent { id } } }`, { id: cellId }, WARD_CLERK);
  committeeId = cell.orgUnit.parent.id;
  // A member admitted three months ago: not yet at the end of probation.
  const early = await ward.graphql<{ createMember: { id: string } }>(
    `mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
    { input: { cellId, profile: { fullName: EARLY_NAME, dateOfBirth: '1995-07-20', sex: 'MALE' }, admittedOn: shiftDate(TODAY, { months: -3 }), admissionDecisionNumber: '88-QĐ/ĐU' } },
    WARD_CLERK,
  );
  earlyId = early.createMember.id;
});
afterAll(async () => {
  await ward?.stop();
});

async function settle(page: Page): Promise<void> {
  await page.waitForFunction('!document.querySelector(".dv-loading")', undefined, { timeout: 20_000 });
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${ward.shellUrl}ward/${committeeId}/${path}`);
  await page.getByRole('navigation', { name: 'Các việc của đảng bộ' }).waitFor();
  await settle(page);
}

const dialog = (page: Page): Locator => page.locator('dialog[open]');

async function expectAccessible(page: Page, screenshot: string): Promise<void> {
  await keepScreenshot(page, screenshot);
  expect(await page.locator('.dv-error').count(), 'no error box').toBe(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
}

describe('the ward clerk at 1280 px', () => {
  it('admits a member, makes them official after probation, then issues the transfer letter out with its deadline', async () => {
    const { context, page } = await ward.signedInPage(WARD_CLERK, 1280, 'ward');
    await open(page, 'members');
    await page.getByTestId('member-admit-open').click();
    const form = page.getByTestId('member-admit-form');
    await form.waitFor();
    // Sent empty: what is missing, in Vietnamese, next to each box.
    await page.getByTestId('member-admit-submit').click();
    await expect.poll(() => form.getByText('Nhập họ và tên.').count()).toBe(1);
    expect(await form.getByText('Chọn chi bộ.').count()).toBe(1);
    expect(await form.getByText('Nhập số quyết định.').count()).toBe(1);

    await form.getByLabel('Họ và tên').fill(ADMITTED_NAME);
    await form.getByLabel('Ngày sinh').fill('1992-09-14');
    await form.getByLabel('Giới tính').selectOption({ label: 'Nữ' });
    await form.getByLabel('Chi bộ sinh hoạt').selectOption({ label: CELL_NAME });
    await form.getByLabel('Ngày quyết định kết nạp').fill(ADMITTED);
    await form.getByLabel('Số quyết định kết nạp').fill('12-QĐ/ĐU');
    await expectAccessible(page, 'ward-members-admit-1280');
    await page.getByTestId('member-admit-submit').click();

    // The new member's page: probationary, in the cell, with the admission in the history.
    await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
    const memberId = page.url().split('/').at(-1)!;
    await expect.poll(() => page.getByTestId('member-status').getAttribute('data-status')).toBe('PROBATIONARY');
    expect(await page.getByTestId('member-name').innerText()).toBe(ADMITTED_NAME);
    const admitted = await ward.graphql<MemberAnswer>(MEMBER, { id: memberId }, WARD_CLERK);
    expect(admitted.member).toMatchObject({ fullName: ADMITTED_NAME, status: 'PROBATIONARY', cell: { id: cellId }, events: [{ kind: 'ADMITTED', occurredOn: ADMITTED, decisionNumber: '12-QĐ/ĐU' }] });
    // The full record is the cell module's page.
    expect(await page.getByTestId('member-full-record').getAttribute('href')).toBe(`/cell/${cellId}/members/${memberId}`);

    // Official at the end of probation: the form starts at that day.
    await page.getByTestId('member-action-OFFICIAL').click();
    const decision = dialog(page).getByTestId('decision-form');
    await decision.waitFor();
    const officialOn = await decision.getByLabel('Ngày quyết định').inputValue();
    expect(officialOn).toBe(shiftDate(ADMITTED, { months: 12 }));
    expect(await decision.getByTestId('decision-official-hint').innerText()).toContain(display(officialOn));
    await decision.getByLabel('Số quyết định').fill('30-QĐ/ĐU');
    await expectAccessible(page, 'ward-members-official-form-1280');
    await decision.getByTestId('decision-submit').click();
    await expect.poll(() => page.getByTestId('member-notice').innerText()).toContain('Công nhận đảng viên chính thức');
    await expect.poll(() => page.getByTestId('member-status').getAttribute('data-status')).toBe('OFFICIAL');
    await page.getByTestId('member-events').getByText('30-QĐ/ĐU').waitFor();
    await expectAccessible(page, 'ward-members-member-1280');
    const official = await ward.graphql<MemberAnswer>(MEMBER, { id: memberId }, WARD_CLERK);
    expect(official.member?.status).toBe('OFFICIAL');
    expect(official.member?.events.at(-1)).toEqual({ kind: 'OFFICIAL', occurredOn: officialOn, decisionNumber: '30-QĐ/ĐU' });

    // The transfer out of the system, with a letter dated 35 days ago: its deadline has passed.
    await page.getByTestId('member-transfer').click();
    const issue = page.getByTestId('transfer-issue-form');
    await issue.waitFor();
    await settle(page);
    await issue.getByLabel('Lý do').selectOption({ label: 'chuyển nơi cư trú lâu dài' });
    await issue.getByLabel('Nơi chuyển đến').selectOption({ label: 'Tổ chức đảng ngoài hệ thống (tỉnh, thành khác…)' });
    await issue.getByLabel('Tên tổ chức đảng nơi chuyển đến').fill('Đảng ủy phường Bến Thành, Thành ủy Thành phố Hồ Chí Minh');
    await issue.getByLabel('Số giấy giới thiệu').fill('27-GGT/ĐU');
    await issue.getByLabel('Ngày cấp').fill(LETTER_DATE);
    await expectAccessible(page, 'ward-transfers-issue-1280');
    await page.getByTestId('transfer-issue-submit').click();

    const due = shiftDate(LETTER_DATE, { days: 30 });
    await expect.poll(() => page.getByTestId('transfer-notice').innerText()).toContain(`Đã cấp giấy giới thiệu số 27-GGT/ĐU cho đồng chí ${ADMITTED_NAME}`);
    expect(await page.getByTestId('transfer-notice').innerText()).toContain(`Hạn xuất trình ở nơi đến: ${display(due)}`);
    // The letter to print: its number, the destination, the deadline.
    await page.getByTestId('transfer-notice-print').click();
    const letter = page.locator('.dv-print');
    await page.getByTestId('transfer-letter-print').waitFor();
    expect(await letter.innerText()).toContain('Số: 27-GGT/ĐU');
    expect(await letter.innerText()).toContain('Kính gửi: Đảng ủy phường Bến Thành, Thành ủy Thành phố Hồ Chí Minh');
    expect(await page.getByTestId('transfer-letter-deadline').innerText()).toContain(`chậm nhất ngày ${display(due)}`);
    await expectAccessible(page, 'ward-transfers-letter-1280');
    await page.getByRole('link', { name: 'Về chuyển sinh hoạt' }).click();
    const row = page.getByTestId('transfers-outgoing').locator('tr').filter({ hasText: '27-GGT/ĐU' });
    await row.waitFor();
    expect(await row.getByTestId('transfer-due').innerText()).toBe(display(due));
    expect(await row.getByTestId('transfer-state').getAttribute('data-overdue')).toBe('yes');
    expect(await row.innerText()).toContain('Quá hạn xuất trình');
    await expectAccessible(page, 'ward-transfers-1280');

    const transfers = await ward.graphql<TransfersAnswer>(TRANSFERS, { id: committeeId }, WARD_CLERK);
    expect(transfers.memberTransfers.find((transfer) => transfer.letterNumber === '27-GGT/ĐU')).toMatchObject({
      memberName: ADMITTED_NAME,
      direction: 'OUT',
      kind: 'OFFICIAL',
      reason: 'PERMANENT_MOVE',
      fromCell: { id: cellId },
      toCell: null,
      externalOrganization: 'Đảng ủy phường Bến Thành, Thành ủy Thành phố Hồ Chí Minh',
      letterIssuedOn: LETTER_DATE,
      reportDueOn: due,
      presentedOn: null,
    });

    // The destination confirms today, late: recorded by the sending side, the row says so.
    await row.getByTestId('transfer-present-open').click();
    const present = dialog(page).getByTestId('transfer-present-form');
    expect(await present.getByLabel('Ngày xuất trình').inputValue()).toBe(TODAY);
    await present.getByTestId('transfer-present-submit').click();
    await expect.poll(() => page.getByTestId('transfer-notice').innerText()).toBe('Đã ghi ngày xuất trình giấy giới thiệu.');
    await expect.poll(() => row.getByTestId('transfer-state').innerText()).toBe(`Xuất trình muộn ${display(TODAY)}`);
    const presented = await ward.graphql<TransfersAnswer>(TRANSFERS, { id: committeeId }, WARD_CLERK);
    expect(presented.memberTransfers.find((transfer) => transfer.letterNumber === '27-GGT/ĐU')?.presentedOn).toBe(TODAY);
    await context.close();
  });

  it('finds the member transferred out of the system only when the search includes those who left, and opens the kept record', async () => {
    const { context, page } = await ward.signedInPage(WARD_CLERK, 1280, 'ward');
    await open(page, 'members');
    const search = page.getByTestId('member-search-form');
    await search.getByLabel('Họ và tên').fill(ADMITTED_NAME);
    await page.getByTestId('member-search-submit').click();
    await page.getByText('Không tìm thấy đảng viên nào khớp.').waitFor();

    await search.getByLabel('Phạm vi').selectOption({ label: 'Gồm cả người đã chuyển đi, ra khỏi Đảng, từ trần' });
    await page.getByTestId('member-search-submit').click();
    await page.waitForURL((url) => url.searchParams.get('scope') === 'withLeft');
    const row = page.getByTestId('member-results').locator('tr').filter({ hasText: ADMITTED_NAME });
    await row.waitFor();
    expect(await row.innerText()).toContain('Không còn sinh hoạt ở chi bộ nào');
    expect(await row.getByTestId('member-status').getAttribute('data-status')).toBe('OFFICIAL');
    // The same answer as the API's, which without includeLeft does not find them.
    const SEARCH = `query ($name: String, $includeLeft: Boolean) { searchMembers(name: $name, includeLeft: $includeLeft, first: 20) { nodes { id cell { id } } } }`;
    type Found = { searchMembers: { nodes: { id: string; cell: { id: string } | null }[] } };
    const withLeft = await ward.graphql<Found>(SEARCH, { name: ADMITTED_NAME, includeLeft: true }, WARD_CLERK);
    expect(withLeft.searchMembers.nodes).toHaveLength(1);
    expect(withLeft.searchMembers.nodes[0]!.cell).toBeNull();
    expect((await ward.graphql<Found>(SEARCH, { name: ADMITTED_NAME }, WARD_CLERK)).searchMembers.nodes).toEqual([]);
    await expectAccessible(page, 'ward-members-search-left-1280');

    await row.getByTestId('member-link').click();
    await page.waitForURL(new RegExp(`/members/${withLeft.searchMembers.nodes[0]!.id}$`));
    expect(await page.getByTestId('member-name').innerText()).toBe(ADMITTED_NAME);
    await page.getByText('Không còn sinh hoạt ở chi bộ nào trong hệ thống').waitFor();
    await page.getByTestId('member-events').getByText('30-QĐ/ĐU').waitFor();
    // Kept to read: no decision to record and nothing to annul here (the server refuses them too).
    expect(await page.getByTestId('member-no-decisions').innerText()).toContain('đã chuyển sinh hoạt ra ngoài hệ thống');
    expect(await page.getByTestId('member-actions').count()).toBe(0);
    expect(await page.getByTestId('member-annul').count()).toBe(0);
    await expectAccessible(page, 'ward-members-left-record-1280');
    await context.close();
  });

  it('is refused making a member official before 12 months of probation: the rule shows and nothing changes', async () => {
    const { context, page } = await ward.signedInPage(WARD_CLERK, 1280, 'ward');
    // Found by a name typed without diacritics.
    await open(page, 'members');
    await page.getByTestId('member-search-name').fill('luong van khai');
    await page.getByTestId('member-search-submit').click();
    const link = page.getByTestId('member-results').getByTestId('member-link').filter({ hasText: EARLY_NAME });
    await link.waitFor();
    expect(await page.getByTestId('member-results').locator('tr').filter({ hasText: EARLY_NAME }).innerText()).toContain(CELL_NAME);
    await expectAccessible(page, 'ward-members-search-1280');
    await link.click();
    await page.getByTestId('member-name').waitFor();
    await settle(page);

    await page.getByTestId('member-action-OFFICIAL').click();
    const decision = dialog(page).getByTestId('decision-form');
    await decision.getByLabel('Ngày quyết định').fill(TODAY);
    await decision.getByLabel('Số quyết định').fill('31-QĐ/ĐU');
    await decision.getByTestId('decision-submit').click();
    const earliest = shiftDate(shiftDate(TODAY, { months: -3 }), { months: 12 });
    const rule = `Chỉ công nhận chính thức sau đủ 12 tháng dự bị: sớm nhất ngày ${earliest}`;
    await expect.poll(() => decision.getByText(rule).count()).toBe(1);
    await keepScreenshot(page, 'ward-members-refused-1280');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog(page).getByRole('button', { name: 'Hủy' }).click();
    expect(await page.getByTestId('member-status').getAttribute('data-status')).toBe('PROBATIONARY');

    const read = await ward.graphql<MemberAnswer>(MEMBER, { id: earlyId }, WARD_CLERK);
    expect(read.member?.status).toBe('PROBATIONARY');
    expect(read.member?.events.map((event) => event.kind)).toEqual(['ADMITTED']);
    await context.close();
  });

  it('annuls an exemption recorded on the wrong day, sees it struck through with the reason, then records the right one', async () => {
    // Recorded by mistake (as a clerk would, through the same mutation the form sends): ten days too early.
    const wrongDay = shiftDate(TODAY, { days: -12 });
    const rightDay = shiftDate(TODAY, { days: -2 });
    await ward.graphql(`mutation ($input: RecordMemberEventInput!) { recordMemberEvent(input: $input) { id } }`, { input: { memberId: earlyId, kind: 'EXEMPT', occurredOn: wrongDay, decisionNumber: '40-QĐ/ĐU' } }, WARD_CLERK);
    const { context, page } = await ward.signedInPage(WARD_CLERK, 1280, 'ward');
    await open(page, `members/${earlyId}`);
    await page.getByTestId('member-name').waitFor();
    await settle(page);
    expect(await page.getByTestId('member-status').getAttribute('data-status')).toBe('EXEMPT');
    // Only the latest effective event (the exemption) can be annulled, not the admission under it.
    const events = page.getByTestId('member-events');
    expect(await events.getByTestId('member-annul').count()).toBe(1);
    expect(await events.getByRole('row').filter({ hasText: 'Miễn công tác và sinh hoạt đảng' }).getByTestId('member-annul').count()).toBe(1);

    await events.getByTestId('member-annul').click();
    const annul = dialog(page).getByTestId('annul-form');
    await annul.getByTestId('annul-submit').click();
    await annul.getByText('Nhập lý do hủy quyết định.').waitFor();
    await annul.getByLabel('Lý do').fill('Ghi nhầm ngày quyết định');
    await keepScreenshot(page, 'ward-members-annul-form-1280');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await annul.getByTestId('annul-submit').click();
    await page.getByTestId('member-annul-notice').waitFor();
    expect(await page.getByTestId('member-annul-notice').innerText()).toContain('Trạng thái hiện nay: Dự bị');
    await expect.poll(() => page.getByTestId('member-status').getAttribute('data-status')).toBe('PROBATIONARY');
    const struck = events.getByRole('row').filter({ hasText: 'Miễn công tác và sinh hoạt đảng' });
    await struck.getByText('Đã hủy').waitFor();
    expect(await struck.getByTestId('member-event-annulment').innerText()).toMatch(new RegExp(`^Hủy ngày ${display(TODAY)}, người hủy: .+\\. Lý do: Ghi nhầm ngày quyết định$`));
    expect(await struck.locator('s').count()).toBeGreaterThan(0);
    // The admission is now the latest effective event: it is the one offered.
    expect(await events.getByRole('row').filter({ hasText: 'Kết nạp vào Đảng' }).getByTestId('member-annul').count()).toBe(1);
    await expectAccessible(page, 'ward-members-annulled-1280');

    // The right exemption, with the existing form.
    await page.getByTestId('member-action-EXEMPT').click();
    const decision = dialog(page).getByTestId('decision-form');
    await decision.getByLabel('Ngày quyết định').fill(rightDay);
    await decision.getByLabel('Số quyết định').fill('41-QĐ/ĐU');
    await decision.getByTestId('decision-submit').click();
    await expect.poll(() => page.getByTestId('member-status').getAttribute('data-status')).toBe('EXEMPT');
    await events.getByRole('row').filter({ hasText: '41-QĐ/ĐU' }).waitFor();
    await expectAccessible(page, 'ward-members-corrected-1280');

    const read = await ward.graphql<{ member: { status: string; events: { kind: string; occurredOn: string; annulled: boolean; annulReason: string | null }[] } }>(
      `query ($id: ID!) { member(id: $id) { status events { kind occurredOn annulled annulReason } } }`,
      { id: earlyId },
      WARD_CLERK,
    );
    expect(read.member.status).toBe('EXEMPT');
    expect(read.member.events.filter((event) => event.kind === 'EXEMPT')).toEqual([
      { kind: 'EXEMPT', occurredOn: wrongDay, annulled: true, annulReason: 'Ghi nhầm ngày quyết định' },
      { kind: 'EXEMPT', occurredOn: rightDay, annulled: false, annulReason: null },
    ]);
    await context.close();
  });

  it('receives a member from outside the system into a cell; the member then appears in that cell’s module', async () => {
    const { context, page } = await ward.signedInPage(WARD_CLERK, 1280, 'ward');
    await open(page, 'transfers');
    await page.getByTestId('transfer-receive-open').click();
    const form = page.getByTestId('transfer-receive-form');
    await form.waitFor();
    await settle(page);
    await form.getByLabel('Họ và tên').fill(ARRIVING_NAME);
    await form.getByLabel('Ngày sinh').fill('1980-11-02');
    await form.getByLabel('Giới tính').selectOption({ label: 'Nam' });
    await form.getByLabel('Chi bộ sinh hoạt').selectOption({ label: CELL_NAME });
    await form.getByLabel('Lý do').selectOption({ label: 'chuyển nơi cư trú lâu dài' });
    await form.getByLabel('Tổ chức đảng nơi chuyển đi').fill('Đảng ủy xã Hải Đông, huyện Hải Hậu');
    await form.getByLabel('Số giấy giới thiệu').fill('41-GGT/ĐU');
    await form.getByLabel('Ngày cấp giấy').fill(shiftDate(TODAY, { days: -6 }));
    await form.getByLabel('Ngày xuất trình').fill(shiftDate(TODAY, { days: -2 }));
    await form.getByLabel('Ngày kết nạp').fill('2008-05-19');
    await form.getByLabel('Số quyết định kết nạp').fill('201-QĐ/ĐU');
    await form.getByLabel('Ngày công nhận chính thức (nếu đã chính thức)').fill('2009-05-19');
    await expectAccessible(page, 'ward-transfers-receive-1280');
    await page.getByTestId('transfer-receive-submit').click();
    await expect.poll(() => page.getByTestId('transfer-notice').innerText()).toBe(`Đã tiếp nhận đồng chí ${ARRIVING_NAME} vào ${CELL_NAME}.`);
    const row = page.getByTestId('transfers-incoming').locator('tr').filter({ hasText: '41-GGT/ĐU' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Đảng ủy xã Hải Đông, huyện Hải Hậu (ngoài hệ thống)');

    const transfers = await ward.graphql<TransfersAnswer>(TRANSFERS, { id: committeeId }, WARD_CLERK);
    const arrived = transfers.memberTransfers.find((transfer) => transfer.letterNumber === '41-GGT/ĐU');
    expect(arrived).toMatchObject({ memberName: ARRIVING_NAME, direction: 'IN', toCell: { id: cellId }, presentedOn: shiftDate(TODAY, { days: -2 }) });
    const member = await ward.graphql<MemberAnswer>(MEMBER, { id: arrived!.member!.id }, WARD_CLERK);
    expect(member.member).toMatchObject({ status: 'OFFICIAL', cell: { id: cellId } });
    expect(member.member?.events.map((event) => event.kind)).toEqual(['ADMITTED', 'OFFICIAL']);

    // The cell's module, opened in the shell by the clerk (who may read the committee's cells).
    await page.goto(`${ward.shellUrl}cell/${cellId}/members`);
    await page.getByRole('navigation', { name: 'Các việc của chi bộ' }).waitFor();
    await settle(page);
    await page.getByTestId('cell-members').getByTestId('member-link').filter({ hasText: ARRIVING_NAME }).waitFor();
    await keepScreenshot(page, 'ward-members-arrived-in-cell-1280');
    await context.close();
  });
  it('sends a member to another cell of the ward temporarily, records the letter presented there, then ends the stay', async () => {
    const { context, page } = await ward.signedInPage(WARD_CLERK, 1280, 'ward');
    await open(page, `members/${traveller.id}`);
    await page.getByTestId('member-transfer').click();
    const issue = page.getByTestId('transfer-issue-form');
    await issue.waitFor();
    await settle(page);
    const issuedOn = shiftDate(TODAY, { days: -10 });
    await issue.getByLabel('Tạm thời', { exact: true }).check();
    await issue.getByLabel('Lý do').selectOption({ label: 'đi làm việc nơi khác' });
    await issue.getByLabel('Nơi chuyển đến').selectOption({ label: 'Chi bộ Tổ dân phố số 2' });
    await issue.getByLabel('Số giấy giới thiệu').fill('33-GGT/ĐU');
    await issue.getByLabel('Ngày cấp').fill(issuedOn);
    // Two months is too short for a temporary stay: the rule shows before anything is sent.
    await issue.getByLabel('Sinh hoạt tạm thời đến ngày').fill(shiftDate(issuedOn, { months: 2 }));
    await page.getByTestId('transfer-issue-submit').click();
    await expect.poll(() => issue.getByText('Sinh hoạt tạm thời vì làm việc, cư trú từ 3 đến 12 tháng').count()).toBe(1);
    await issue.getByLabel('Sinh hoạt tạm thời đến ngày').fill(shiftDate(issuedOn, { months: 6 }));
    await page.getByTestId('transfer-issue-submit').click();
    await expect.poll(() => page.getByTestId('transfer-notice').innerText()).toContain('Đã cấp giấy giới thiệu số 33-GGT/ĐU');

    // The receiving cell is the ward's too: the clerk records the presentation there.
    const incoming = page.getByTestId('transfers-incoming').locator('tr').filter({ hasText: '33-GGT/ĐU' });
    await incoming.getByTestId('transfer-present-open').click();
    const present = dialog(page).getByTestId('transfer-present-form');
    await present.getByLabel('Ngày xuất trình').fill(shiftDate(issuedOn, { days: 2 }));
    await present.getByTestId('transfer-present-submit').click();
    await expect.poll(() => page.getByTestId('transfer-notice').innerText()).toBe('Đã ghi ngày xuất trình giấy giới thiệu.');
    const stay = page.getByTestId('transfers-temporary').locator('tr').filter({ hasText: traveller.fullName });
    await stay.waitFor();
    await keepScreenshot(page, 'ward-transfers-temporary-1280');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const away = await ward.graphql<MemberAnswer>(MEMBER, { id: traveller.id }, WARD_CLERK);
    expect(away.member?.cell?.id).toBe(demoId('unit', 102));

    await stay.getByTestId('transfer-end-open').click();
    const end = dialog(page).getByTestId('transfer-end-form');
    expect(await end.getByLabel('Ngày trở về').inputValue()).toBe(TODAY);
    await end.getByTestId('transfer-end-submit').click();
    await expect.poll(() => page.getByTestId('transfer-notice').innerText()).toBe('Đã ghi ngày trở về: kết thúc sinh hoạt tạm thời.');
    await expect.poll(() => stay.count()).toBe(0);

    const read = await ward.graphql<TransfersAnswer>(TRANSFERS, { id: committeeId }, WARD_CLERK);
    expect(read.memberTransfers.find((transfer) => transfer.letterNumber === '33-GGT/ĐU')).toMatchObject({
      member: { id: traveller.id },
      direction: 'WITHIN',
      kind: 'TEMPORARY',
      reason: 'WORK',
      fromCell: { id: cellId },
      toCell: { id: demoId('unit', 102) },
      letterIssuedOn: issuedOn,
      presentedOn: shiftDate(issuedOn, { days: 2 }),
      temporaryUntil: shiftDate(issuedOn, { months: 6 }),
      returnedOn: TODAY,
    });
    const back = await ward.graphql<MemberAnswer>(MEMBER, { id: traveller.id }, WARD_CLERK);
    expect(back.member?.cell?.id).toBe(cellId);
    await context.close();
  });
});
