import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateGatewayKeys, internalTokenSigner, type Caller } from '@dangvien/auth';
import { withDatabase, workspaceRoot } from '@dangvien/db';
import { withClient } from './client.ts';
import { readFixture, seededRandom, subtreeUnits } from './fixture.ts';
import { startBenchProcess } from './processes.ts';
import { formatMs, summarize, type LatencySummary } from './stats.ts';

/**
 * `pnpm run bench:subgraph -- --prefix nat_ [--samples 200] [--port 4600]`: member search and a cell
 * roster sent straight to the membership subgraph (as the gateway sends them, with its internal
 * token) on an already loaded data set (`pnpm run generate -- --scale national --prefix nat_`), one
 * request at a time, for callers scoped to the whole country, one province and one grassroots
 * committee. The goal (issue 9): at national scale, search p95 < 50 ms and a roster < 20 ms.
 */
function option(name: string): string | undefined {
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

const serverUrl = option('database-url') ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const prefix = option('prefix') ?? 'nat_';
const samples = Number(option('samples') ?? 200);
const port = Number(option('port') ?? 4600);
const log = (line: string): void => console.error(`[bench:subgraph] ${line}`);

const SEARCH = `query ($name: String!) { searchMembers(name: $name, first: 20) { nodes { id fullName status cell { id } } hasNextPage } }`;
const ROSTER = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on OrgUnit { members { id fullName status } } } }`;

interface Row {
  operation: string;
  scope: string;
  latency: LatencySummary;
  errors: number;
  /** Rows in the answers, summed: shows the calls did real work. */
  rows: number;
  /** The first failed answer, if any. */
  firstError?: string;
}

const databaseUrls = { organization: withDatabase(serverUrl, `${prefix}organization`), membership: withDatabase(serverUrl, `${prefix}membership`) };
const fixture = await readFixture(databaseUrls, samples);
const scopes = await scopeUnits(databaseUrls.organization, fixture.rootId);
const counts = await memberCounts(databaseUrls.membership);
const keys = await generateGatewayKeys();
const sign = await internalTokenSigner(keys.privateKey);
log(`starting membership on ${prefix}membership (migrations run first)…`);
const membership = await startBenchProcess('membership', 'subgraph.main.ts', ['membership'], {
  BENCH_DATABASE_URL: databaseUrls.membership,
  BENCH_PORT: String(port),
  GATEWAY_PUBLIC_KEY: keys.publicKey,
  EVENT_FEED_SECRET: randomBytes(16).toString('hex'),
}, (line) => log(line));

const rows: Row[] = [];
try {
  for (const [scope, unitIds] of Object.entries(scopes)) {
    const caller: Caller = { subject: 'bench', name: 'Benchmark', grants: unitIds.map((unitId) => ({ role: 'DISTRICT_BOARD', scopeUnitId: unitId })) };
    const post = async (query: string, variables: Record<string, unknown>) => {
      // A fresh token per call (internal tokens live a minute), signed before the clock starts.
      const token = await sign(caller, 'membership');
      const started = performance.now();
      const response = await fetch(membership.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      const body = await response.text();
      return { ms: performance.now() - started, ok: response.ok && !body.includes('"errors"'), body };
    };
    // Rosters of cells inside this scope, so every call returns members.
    const cells = await busyCellsUnder(databaseUrls, unitIds);
    const random = seededRandom(2026);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const workloads: [string, () => { query: string; variables: Record<string, unknown> }, (body: string) => number][] = [
      ['search', () => ({ query: SEARCH, variables: { name: pick(fixture.searchTerms) } }), (body) => (JSON.parse(body).data?.searchMembers?.nodes ?? []).length],
      ...(cells.length > 0
        ? [['roster', () => ({ query: ROSTER, variables: { representations: [{ __typename: 'OrgUnit', id: pick(cells) }] } }), (body: string) => (JSON.parse(body).data?._entities?.[0]?.members ?? []).length] as [string, () => { query: string; variables: Record<string, unknown> }, (body: string) => number]]
        : []),
    ];
    for (const [operation, makeCall, answerRows] of workloads) {
      log(`${operation}, scope ${scope}: ${samples} calls…`);
      for (let index = 0; index < 10; index++) {
        const call = makeCall();
        await post(call.query, call.variables);
      }
      const times: number[] = [];
      let errors = 0;
      let total = 0;
      let firstError: string | undefined;
      for (let index = 0; index < samples; index++) {
        const call = makeCall();
        const answer = await post(call.query, call.variables);
        times.push(answer.ms);
        if (!answer.ok) {
          errors += 1;
          firstError ??= answer.body.slice(0, 300);
        } else total += answerRows(answer.body);
      }
      rows.push({ operation, scope, latency: summarize(times), errors, rows: total, firstError });
    }
  }
} finally {
  await membership.stop();
}

const lines = [
  `## Membership subgraph at ${prefix}* (${counts.toLocaleString('en')} active members), ${new Date().toISOString()}`,
  '',
  `Machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. ${samples} calls per row, one at a time, after 10 warm-up calls; the gateway's internal token.`,
  '',
  '| operation | caller scope | p50 ms | p95 ms | p99 ms | errors | rows returned | goal |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map((row) => {
    const limit = row.operation === 'search' ? 50 : 20;
    const goal = `p95 < ${limit} ms: ${row.latency.p95 < limit ? 'met' : 'not met'}`;
    return `| ${row.operation} | ${row.scope} | ${formatMs(row.latency.p50)} | ${formatMs(row.latency.p95)} | ${formatMs(row.latency.p99)} | ${row.errors} | ${row.rows} | ${goal} |`;
  }),
  '',
  ...rows.filter((row) => row.firstError).map((row) => `- ${row.operation}, ${row.scope}: ${row.errors} errors, the first: \`${row.firstError!.replace(/`/g, "'")}\``),
  '',
];
const markdown = lines.join('\n');
const resultsDir = path.join(workspaceRoot(), 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(path.join(resultsDir, `latest-subgraph-${prefix.replace(/_$/, '')}.md`), markdown);
writeFileSync(path.join(resultsDir, `subgraph-${prefix.replace(/_$/, '')}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), `${JSON.stringify({ prefix, counts, samples, scopes, rows }, null, 2)}\n`);
console.log(markdown);
process.exit(process.exitCode ?? 0);

/** Callers' scopes: every top unit (a national analyst), one province (the fixture's root) and its first grassroots committee. */
function scopeUnits(url: string, rootId: string): Promise<Record<string, string[]>> {
  return withClient(url, async (client) => {
    const tops = await client.query<{ unit_id: string }>(`SELECT v.unit_id FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id WHERE v.parent_id IS NULL AND v.valid_to IS NULL AND u.ended_on IS NULL`);
    const committee = (await client.query<{ unit_id: string }>(`SELECT unit_id FROM org_unit_version WHERE parent_id = $1 AND valid_to IS NULL ORDER BY name LIMIT 1`, [rootId])).rows[0]?.unit_id;
    return {
      [`every top unit (${tops.rows.length})`]: tops.rows.map((row) => row.unit_id),
      'one province': [rootId],
      ...(committee ? { 'one grassroots committee': [committee] } : {}),
    };
  });
}

/** Up to 200 cells inside the units' subtrees today with at least five active members (a clerk's everyday roster). */
async function busyCellsUnder(urls: { organization: string; membership: string }, unitIds: string[]): Promise<string[]> {
  const cells = await withClient(urls.organization, (organization) => subtreeUnits(organization, unitIds, true));
  return withClient(urls.membership, async (membership) => {
    const busy = await membership.query<{ cell_id: string }>(
      `SELECT cell_id FROM member WHERE cell_id = ANY($1::uuid[]) AND status IN ('PROBATIONARY', 'OFFICIAL', 'EXEMPT')
       GROUP BY cell_id HAVING count(*) >= 5 ORDER BY md5(cell_id::text) LIMIT 200`,
      [cells],
    );
    return busy.rows.map((row) => row.cell_id);
  });
}

function memberCounts(url: string): Promise<number> {
  return withClient(url, async (client) =>
    Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM member WHERE status IN ('PROBATIONARY', 'OFFICIAL', 'EXEMPT')`)).rows[0]!.n),
  );
}
