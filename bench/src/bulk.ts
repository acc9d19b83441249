import { todayInVietnam } from '@dangvien/db';
import pg from 'pg';
import { xlsxBase64 } from '@dangvien/spreadsheet/testing';
import { timedPost } from './client.ts';
import type { BenchProcess } from './processes.ts';

export interface BulkResult {
  import?: { rows: number; seconds: number; status: string; created: number; replicasAppliedSeconds: number };
  dissolve?: { members: number; seconds: number; status: string };
  /** `applied`: membership events the slower consumer had applied when it finished or time ran out. */
  replay?: { events: number; applied: number; seconds: number; complete: boolean };
}

const HEADERS = ['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Dân tộc', 'Tôn giáo', 'Quê quán', 'Nơi cư trú', 'Số CCCD', 'Ngày vào Đảng', 'Ngày chính thức', 'Số thẻ đảng viên', 'Chi bộ', 'Ghi chú'];
const IMPORT = `mutation ($input: MemberImportInput!) { importMembers(input: $input) { id status } }`;
const JOB = `query ($id: ID!) { memberImportJob(id: $id) { status createdCount processedRows totalRows message } }`;
const DISSOLVE = `mutation ($input: DissolveOrgUnitInput!) { dissolveOrgUnit(input: $input) { id status } }`;
const OPERATION = `query ($id: ID!) { operation(id: $id) { status parts { subgraph status } } }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function post<T>(url: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const answer = await timedPost(url, { name: 'analytics', query, variables });
  const body = JSON.parse(answer.body) as { data?: T; errors?: { message: string }[] };
  if (!body.data || body.errors) throw new Error(`${query.slice(0, 40)}…: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  return body.data;
}

/** A grassroots committee with at least two live cells, and those cells' codes. */
async function committeeWithCells(organizationUrl: string): Promise<{ committeeId: string; cells: { id: string; code: string }[] }> {
  const client = new pg.Client({ connectionString: organizationUrl });
  await client.connect();
  try {
    const rows = await client.query<{ parent_id: string; id: string; code: string }>(
      `SELECT v.parent_id, u.id, u.code FROM org_unit u JOIN org_unit_version v ON v.unit_id = u.id AND v.valid_to IS NULL
       JOIN org_unit parent ON parent.id = v.parent_id AND parent.kind = 'GRASSROOTS_COMMITTEE' AND parent.ended_on IS NULL
       WHERE u.kind = 'CELL' AND u.ended_on IS NULL ORDER BY v.parent_id, u.code`,
    );
    const byCommittee = new Map<string, { id: string; code: string }[]>();
    for (const row of rows.rows) byCommittee.set(row.parent_id, [...(byCommittee.get(row.parent_id) ?? []), { id: row.id, code: row.code }]);
    const [committeeId, cells] = [...byCommittee.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    return { committeeId, cells };
  } finally {
    await client.end();
  }
}

/**
 * The bulk workloads on the running subgraphs, with their event consumers on: import 10,000 members
 * from a spreadsheet (500 of them into one cell), dissolve that cell of 500 until every part has
 * applied, then replay membership's whole feed into the emptied replicas of organization and
 * evaluation. The replay is destructive (bulk-loaded rows are in no feed), so it runs last.
 */
export async function runBulk(options: {
  gatewayUrl: string;
  subgraphs: BenchProcess[];
  subgraphUrls: Record<string, string>;
  databaseUrls: Record<'organization' | 'membership' | 'evaluation', string>;
  rows: number;
  replayLimitSeconds: number;
  log: (line: string) => void;
}): Promise<BulkResult> {
  const result: BulkResult = {};
  const catchUpAll = async (): Promise<void> => {
    for (let round = 0; round < 2; round++) for (const subgraph of options.subgraphs) await subgraph.ask({ type: 'catchUp' });
  };
  for (const subgraph of options.subgraphs) await subgraph.ask({ type: 'connect', producers: options.subgraphUrls });
  await catchUpAll();

  const { committeeId, cells } = await committeeWithCells(options.databaseUrls.organization);
  const [bigCell, ...others] = cells;
  const rows = Array.from({ length: options.rows }, (_, i) => [
    i + 1,
    `Nguyễn Thị Đo Lường ${i}`,
    'Nữ',
    new Date(Date.UTC(1950 + (i % 25), i % 12, 1 + (i % 28))),
    'Kinh',
    'Không',
    'Xã Xuân Hồng, huyện Xuân Trường',
    'Tổ dân phố số 7, thị trấn Xuân Trường',
    String(98_000_000_000 + i * 7919).padStart(12, '0'),
    new Date(Date.UTC(1995, 1, 3)),
    null,
    `98.${String(i).padStart(6, '0')}`,
    i < 500 || others.length === 0 ? bigCell!.code : others[i % others.length]!.code,
    'Dự bị',
  ]);
  const file = { name: 'do-hieu-nang.xlsx', contentBase64: await xlsxBase64(HEADERS, rows) };
  options.log(`importing ${options.rows} members…`);
  const importing = performance.now();
  const started = await post<{ importMembers: { id: string } }>(options.gatewayUrl, IMPORT, { input: { file, unitId: committeeId, mode: 'ALL_OR_NOTHING', dryRun: false } });
  let job = { status: 'VALIDATING', createdCount: 0, message: null as string | null };
  while (!['DONE', 'FAILED', 'REFUSED', 'VALIDATED'].includes(job.status)) {
    await sleep(250);
    job = (await post<{ memberImportJob: typeof job }>(options.gatewayUrl, JOB, { id: started.importMembers.id })).memberImportJob;
  }
  const importSeconds = (performance.now() - importing) / 1000;
  await catchUpAll();
  result.import = { rows: options.rows, seconds: importSeconds, status: job.message ? `${job.status}: ${job.message}` : job.status, created: job.createdCount, replicasAppliedSeconds: (performance.now() - importing) / 1000 };

  const membership = new pg.Client({ connectionString: options.databaseUrls.membership });
  await membership.connect();
  try {
    const members = Number((await membership.query<{ n: string }>(`SELECT count(*) AS n FROM member WHERE cell_id = $1`, [bigCell!.id])).rows[0]!.n);
    options.log(`dissolving a cell of ${members} members…`);
    const dissolving = performance.now();
    const operation = await post<{ dissolveOrgUnit: { id: string; status: string } }>(options.gatewayUrl, DISSOLVE, {
      input: { id: bigCell!.id, successorId: others[0]?.id ?? bigCell!.id, effectiveDate: todayInVietnam(), decisionNumber: '99-QĐ/ĐU' },
    });
    let status = operation.dissolveOrgUnit.status;
    while (status === 'PENDING' && performance.now() - dissolving < 300_000) {
      await sleep(100);
      status = (await post<{ operation: { status: string } }>(options.gatewayUrl, OPERATION, { id: operation.dissolveOrgUnit.id })).operation.status;
    }
    result.dissolve = { members, seconds: (performance.now() - dissolving) / 1000, status };

    // Replay: membership's feed into organization's and evaluation's emptied replicas (docs/events.md).
    const events = Number((await membership.query<{ n: string }>(`SELECT count(*) AS n FROM outbox_event`)).rows[0]!.n);
    options.log(`replaying ${events} membership events into empty replicas…`);
    const emptied = {
      organization: ['member_placement_replica'],
      evaluation: ['member_replica', 'member_placement_change', 'member_discipline', 'residence_link', 'residence_comment'],
    };
    const replaying = performance.now();
    for (const [name, tables] of Object.entries(emptied)) {
      const client = new pg.Client({ connectionString: options.databaseUrls[name as 'organization' | 'evaluation'] });
      await client.connect();
      await client.query(`BEGIN; DELETE FROM ${tables.join('; DELETE FROM ')}; DELETE FROM consumer_position WHERE producer = 'membership'; COMMIT`);
      await client.end();
    }
    const consumers = options.subgraphs.filter((subgraph) => subgraph.name in emptied);
    const complete = await Promise.race([
      Promise.all(consumers.map((subgraph) => subgraph.ask({ type: 'catchUp' }))).then(() => true),
      sleep(options.replayLimitSeconds * 1000).then(() => false),
    ]);
    const seconds = (performance.now() - replaying) / 1000;
    let applied = Number.POSITIVE_INFINITY;
    for (const name of Object.keys(emptied)) {
      const client = new pg.Client({ connectionString: options.databaseUrls[name as 'organization' | 'evaluation'] });
      await client.connect();
      const row = (await client.query<{ position: string }>(`SELECT position FROM consumer_position WHERE producer = 'membership'`)).rows[0];
      applied = Math.min(applied, Number(row?.position ?? 0));
      await client.end();
    }
    result.replay = { events, applied, seconds, complete };
  } finally {
    await membership.end();
  }
  return result;
}
