import type { SubgraphName } from '@dangvien/db';

export interface ConsumerLag {
  consumer: SubgraphName;
  producer: string;
  position: number;
  head: number;
  lag: number;
}

export interface ReplicaCheck {
  what: 'tree' | 'placements';
  source: SubgraphName;
  replica: SubgraphName;
  sourceRows: number;
  replicaRows: number;
  matches: boolean;
}

export interface ConsistencyReport {
  lags: ConsumerLag[];
  replicas: ReplicaCheck[];
  ok: boolean;
}

/** Which replica copies which source, and through which report (GET /events/<report> on each subgraph). */
const REPLICAS: { what: 'tree' | 'placements'; source: SubgraphName; replica: SubgraphName }[] = [
  { what: 'tree', source: 'organization', replica: 'membership' },
  { what: 'tree', source: 'organization', replica: 'evaluation' },
  { what: 'placements', source: 'membership', replica: 'evaluation' },
];

/**
 * Asks every subgraph over its event feed how far each consumer has read and what its replicas
 * hold, and compares: lag = producer head − consumer position; a replica matches when its digest of
 * today's state equals the source's.
 */
export async function consistencyReport(graphqlUrls: Record<SubgraphName, string>, secret: string): Promise<ConsistencyReport> {
  const get = async <T>(name: SubgraphName, path: string): Promise<T> => {
    const url = graphqlUrls[name].replace(/\/graphql$/, `/events${path}`);
    const response = await fetch(url, { headers: { authorization: `Bearer ${secret}` }, signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
    return (await response.json()) as T;
  };
  const names = Object.keys(graphqlUrls) as SubgraphName[];
  const heads = Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, (await get<{ head: number }>(name, `?after=${Number.MAX_SAFE_INTEGER}&limit=1`)).head] as const)),
  ) as Record<string, number>;
  const lags: ConsumerLag[] = [];
  for (const name of names) {
    const status = await get<{ consumers: { producer: string; position: number }[] }>(name, '/status');
    for (const { producer, position } of status.consumers) {
      const head = heads[producer] ?? 0;
      lags.push({ consumer: name, producer, position, head, lag: head - position });
    }
  }
  const replicas: ReplicaCheck[] = [];
  for (const { what, source, replica } of REPLICAS) {
    const [a, b] = await Promise.all([get<{ rows: number; digest: string }>(source, `/${what}`), get<{ rows: number; digest: string }>(replica, `/${what}`)]);
    replicas.push({ what, source, replica, sourceRows: a.rows, replicaRows: b.rows, matches: a.digest === b.digest });
  }
  return { lags, replicas, ok: lags.every((lag) => lag.lag === 0) && replicas.every((check) => check.matches) };
}

export function formatReport(report: ConsistencyReport): string {
  const lines = ['consumer      ← producer       position    head   lag'];
  for (const lag of report.lags) {
    lines.push(`${lag.consumer.padEnd(13)} ← ${lag.producer.padEnd(13)} ${String(lag.position).padStart(9)} ${String(lag.head).padStart(7)} ${String(lag.lag).padStart(5)}`);
  }
  lines.push('', 'replica                               source rows  replica rows  matches');
  for (const check of report.replicas) {
    lines.push(`${`${check.what}: ${check.source} → ${check.replica}`.padEnd(37)} ${String(check.sourceRows).padStart(11)} ${String(check.replicaRows).padStart(13)}  ${check.matches ? 'yes' : 'NO'}`);
  }
  lines.push('', report.ok ? 'OK: no lag, every replica matches its source.' : 'NOT CONSISTENT: see the rows above.');
  return lines.join('\n');
}
