import type { BulkResult } from './bulk.ts';
import type { BrowserTiming } from './frontend.ts';
import type { LoadResult } from './load.ts';
import type { OperationName } from './operations.ts';
import { formatMs, formatRatio, ratio, type LatencySummary } from './stats.ts';

export interface LatencyRow {
  operation: OperationName;
  gateway: LatencySummary;
  hive: LatencySummary;
  /** Sum of the captured subgraph requests' round trips, replayed one after another. */
  direct: LatencySummary;
  /** One hand-written statement on the combined database. */
  limit: LatencySummary;
  errors: { gateway: number; hive: number; direct: number };
  /** The direct time by subgraph request (label: subgraph and top-level fields), p50 and how many per call. */
  parts?: { label: string; p50: number; perCall: number }[];
}

export interface StatementRow {
  operation: OperationName;
  bySubgraph: Record<string, number>;
  /** Time spent in those statements (as the pg driver saw it), per subgraph: the rest of a subgraph's time is ours. */
  sqlMs?: Record<string, number>;
  total: number;
  /** Most times one identical SELECT ran in one request (1 = batched; more = N+1). */
  maxRepeats: number;
}

export interface BenchResult {
  startedAt: string;
  seconds?: number;
  scale: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  settings: { samples: number; loadSeconds: number; connections: number };
  bulk: { loadScaleSeconds?: number; combineSeconds?: number };
  bulkRuns?: BulkResult;
  latency: LatencyRow[];
  load: LoadResult[];
  statements: StatementRow[];
  frontend: Record<string, number | null>;
  browser?: BrowserTiming;
  /** The limit's answer against the gateway's, on the first call of each read. */
  limitChecks: { operation: OperationName; same: boolean; detail: string }[];
  notes: string[];
}

export interface Goal {
  goal: string;
  measured: string;
  status: 'met' | 'not met' | 'not measured';
}

const CLERK: OperationName[] = ['roster', 'search', 'memberPage', 'recordAttendance'];
const kb = (bytes: number | null | undefined): string => (bytes == null ? '–' : `${(bytes / 1024).toFixed(1)} KB`);
const verdict = (ok: boolean | null): Goal['status'] => (ok === null ? 'not measured' : ok ? 'met' : 'not met');

export function goals(result: BenchResult): Goal[] {
  const rows = new Map(result.latency.map((row) => [row.operation, row]));
  const clerkRatios = CLERK.map((name) => rows.get(name)).filter((row) => row !== undefined).map((row) => ({ name: row.operation, value: ratio(row.gateway.p50, row.direct.p50) }));
  const worstClerk = clerkRatios.reduce((worst, row) => (row.value > worst.value || !Number.isFinite(worst.value) ? row : worst), { name: '–', value: Number.NaN });
  const fixedGateway = result.load.find((load) => load.target === 'gateway' && load.mode.endsWith('clients'));
  const fixedHive = result.load.find((load) => load.target === 'hive' && load.mode.endsWith('clients'));
  const throughputRatio = ratio(fixedGateway?.throughput ?? Number.NaN, fixedHive?.throughput ?? Number.NaN);
  const analytics = rows.get('analytics');
  const analyticsRatio = ratio(analytics?.gateway.p50 ?? Number.NaN, analytics?.limit.p50 ?? Number.NaN);
  const dashboard = rows.get('dashboard');
  const dashboardRatio = ratio(dashboard?.gateway.p50 ?? Number.NaN, dashboard?.limit.p50 ?? Number.NaN);
  const dashboardMeasured = dashboard
    ? `p50 ${formatMs(dashboard.gateway.p50)} ms, p95 ${formatMs(dashboard.gateway.p95)} ms; ${formatRatio(dashboardRatio)} the single-SQL limit (p50 ${formatMs(dashboard.limit.p50)} ms)`
    : '–';
  const worstRepeats = Math.max(0, ...result.statements.map((row) => row.maxRepeats));
  const loaded = result.browser?.loadedJavaScript;
  const shellPlusCell = loaded?.shell !== undefined && loaded.cell !== undefined ? loaded.shell + loaded.cell : null;
  const list: Goal[] = [
    {
      goal: 'Clerk mix p50 through the gateway ≤ 1.5× direct-to-subgraph',
      measured: clerkRatios.length ? `${clerkRatios.map((row) => `${row.name} ${formatRatio(row.value)}`).join(', ')} (worst ${worstClerk.name})` : '–',
      status: verdict(clerkRatios.length ? clerkRatios.every((row) => row.value <= 1.5) : null),
    },
    {
      goal: 'Clerk mix throughput ≥ the peer gateway (Hive)',
      measured: `${fixedGateway?.throughput.toFixed(0) ?? '–'} vs ${fixedHive?.throughput.toFixed(0) ?? '–'} req/s = ${formatRatio(throughputRatio)}`,
      status: verdict(Number.isFinite(throughputRatio) ? throughputRatio >= 1 : null),
    },
  ];
  if (result.scale === 'district') {
    list.push(
      { goal: 'District analytics < 150 ms through the gateway', measured: `p50 ${formatMs(analytics?.gateway.p50 ?? Number.NaN)} ms`, status: verdict(analytics ? analytics.gateway.p50 < 150 : null) },
      { goal: 'District analytics ≤ 2× the single-SQL limit', measured: `${formatRatio(analyticsRatio)} (limit p50 ${formatMs(analytics?.limit.p50 ?? Number.NaN)} ms)`, status: verdict(Number.isFinite(analyticsRatio) ? analyticsRatio <= 2 : null) },
    );
  }
  if (result.scale === 'province') {
    list.push({ goal: 'Province analytics < 1.5 s', measured: `p50 ${formatMs(analytics?.gateway.p50 ?? Number.NaN)} ms`, status: verdict(analytics ? analytics.gateway.p50 < 1500 : null) });
  }
  const aggregates = rows.get('aggregates');
  if (aggregates) {
    const aggregatesRatio = ratio(aggregates.gateway.p50, aggregates.limit.p50);
    const scale = result.scale[0]!.toUpperCase() + result.scale.slice(1);
    list.push({
      goal: `${scale} aggregates (one statement per subgraph) ≤ 2× the single-SQL limit`,
      measured: `${formatRatio(aggregatesRatio)} (gateway p50 ${formatMs(aggregates.gateway.p50)} ms, limit p50 ${formatMs(aggregates.limit.p50)} ms)`,
      status: verdict(Number.isFinite(aggregatesRatio) ? aggregatesRatio <= 2 : null),
    });
    if (result.scale === 'province') list.push({ goal: 'Province aggregates < 1 s', measured: `p50 ${formatMs(aggregates.gateway.p50)} ms`, status: verdict(aggregates.gateway.p50 < 1000) });
  }
  // The district module's dashboard (issue 17): the same budgets as analytics at each scale.
  if (result.scale === 'district') {
    list.push({ goal: 'District dashboard < 150 ms through the gateway', measured: dashboardMeasured, status: verdict(dashboard ? dashboard.gateway.p50 < 150 : null) });
  }
  if (result.scale === 'province') {
    list.push({ goal: 'Province dashboard < 1.5 s through the gateway', measured: dashboardMeasured, status: verdict(dashboard ? dashboard.gateway.p50 < 1500 : null) });
  }
  if (result.scale === 'national') {
    const search = rows.get('search');
    const roster = rows.get('roster');
    list.push(
      { goal: 'National: member search p95 < 50 ms (at the subgraph)', measured: `p95 ${formatMs(search?.direct.p95 ?? Number.NaN)} ms`, status: verdict(search ? search.direct.p95 < 50 : null) },
      { goal: 'National: cell roster < 20 ms at the subgraph', measured: `p50 ${formatMs(roster?.direct.p50 ?? Number.NaN)} ms`, status: verdict(roster ? roster.direct.p50 < 20 : null) },
    );
  }
  list.push(
    {
      goal: 'One SQL statement per entity type per hop (no identical SELECT twice in a request)',
      measured: `most repeats of one SELECT: ${worstRepeats}`,
      status: verdict(result.statements.length ? worstRepeats <= 1 : null),
    },
    { goal: 'Shell + cell ≤ 250 KB JavaScript on the wire, cold', measured: `as chromium loads them: ${kb(shellPlusCell)}`, status: verdict(shellPlusCell === null ? null : shellPlusCell <= 250 * 1024) },
    { goal: 'The cell module’s own chunks ≤ 120 KB on the wire', measured: kb(loaded?.cell ?? null), status: verdict(loaded?.cell === undefined ? null : loaded.cell <= 120 * 1024) },
    {
      goal: 'The ward module’s own chunks ≤ 120 KB on the wire (its home page, cold)',
      measured: kb(result.browser?.ward?.loadedJavaScript.ward ?? null),
      status: verdict(result.browser?.ward?.loadedJavaScript.ward === undefined ? null : result.browser.ward.loadedJavaScript.ward <= 120 * 1024),
    },
    {
      goal: 'Sign-in to cell data visible < 1.5 s cold (chromium)',
      measured: result.browser ? `${formatMs(result.browser.coldAfterSignInMs)} ms from the sign-in click, empty cache (whole first visit with the form: ${formatMs(result.browser.coldMs)} ms; signed in, empty cache: ${formatMs(result.browser.coldSignedInMs)} ms)` : '–',
      status: verdict(result.browser ? result.browser.coldAfterSignInMs < 1500 : null),
    },
    {
      goal: 'Cell data visible < 0.5 s warm (reload, signed in)',
      measured: result.browser ? `${formatMs(result.browser.warmMs)} ms` : '–',
      status: verdict(result.browser ? result.browser.warmMs < 500 : null),
    },
    {
      goal: 'Second visit: every static file from the browser cache',
      measured: result.browser?.secondVisit ? `${result.browser.secondVisit.fromCache} of ${result.browser.secondVisit.staticRequests}` : '–',
      status: verdict(result.browser?.secondVisit ? result.browser.secondVisit.staticRequests > 0 && result.browser.secondVisit.fromCache === result.browser.secondVisit.staticRequests : null),
    },
  );
  return list;
}

/** The one markdown table (plus its companions) that `pnpm bench` prints and writes to latest.md. */
export function renderReport(result: BenchResult): string {
  const lines: string[] = [];
  lines.push(`## Benchmark: ${result.scale} scale, ${result.startedAt}`);
  lines.push('');
  lines.push(`Machine: ${result.machine.cpus} CPUs (${result.machine.cpuModel}), ${result.machine.memoryGiB} GiB, Node ${result.machine.node}. Run took ${result.seconds?.toFixed(0) ?? '?'} s.`);
  lines.push('');
  lines.push('### Latency, one request at a time (ms; same calls on every target)');
  lines.push('');
  lines.push('| operation | gateway p50 | p95 | p99 | direct p50 | gateway / direct | Hive p50 | gateway / Hive | SQL limit p50 | gateway / limit | errors (gw/Hive/direct) |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of result.latency) {
    lines.push(
      `| ${row.operation} | ${formatMs(row.gateway.p50)} | ${formatMs(row.gateway.p95)} | ${formatMs(row.gateway.p99)} | ${formatMs(row.direct.p50)} | ${formatRatio(ratio(row.gateway.p50, row.direct.p50))} | ${formatMs(row.hive.p50)} | ${formatRatio(ratio(row.gateway.p50, row.hive.p50))} | ${formatMs(row.limit.p50)} | ${formatRatio(ratio(row.gateway.p50, row.limit.p50))} | ${row.errors.gateway}/${row.errors.hive}/${row.errors.direct} |`,
    );
  }
  lines.push('');
  if (result.limitChecks.length > 0) {
    lines.push(`Same answer from the single SQL statement as from the gateway (first call): ${result.limitChecks.map((check) => `${check.operation} ${check.same ? 'yes' : 'NO'} (${check.detail})`).join('; ')}.`);
    lines.push('');
  }
  lines.push('### Where the direct time goes: each subgraph request the gateway sends (p50 ms)');
  lines.push('');
  lines.push('| operation | subgraph request | p50 ms | per call |');
  lines.push('|---|---|---|---|');
  for (const row of result.latency) for (const part of row.parts ?? []) lines.push(`| ${row.operation} | ${part.label} | ${formatMs(part.p50)} | ${part.perCall.toFixed(1)} |`);
  lines.push('');
  lines.push('### Clerk mix under load (autocannon)');
  lines.push('');
  lines.push('| target | mode | p50 ms | p95 ms | p99 ms | throughput req/s | errors | requests |');
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const load of result.load) {
    lines.push(`| ${load.target} | ${load.mode} | ${formatMs(load.latency.p50)} | ${formatMs(load.latency.p95)} | ${formatMs(load.latency.p99)} | ${load.throughput.toFixed(0)} | ${load.errors} | ${load.requests} |`);
  }
  lines.push('');
  lines.push('### SQL statements per request (through our gateway)');
  lines.push('');
  lines.push('| operation | organization | membership | evaluation | total | most repeats of one SELECT | SQL ms (organization / membership / evaluation) |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const row of result.statements) {
    const sqlMs = ['organization', 'membership', 'evaluation'].map((name) => formatMs(row.sqlMs?.[name] ?? 0)).join(' / ');
    lines.push(`| ${row.operation} | ${row.bySubgraph.organization ?? 0} | ${row.bySubgraph.membership ?? 0} | ${row.bySubgraph.evaluation ?? 0} | ${row.total} | ${row.maxRepeats} | ${sqlMs} |`);
  }
  lines.push('');
  lines.push('### Bulk and front end');
  lines.push('');
  lines.push('| measure | value |');
  lines.push('|---|---|');
  lines.push(`| load the ${result.scale} scale (generate + bulk COPY + check) | ${result.bulk.loadScaleSeconds?.toFixed(1) ?? '–'} s |`);
  lines.push(`| copy the three databases into one (limit) | ${result.bulk.combineSeconds?.toFixed(1) ?? '–'} s |`);
  for (const [name, bytes] of Object.entries(result.frontend)) lines.push(`| JavaScript gzip, ${name} (all of dist/, shared libraries included) | ${kb(bytes)} |`);
  if (result.browser) {
    for (const [name, bytes] of Object.entries(result.browser.loadedJavaScript)) lines.push(`| JavaScript on the wire (brotli) in the cold load of /cell, from ${name} | ${kb(bytes)} |`);
    for (const [name, bytes] of Object.entries(result.browser.loadedTotal ?? {})) lines.push(`| everything on the wire in the cold load of /cell (HTML, JS, CSS, data, headers), from ${name} | ${kb(bytes)} |`);
    if (result.browser.secondVisit) lines.push(`| second visit (same tab, navigated away and back): static files from the browser cache | ${result.browser.secondVisit.fromCache} of ${result.browser.secondVisit.staticRequests} |`);
    lines.push(`| shell → cell module's data, cold (empty cache; with the sign-in form / from the click) | ${formatMs(result.browser.coldMs)} ms / ${formatMs(result.browser.coldAfterSignInMs)} ms |`);
    lines.push(`| same, warm (reload) | ${formatMs(result.browser.warmMs)} ms |`);
    lines.push(`| shell → cell module's data, cold for a signed-in clerk (empty cache, session kept) | ${formatMs(result.browser.coldSignedInMs)} ms |`);
    const ward = result.browser.ward;
    if (ward) {
      for (const [name, bytes] of Object.entries(ward.loadedJavaScript)) lines.push(`| JavaScript on the wire (brotli) in the ward clerk's cold load of /ward, from ${name} | ${kb(bytes)} |`);
      lines.push(`| sign-in → the ward module's page with its data, cold | ${formatMs(ward.afterSignInMs)} ms |`);
    }
  }
  const runs = result.bulkRuns;
  if (runs?.import) lines.push(`| import ${runs.import.rows} members from .xlsx (job ${runs.import.status}, ${runs.import.created} created) / until every replica applied | ${runs.import.seconds.toFixed(1)} s / ${runs.import.replicasAppliedSeconds.toFixed(1)} s |`);
  if (runs?.dissolve) lines.push(`| dissolve a cell of ${runs.dissolve.members} members until every part applied (${runs.dissolve.status}) | ${runs.dissolve.seconds.toFixed(1)} s |`);
  if (runs?.replay) {
    const rate = runs.replay.applied / runs.replay.seconds;
    lines.push(`| replay membership's ${runs.replay.events} events into empty replicas (organization + evaluation)${runs.replay.complete ? '' : `, stopped after ${runs.replay.applied} applied`} | ${runs.replay.seconds.toFixed(1)} s (${rate.toFixed(0)} events/s) |`);
  }
  if (!runs) lines.push('| import, dissolve, replay | not run |');
  lines.push('');
  lines.push('### Goals');
  lines.push('');
  lines.push('| goal | measured | status |');
  lines.push('|---|---|---|');
  for (const goal of goals(result)) lines.push(`| ${goal.goal} | ${goal.measured} | ${goal.status} |`);
  if (result.notes.length > 0) {
    lines.push('');
    lines.push('Notes:');
    for (const note of result.notes) lines.push(`- ${note.replace(/\n/g, ' ').slice(0, 400)}`);
  }
  lines.push('');
  return lines.join('\n');
}
