import type { Caller } from '@dangvien/auth';
import { callerWith, dataOf, demoDataSet, demoId } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * Hủy quyết định ghi nhầm, through the gateway on real databases: a wrongly dated death is annulled
 * (kept and marked in the history), the member is back on the roster in membership and in evaluation's
 * copy, and the right death is recorded; an annulled expulsion stops capping the grade in evaluation.
 * Refusals (wrong role, out of scope, not the latest event, already annulled) change nothing.
 */
const demo = demoDataSet();
const committee = demoId('unit', 10);
const cell = demoId('unit', 101);
const [hoa, binh, cuong] = demo.members.filter((member) => member.cellId === cell && member.status === 'OFFICIAL');
const ward = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: committee });
const otherWard = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 11) });
const secretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: cell });

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => ward);
});
afterAll(async () => federation?.close());

const post = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) => federation.post<T>(query, variables);
const as = <T>(who: Caller, run: () => Promise<T>): Promise<T> => federation.as(who, run);

const RECORD = `mutation ($input: RecordMemberEventInput!) { recordMemberEvent(input: $input) { id status events { id kind occurredOn } } }`;
const ANNUL = `mutation ($input: AnnulMemberEventInput!) { annulMemberEvent(input: $input) { id status } }`;
const HISTORY = `query ($id: ID!, $on: String!) { member(id: $id) { status statusOn(date: $on) events { id kind occurredOn annulled annulledAt annulledBy annulReason } } }`;
const ROSTER = `query ($id: ID!) { orgUnit(id: $id) { members(first: 500) { id } } }`;
type Recorded = { recordMemberEvent: { id: string; status: string; events: { id: string; kind: string; occurredOn: string }[] } };
type HistoryEvent = { id: string; kind: string; occurredOn: string; annulled: boolean; annulledAt: string | null; annulledBy: string | null; annulReason: string | null };
type History = { member: { status: string; statusOn: string; events: HistoryEvent[] } };

const record = async (memberId: string, input: Record<string, unknown>) => {
  const recorded = dataOf(await post<Recorded>(RECORD, { input: { memberId, ...input } })).recordMemberEvent;
  return { status: recorded.status, eventId: recorded.events.find((event) => event.kind === input.kind && event.occurredOn === input.occurredOn)!.id };
};
const history = async (memberId: string, on: string) => dataOf(await post<History>(HISTORY, { id: memberId, on })).member;
const onRoster = async (memberId: string) => dataOf(await post<{ orgUnit: { members: { id: string }[] } }>(ROSTER, { id: cell })).orgUnit.members.some((member) => member.id === memberId);

const count = async (query: ReturnType<typeof sql<{ n: number }>>, db = federation.membership.db) => Number((await query.execute(db)).rows[0]!.n);
const counts = async () => ({
  annulled: await count(sql<{ n: number }>`SELECT count(*) AS n FROM member_event WHERE annulled_at IS NOT NULL`),
  events: await count(sql<{ n: number }>`SELECT count(*) AS n FROM member_event`),
  audit: await count(sql<{ n: number }>`SELECT count(*) AS n FROM audit_log`),
  outbox: await count(sql<{ n: number }>`SELECT count(*) AS n FROM outbox_event`),
});
const replicaStatus = async (memberId: string) =>
  (await sql<{ status: string }>`SELECT status FROM member_replica WHERE member_id = ${memberId}`.execute(federation.evaluation.db)).rows[0]?.status;
const disciplineCopies = async (memberId: string) =>
  count(sql<{ n: number }>`SELECT count(*) AS n FROM member_discipline WHERE member_id = ${memberId}`, federation.evaluation.db);

describe('a death recorded on the wrong day', () => {
  let wrongDeath: string;

  it('is recorded: the member leaves the roster, here and in evaluation’s copy', async () => {
    const recorded = await record(hoa!.id, { kind: 'DIED', occurredOn: '2026-11-02', decisionNumber: '12-TB/ĐU' });
    expect(recorded.status).toBe('DECEASED');
    wrongDeath = recorded.eventId;
    await federation.catchUp();
    expect(await replicaStatus(hoa!.id)).toBe('DECEASED');
    expect(await onRoster(hoa!.id)).toBe(false);
  });

  it.each([
    ['a cell secretary (whose role does not record decisions)', secretary, () => ({ eventId: wrongDeath, reason: 'Ghi nhầm ngày mất' }), 'FORBIDDEN'],
    ['another ward (outside its scope: as if the event did not exist)', otherWard, () => ({ eventId: wrongDeath, reason: 'Ghi nhầm ngày mất' }), 'NOT_FOUND'],
    ['an event that does not exist', ward, () => ({ eventId: '999999999', reason: 'Ghi nhầm ngày mất' }), 'NOT_FOUND'],
    ['no reason', ward, () => ({ eventId: wrongDeath, reason: '   ' }), 'BAD_USER_INPUT'],
  ])('is not annulled by %s, and nothing changes', async (_case, who, input, code) => {
    const before = await counts();
    const response = await as(who, () => post(ANNUL, { input: input() }));
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    expect(response.errors?.[0]?.message).toMatch(/[ạảãáàâăđêôơưốủệ]/i);
    expect(await counts()).toEqual(before);
  });

  it('answers the same for an event outside the scope as for a missing one', async () => {
    const outside = await as(otherWard, () => post(ANNUL, { input: { eventId: wrongDeath, reason: 'Ghi nhầm' } }));
    const missing = await as(otherWard, () => post(ANNUL, { input: { eventId: '999999999', reason: 'Ghi nhầm' } }));
    expect(outside.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    expect(outside.errors?.[0]?.extensions?.field).toBe('eventId');
  });

  it('is annulled by the ward committee: kept and marked in the history, the member official and on the roster again, everywhere', async () => {
    const before = await counts();
    const annulled = dataOf(await post<{ annulMemberEvent: { status: string } }>(ANNUL, { input: { eventId: wrongDeath, reason: 'Ghi nhầm ngày mất: mất ngày 20-11-2026' } })).annulMemberEvent;
    expect(annulled.status).toBe('OFFICIAL');
    const after = await counts();
    expect(after).toMatchObject({ annulled: before.annulled + 1, events: before.events, audit: before.audit + 1 });
    expect(after.outbox).toBe(before.outbox + 1); // MemberPlaced with the status restored
    const shown = await history(hoa!.id, '2026-11-10');
    expect(shown.status).toBe('OFFICIAL');
    expect(shown.statusOn).toBe('OFFICIAL');
    expect(shown.events.find((event) => event.id === wrongDeath)).toMatchObject({ kind: 'DIED', occurredOn: '2026-11-02', annulled: true, annulReason: 'Ghi nhầm ngày mất: mất ngày 20-11-2026' });
    expect(shown.events.find((event) => event.id === wrongDeath)!.annulledBy).toContain(ward.name);
    const audit = await sql<{ operation: string }>`SELECT operation FROM audit_log WHERE entity_id = ${hoa!.id} ORDER BY id DESC LIMIT 1`.execute(federation.membership.db);
    expect(audit.rows[0]!.operation).toBe('annulMemberEvent');
    await federation.catchUp();
    expect(await replicaStatus(hoa!.id)).toBe('OFFICIAL');
    expect(await onRoster(hoa!.id)).toBe(true);
  });

  it('cannot be annulled twice', async () => {
    const before = await counts();
    const again = await post(ANNUL, { input: { eventId: wrongDeath, reason: 'Lần nữa' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'eventId' });
    expect(await counts()).toEqual(before);
  });

  it('then the right death is recorded; the history shows both, the wrong one marked', async () => {
    const right = await record(hoa!.id, { kind: 'DIED', occurredOn: '2026-11-20', decisionNumber: '15-TB/ĐU' });
    expect(right.status).toBe('DECEASED');
    const shown = await history(hoa!.id, '2026-11-10');
    expect(shown.statusOn).toBe('OFFICIAL'); // alive on the 10th: the wrong date no longer counts
    const deaths = shown.events.filter((event) => event.kind === 'DIED');
    expect(deaths.map((event) => [event.occurredOn, event.annulled])).toEqual([
      ['2026-11-02', true],
      ['2026-11-20', false],
    ]);
    await federation.catchUp();
    expect(await replicaStatus(hoa!.id)).toBe('DECEASED');
    const onTenth = await sql<{ status: string }>`
      SELECT status FROM member_placement_change WHERE member_id = ${hoa!.id}
        AND (effective_from IS NULL OR effective_from <= '2026-11-10') AND (valid_to IS NULL OR valid_to > '2026-11-10')`.execute(federation.evaluation.db);
    expect(onTenth.rows.map((row) => row.status)).toEqual(['OFFICIAL']);
  });
});

describe('only the latest effective event may be annulled', () => {
  it('refuses an earlier event while a later one stands on it, and annuls the later one first', async () => {
    const exempt = await record(binh!.id, { kind: 'EXEMPT', occurredOn: '2026-10-01', details: { reason: 'Ốm dài ngày' } });
    const ended = await record(binh!.id, { kind: 'EXEMPT_ENDED', occurredOn: '2026-11-15' });
    expect(ended.status).toBe('OFFICIAL');
    const before = await counts();
    const refused = await post(ANNUL, { input: { eventId: exempt.eventId, reason: 'Ghi nhầm' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'eventId' });
    expect(refused.errors?.[0]?.message).toContain('sau cùng');
    expect(await counts()).toEqual(before);
    expect(dataOf(await post<{ annulMemberEvent: { status: string } }>(ANNUL, { input: { eventId: ended.eventId, reason: 'Chưa có nghị quyết thôi miễn' } })).annulMemberEvent.status).toBe('EXEMPT');
    expect(dataOf(await post<{ annulMemberEvent: { status: string } }>(ANNUL, { input: { eventId: exempt.eventId, reason: 'Ghi nhầm người' } })).annulMemberEvent.status).toBe('OFFICIAL');
  });
});

describe('an expulsion recorded by mistake', () => {
  const residenceCell = demoId('unit', 102);
  const residenceLinks = async (memberId: string) =>
    dataOf(await post<{ member: { residenceLinks: { validFrom: string; validTo: string | null; endReason: string | null; residenceCell: { id: string } | null }[] } }>(
      `query ($id: ID!) { member(id: $id) { residenceLinks { validFrom validTo endReason residenceCell { id } } } }`,
      { id: memberId },
    )).member.residenceLinks;
  const residenceCopy = async (memberId: string) =>
    (await sql<{ residence_cell_id: string | null }>`SELECT residence_cell_id FROM residence_link WHERE member_id = ${memberId} ORDER BY valid_from DESC, seq DESC LIMIT 1`.execute(federation.evaluation.db)).rows[0]
      ?.residence_cell_id;

  it('is annulled: the member is official again, evaluation no longer counts the discipline, and the Regulation 213 link it ended holds again', async () => {
    // Introduced to a residential cell (Regulation 213) before the mistaken expulsion, which ends that link.
    dataOf(await post(`mutation ($input: LinkResidenceInput!) { linkResidence(input: $input) { id } }`, { input: { memberId: cuong!.id, residenceCellId: residenceCell, validFrom: '2026-01-15' } }));
    const expelled = await record(cuong!.id, { kind: 'DISCIPLINE', occurredOn: '2026-11-03', details: { disciplineLevel: 'EXPULSION' } });
    expect(expelled.status).toBe('LEFT');
    await federation.catchUp();
    expect(await disciplineCopies(cuong!.id)).toBe(1);
    expect(await replicaStatus(cuong!.id)).toBe('LEFT');
    expect(await residenceLinks(cuong!.id)).toEqual([{ validFrom: '2026-01-15', validTo: '2026-11-03', endReason: 'EXPELLED', residenceCell: { id: residenceCell } }]);
    expect(await residenceCopy(cuong!.id)).toBeNull();
    const before = await counts();
    const annulled = dataOf(await post<{ annulMemberEvent: { status: string } }>(ANNUL, { input: { eventId: expelled.eventId, reason: 'Quyết định khai trừ là của đảng viên khác' } })).annulMemberEvent;
    expect(annulled.status).toBe('OFFICIAL');
    expect((await counts()).outbox).toBe(before.outbox + 3); // MemberPlaced, MemberDisciplineAnnulled and ResidenceLinked
    await federation.catchUp();
    expect(await disciplineCopies(cuong!.id)).toBe(0);
    expect(await replicaStatus(cuong!.id)).toBe('OFFICIAL');
    expect(await onRoster(cuong!.id)).toBe(true);
    expect(await residenceLinks(cuong!.id)).toEqual([{ validFrom: '2026-01-15', validTo: null, endReason: null, residenceCell: { id: residenceCell } }]);
    expect(await residenceCopy(cuong!.id)).toBe(residenceCell);
  });
});
