import autocannon from 'autocannon';
import type { OperationCall } from './operations.ts';
import { summarize, type LatencySummary } from './stats.ts';

export interface LoadResult {
  target: string;
  mode: string;
  latency: LatencySummary;
  /** Completed requests per second. */
  throughput: number;
  /** Non-2xx answers, GraphQL errors and transport errors. */
  errors: number;
  requests: number;
}

/**
 * The clerk mix with autocannon: `connections` clients back to back (fixed concurrency), or, with
 * `rate`, that many requests per second in total whatever the answers take (constant arrival rate).
 */
export async function runLoad(target: string, url: string, calls: () => OperationCall, options: { connections: number; seconds: number; rate?: number }): Promise<LoadResult> {
  const samples: number[] = [];
  let graphqlErrors = 0;
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    overallRate: options.rate,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const call = calls();
          return { ...request, body: JSON.stringify({ query: call.query, variables: call.variables }) };
        },
        onResponse: (_status, body) => {
          if (body.includes('"errors"')) graphqlErrors += 1;
        },
      },
    ],
  }, (error, result) => (error ? fail(error) : finish(result)));
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => samples.push(responseTime));
  const result = await done;
  return {
    target,
    mode: options.rate ? `${options.rate} req/s` : `${options.connections} clients`,
    latency: summarize(samples),
    throughput: result.requests.total / options.seconds,
    errors: result.errors + result.non2xx + result.timeouts + graphqlErrors,
    requests: result.requests.total,
  };
}
