import { createKysely, type SubgraphName } from '@dangvien/db';
import { createTestDatabase, type TestDatabase } from '@dangvien/testing';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationDatabase } from '@dangvien/evaluation/bulk';
import { findTasks, rosterOn } from '@dangvien/evaluation/testing';
import { replay, type LifecycleEvent, type LifecycleStatus, type MemberEventKind } from '@dangvien/membership/testing';
import type { OrganizationDatabase } from '@dangvien/organization/bulk';
import { findDescendantsOf } from '@dangvien/organization/testing';
import { memberCountReport } from './load/member-counts.ts';
import { DATA_DAY } from './generate/calendar.ts';
import { genId } from './generate/ids.ts';
import { FAMILY_NAME_SHARES } from './generate/names.ts';
import { SCALES } from './generate/scales.ts';
import { planDataSet } from './generate/tree.ts';
import { dataSetDigest } from './load/digest.ts';
import { LoadInterrupted, loadDataSet, migrateSubgraphs } from './load/load.ts';

/**
 * The district scale generated and loaded through each subgraph's bulk path into fresh databases:
 * the shape of Xuân Trường, realistic names, histories that membership's lifecycle accepts, grades
 * under each year's rule set, a tree with history, consistent replicas, and a run that resumes.
 */
const SEED = 2026;
const plan = planDataSet(SCALES.district, SEED);
const DATASET = `district:${SEED}`;
const PROVINCE = genId('unit', 1);
const DISTRICT = genId('unit', 1000);

async function freshSubgraphDatabases(label: string): Promise<{ urls: Record<SubgraphName, string>; databases: TestDatabase[] }> {
  const databases = await Promise.all((['organization', 'membership', 'evaluation'] as const).map((name) => createTestDatabase(`datagen_${label}_${name}`)));
  const urls = { organization: databases[0]!.url, membership: databases[1]!.url, evaluation: databases[2]!.url };
  await migrateSubgraphs(urls);
  return { urls, databases };
}

describe('the district scale, generated and bulk loaded', () => {
  let first: Awaited<ReturnType<typeof freshSubgraphDatabases>>;
  let organization: Kysely<OrganizationDatabase>;
  let membership: Kysely<unknown>;
  let evaluation: Kysely<unknown>;

  beforeAll(async () => {
    first = await freshSubgraphDatabases('first');
    await loadDataSet({ plan, dataset: DATASET, databaseUrls: first.urls });
    organization = createKysely<OrganizationDatabase>(first.urls.organization, { maxConnections: 2 });
    membership = createKysely<unknown>(first.urls.membership, { maxConnections: 2 });
    evaluation = createKysely<unknown>(first.urls.evaluation, { maxConnections: 2 });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([organization?.destroy(), membership?.destroy(), evaluation?.destroy()]);
    await Promise.all(first?.databases.map((database) => database.drop()) ?? []);
  });

  it('has the shape of Xuân Trường before the reform: 72 grassroots organizations (25 committees, 47 grassroots cells), 398 live cells plus the agency cells dissolved in 2019', async () => {
    const before = await findDescendantsOf(organization, [{ id: DISTRICT, day: '2019-01-01' }], [PROVINCE]);
    const kinds = (rows: { kind: string }[]) => Object.fromEntries(['GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL', 'CELL'].map((kind) => [kind, rows.filter((row) => row.kind === kind).length]));
    expect(kinds(before)).toEqual({ GRASSROOTS_COMMITTEE: 25, GRASSROOTS_CELL: 47, CELL: 398 + 21 });
    const afterDissolution = await findDescendantsOf(organization, [{ id: DISTRICT, day: '2020-01-01' }], [PROVINCE]);
    expect(kinds(afterDissolution)).toEqual({ GRASSROOTS_COMMITTEE: 25, GRASSROOTS_CELL: 47, CELL: 398 });
    // Loại hình: the town, 20 communes and 4 agency committees; 21 × 17 residential cells, the 21 dissolved agency cells.
    const categories = await organization.selectFrom('org_unit').select(['kind', 'category', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['kind', 'category']).execute();
    const count = (kind: string, category: string) => Number(categories.find((row) => row.kind === kind && row.category === category)?.n ?? 0);
    expect([count('GRASSROOTS_COMMITTEE', 'TOWNSHIP'), count('GRASSROOTS_COMMITTEE', 'COMMUNE'), count('GRASSROOTS_COMMITTEE', 'AGENCY')]).toEqual([1, 20, 4]);
    expect(count('CELL', 'RESIDENTIAL')).toBe(21 * 17);
    expect(count('CELL', 'AGENCY')).toBe(398 + 21 - 21 * 17);
  });

  it('answers as-of queries with history: in 2019 the grassroots sit under the district, in 2026 (after the 2025 reform) directly under the province', async () => {
    const children = async (id: string, day: string) => (await sql<{ kind: string; n: number }>`
      SELECT u.kind, count(*)::int AS n FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
      WHERE v.parent_id = ${id}::uuid AND (v.valid_from IS NULL OR v.valid_from <= ${day}::date) AND (v.valid_to IS NULL OR v.valid_to > ${day}::date)
      GROUP BY u.kind ORDER BY u.kind`.execute(organization)).rows;
    expect(await children(PROVINCE, '2019-06-01')).toEqual([{ kind: 'DISTRICT', n: 1 }]);
    expect(await children(PROVINCE, '2026-06-01')).toEqual([{ kind: 'GRASSROOTS_CELL', n: 47 }, { kind: 'GRASSROOTS_COMMITTEE', n: 25 }]);
    expect(await children(DISTRICT, '2026-06-01')).toEqual([]);
    const in2019 = await findDescendantsOf(organization, [{ id: PROVINCE, day: '2019-01-01' }], [PROVINCE]);
    const in2026 = await findDescendantsOf(organization, [{ id: PROVINCE, day: '2026-06-01' }], [PROVINCE]);
    expect(in2019.length - in2026.length).toBe(1 + 21); // the district and the dissolved agency cells
  });

  it('holds about 8,000 members with Vietnamese names at the usual family-name frequencies', async () => {
    const members = (await sql<{ full_name: string; status: string }>`SELECT full_name, status FROM member`.execute(membership)).rows;
    const active = members.filter((member) => ['PROBATIONARY', 'OFFICIAL', 'EXEMPT'].includes(member.status)).length;
    expect(active).toBeGreaterThan(7_500);
    expect(active).toBeLessThan(8_500);
    const total = FAMILY_NAME_SHARES.reduce((sum, [, share]) => sum + share, 0);
    for (const [family, share] of FAMILY_NAME_SHARES.slice(0, 4)) {
      const observed = members.filter((member) => member.full_name.startsWith(`${family} `)).length / members.length;
      expect(Math.abs(observed - share / total), family).toBeLessThan(0.02);
    }
    expect(members.every((member) => member.full_name === member.full_name.normalize('NFC') && member.full_name.split(' ').length >= 3)).toBe(true);
  });

  it('records every member with a history that membership’s lifecycle replays to the stored status', async () => {
    const members = (await sql<{ id: string; status: LifecycleStatus; date_of_birth: string }>`SELECT id, status, date_of_birth::text FROM member`.execute(membership)).rows;
    const events = (await sql<{ member_id: string; id: number; kind: MemberEventKind; occurred_on: string; details: { disciplineLevel?: LifecycleEvent['disciplineLevel'] } }>`
      SELECT member_id, id, kind, occurred_on::text, details FROM member_event ORDER BY member_id, id`.execute(membership)).rows;
    const byMember = new Map<string, LifecycleEvent[]>();
    for (const row of events) {
      const list = byMember.get(row.member_id) ?? [];
      list.push({ kind: row.kind, occurredOn: row.occurred_on, sequence: Number(row.id), disciplineLevel: row.details.disciplineLevel ?? null });
      byMember.set(row.member_id, list);
    }
    const kinds = new Set(events.map((row) => row.kind));
    for (const kind of ['CANDIDATE', 'ADMITTED', 'OFFICIAL', 'EXEMPT', 'DISCIPLINE', 'NAME_REMOVED', 'DIED'] as const) expect(kinds, kind).toContain(kind);
    for (const member of members) expect(replay(byMember.get(member.id) ?? [], { initialStatus: null, dateOfBirth: member.date_of_birth }), member.id).toBe(member.status);
    const moved = await sql<{ n: number }>`SELECT count(DISTINCT member_id)::int AS n FROM member_placement WHERE valid_to IS NOT NULL`.execute(membership);
    expect(moved.rows[0]!.n).toBeGreaterThan(100); // the 2019 dissolution and transfers
  });

  it('grades each year under the rule set then valid, within the excellent quota of each grassroots organization', async () => {
    const ruleSets = (await sql<{ year: number; code: string }>`
      SELECT DISTINCT c.year, r.code FROM review_cycle c JOIN rule_set r ON r.id = c.rule_set_id ORDER BY c.year`.execute(evaluation)).rows;
    expect(ruleSets).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({ year, code: year <= 2022 ? '132-QĐ/TW' : year <= 2024 ? '124-QĐ/TW' : '366-QĐ/TW' })));
    const overQuota = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (
        SELECT cycle_id, count(*) FILTER (WHERE grade = 'EXCELLENT') AS excellent, count(*) FILTER (WHERE grade = 'GOOD') AS good FROM review GROUP BY cycle_id
      ) c WHERE excellent > floor(good * 0.2)`.execute(evaluation);
    expect(overQuota.rows[0]!.n).toBe(0);
    const disciplined = await sql<{ n: number }>`SELECT count(*)::int AS n FROM review WHERE disciplined AND grade <> 'NOT_COMPLETED'`.execute(evaluation);
    expect(disciplined.rows[0]!.n).toBe(0);
    const attendance = await sql<{ status: string; n: number }>`SELECT status, count(*)::int AS n FROM attendance GROUP BY status ORDER BY status`.execute(evaluation);
    expect(attendance.rows.map((row) => row.status)).toEqual(['ABSENT', 'EXCUSED', 'PRESENT']);
  });

  it('keeps evaluation’s dated replica in step with the meetings: each meeting’s attendance is the cell’s roster that day', async () => {
    const meetings = (await sql<{ id: string; cell_id: string; held_on: string }>`
      SELECT id, cell_id, held_on::text FROM meeting ORDER BY id LIMIT 40`.execute(evaluation)).rows;
    for (const meeting of meetings) {
      const present = await sql<{ member_id: string }>`SELECT member_id FROM attendance WHERE meeting_id = ${meeting.id}::uuid`.execute(evaluation);
      const roster = await rosterOn(evaluation as Kysely<EvaluationDatabase>, meeting.cell_id, meeting.held_on);
      expect(new Set(present.rows.map((row) => row.member_id)), meeting.id).toEqual(roster);
    }
  });

  it('assigns tasks to members on the cell’s roster, reviews them each quarter, and leaves some with members who are gone (sót việc)', async () => {
    const assignments = (await sql<{ cell_id: string; member_id: string; assigned_on: string }>`
      SELECT t.cell_id, a.member_id, a.assigned_on::text FROM task_assignment a JOIN task t ON t.id = a.task_id ORDER BY a.task_id, a.assigned_on LIMIT 120`.execute(evaluation)).rows;
    expect(assignments.length).toBe(120);
    for (const assignment of assignments) {
      expect((await rosterOn(evaluation as Kysely<EvaluationDatabase>, assignment.cell_id, assignment.assigned_on)).has(assignment.member_id), assignment.member_id).toBe(true);
    }
    const outOfOrder = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM task_assignment a JOIN task t ON t.id = a.task_id
      WHERE a.assigned_on < t.starts_on OR a.ended_on < a.assigned_on`.execute(evaluation);
    expect(outOfOrder.rows[0]!.n).toBe(0);
    const reviews = await sql<{ n: number }>`SELECT count(*)::int AS n FROM task_review`.execute(evaluation);
    expect(reviews.rows[0]!.n).toBeGreaterThan(assignments.length);
    const unattended = await findTasks(evaluation as Kysely<EvaluationDatabase>, { asOf: DATA_DAY, unattendedOnly: true });
    expect(unattended.length).toBeGreaterThan(0);
  });

  it('links working members to the residential cell where they live (Regulation 213), with the yearly comment before each review', async () => {
    const links = await sql<{ n: number }>`SELECT count(*)::int AS n FROM residence_link`.execute(evaluation);
    expect(links.rows[0]!.n).toBeGreaterThan(500);
    const reviewedWithoutComment = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM review r JOIN residence_link l ON l.member_id = r.member_id AND l.valid_from <= make_date(r.year, 10, 31)
      WHERE NOT EXISTS (SELECT 1 FROM residence_comment c WHERE c.member_id = r.member_id AND c.year = r.year AND c.recorded_on < make_date(r.year, 12, 31))`.execute(evaluation);
    expect(reviewedWithoutComment.rows[0]!.n).toBe(0);
    const farAway = await sql<{ n: number }>`SELECT count(*)::int AS n FROM member WHERE residence LIKE 'Đi làm ăn xa%'`.execute(membership);
    expect(farAway.rows[0]!.n).toBeGreaterThan(100);
  });

  it('passes the consistency check: members per unit equal along organization’s tree and both replicas', async () => {
    const report = await memberCountReport(first.urls);
    expect(report.mismatches).toEqual([]);
    expect(report.members).toBeGreaterThan(7_500);
  });

  it('makes every loaded member searchable by name words, with the province of its cell (the wide search)', async () => {
    const [words] = (await sql<{ members: number; with_words: number; active_without_province: number }>`
      SELECT (SELECT count(*)::int FROM member) AS members,
        (SELECT count(DISTINCT member_id)::int FROM member_search_token) AS with_words,
        (SELECT count(*)::int FROM member_search_token WHERE top_unit_id IS DISTINCT FROM ${PROVINCE}::uuid AND status NOT IN ('LEFT', 'DECEASED')) AS active_without_province`.execute(membership)).rows;
    expect(words!.with_words).toBe(words!.members);
    expect(words!.active_without_province).toBe(0);
  });

  it('resumes an interrupted load and ends with the same rows as an uninterrupted one (same seed, same digest)', async () => {
    const second = await freshSubgraphDatabases('resumed');
    try {
      await expect(loadDataSet({ plan, dataset: DATASET, databaseUrls: second.urls, stopAfterSteps: 6 })).rejects.toBeInstanceOf(LoadInterrupted);
      const partial = createKysely<unknown>(second.urls.membership, { maxConnections: 1 });
      const loaded = await sql<{ n: number }>`SELECT count(*)::int AS n FROM datagen_checkpoint`.execute(partial);
      await partial.destroy();
      expect(loaded.rows[0]!.n).toBeGreaterThan(0);
      expect(loaded.rows[0]!.n).toBeLessThan(plan.chunks.length + 1);

      const resumed = await loadDataSet({ plan, dataset: DATASET, databaseUrls: second.urls });
      expect(resumed.skippedSteps).toBeGreaterThan(0);
      expect(await dataSetDigest(second.urls)).toBe(await dataSetDigest(first.urls));
      // Loading again adds nothing.
      const again = await loadDataSet({ plan, dataset: DATASET, databaseUrls: second.urls });
      expect(again.rows).toEqual({});
    } finally {
      await Promise.all(second.databases.map((database) => database.drop()));
    }
  }, 120_000);
});
