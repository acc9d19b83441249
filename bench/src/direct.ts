import { createServer, type Server } from 'node:http';
import type { InternalTokenSigner, Caller } from '@dangvien/auth';

/** One request our gateway sent to a subgraph while answering a client operation. */
export interface SubgraphRequest {
  subgraph: string;
  body: string;
}

/**
 * A recording proxy in front of the subgraphs: a second instance of our gateway points at it (with
 * `<NAME>_URL`), so the exact subgraph requests of each operation (the query plan's fetches, with
 * their entity representations) are captured once and can be replayed straight at the subgraphs.
 */
export class RecordingProxy {
  private server: Server | undefined;
  private recording: SubgraphRequest[] = [];

  constructor(private readonly subgraphUrls: Record<string, string>) {}

  async start(port: number): Promise<Record<string, string>> {
    this.server = createServer((request, response) => {
      const subgraph = (request.url ?? '').split('/')[1] ?? '';
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        this.recording.push({ subgraph, body });
        void fetch(this.subgraphUrls[subgraph]!, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: request.headers.authorization ?? '' },
          body,
        }).then(async (answer) => {
          response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
          response.end(Buffer.from(await answer.arrayBuffer()));
        }, (error: unknown) => {
          response.writeHead(502);
          response.end(String(error));
        });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return Object.fromEntries(Object.keys(this.subgraphUrls).map((name) => [name, `http://127.0.0.1:${port}/${name}/graphql`]));
  }

  /** Runs `work` and returns the subgraph requests it caused, in the order they were sent. */
  async capture(work: () => Promise<unknown>): Promise<SubgraphRequest[]> {
    this.recording = [];
    await work();
    return this.recording;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

/**
 * Replays captured requests one after another with fresh internal tokens (signed outside the timed
 * part) and returns the sum of their round trips: the subgraphs' share of the operation.
 */
export async function replayDirect(
  requests: SubgraphRequest[],
  subgraphUrls: Record<string, string>,
  sign: InternalTokenSigner,
  caller: Caller,
): Promise<{ ms: number; errors: number; parts: { label: string; ms: number }[] }> {
  let total = 0;
  let errors = 0;
  const parts: { label: string; ms: number }[] = [];
  for (const request of requests) {
    const token = await sign(caller, request.subgraph);
    const started = performance.now();
    const response = await fetch(subgraphUrls[request.subgraph]!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: request.body,
    });
    const text = await response.text();
    const ms = performance.now() - started;
    total += ms;
    parts.push({ label: requestLabel(request), ms });
    if (!response.ok || text.includes('"errors"')) errors += 1;
  }
  return { ms: total, errors, parts };
}

/** "membership: _entities(OrgUnit)" or "evaluation: gradeDistribution, attendanceRate": what a fetch asks for. */
export function requestLabel(request: SubgraphRequest): string {
  const body = JSON.parse(request.body) as { query: string; variables?: { representations?: { __typename?: string }[] } };
  const fields = topLevelFields(body.query);
  const types = [...new Set((body.variables?.representations ?? []).map((entry) => entry.__typename))];
  return `${request.subgraph}: ${fields.map((field) => (field === '_entities' ? `_entities(${types.join(', ')})` : field)).join(', ')}`;
}

/** The fields selected at the top of an operation's selection set (arguments and nested sets skipped). */
export function topLevelFields(query: string): string[] {
  const fields: string[] = [];
  let braces = 0;
  let parens = 0;
  for (let index = 0; index < query.length; index++) {
    const char = query[index]!;
    if (char === '{') braces++;
    else if (char === '}') braces--;
    else if (char === '(') parens++;
    else if (char === ')') parens--;
    else if (braces === 1 && parens === 0 && /[A-Za-z_]/.test(char) && !/[\w$]/.test(query[index - 1] ?? '')) {
      const name = /^[A-Za-z_]\w*/.exec(query.slice(index))![0];
      const after = query.slice(index + name.length).trimStart();
      if (after.startsWith(':')) {
        index += name.length - 1; // an alias: the field follows
        continue;
      }
      if (!fields.includes(name) && name !== 'on') fields.push(name);
      index += name.length - 1;
    }
  }
  return fields;
}

/** The captured root mutation with other variables (a write replayed as is would be refused as a duplicate). */
export function withVariables(requests: SubgraphRequest[], variables: Record<string, unknown>): SubgraphRequest[] {
  return requests.map((request) => {
    const body = JSON.parse(request.body) as { query: string; variables?: Record<string, unknown> };
    if (!/^\s*mutation\b/.test(body.query)) return request;
    return { ...request, body: JSON.stringify({ ...body, variables: { ...body.variables, ...variables } }) };
  });
}
