import { demoId } from '@dangvien/demo-data';
import { callerWith } from '@dangvien/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * Every HTTP error path of the gateway and of each subgraph answers JSON: no HTML, no stack trace, no
 * absolute path, and no credentials needed to see it. The gateway does not log the body it could not read.
 */
let federation: TestFederation;
let subgraphCalls = 0;
beforeAll(async () => {
  federation = await startTestFederation(() => callerWith({ role: 'ADMIN', scopeUnitId: demoId('unit', 1) }), {
    onSubgraphRequest: () => subgraphCalls++,
  });
});
afterAll(async () => federation?.close());
afterEach(() => vi.restoreAllMocks());

const targets = (): [string, string][] => [
  ['gateway', federation.gateway.url],
  ['organization', federation.organization.url],
  ['membership', federation.membership.url],
  ['evaluation', federation.evaluation.url],
];

async function expectJsonError(response: Response, status: number | number[], code: string | string[]): Promise<void> {
  const text = await response.text();
  expect([status].flat()).toContain(response.status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(text).not.toMatch(/<html|<pre|<!DOCTYPE/i);
  expect(text).not.toMatch(/\s+at\s+\S+\s*\(|\/work\/|node_modules|\.ts:\d+/); // no stack, no path
  const body = JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] };
  expect([code].flat()).toContain(body.errors[0]!.extensions.code);
  expect(body.errors[0]!.message).toMatch(/\S/);
}

const SECRET_BODY = '{"query":"{ __typename }","variables":{"password":"hunter2-mat-khau","citizenId":"036190000123"';

describe.each(['gateway', 'organization', 'membership', 'evaluation'])('HTTP error paths of the %s', (name) => {
  const url = (): string => targets().find(([target]) => target === name)![1];

  it('malformed JSON: 400 JSON, and the body is not logged', async () => {
    const logged: string[] = [];
    const capture = (...args: unknown[]): void => void logged.push(args.map(String).join(' '));
    vi.spyOn(console, 'error').mockImplementation(capture);
    vi.spyOn(console, 'log').mockImplementation(capture);
    vi.spyOn(console, 'warn').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    });
    await expectJsonError(await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: SECRET_BODY }), 400, 'BAD_REQUEST');
    expect(logged.join('\n')).not.toMatch(/hunter2|036190000123/);
  });

  it('an over-size body: 413 JSON', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { x: 'a'.repeat(9 * 1024 * 1024) } });
    await expectJsonError(await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body }), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('a wrong content type: 415 JSON', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      await expectJsonError(await fetch(url(), { method: 'POST', headers: { 'content-type': type }, body: 'query={__typename}' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
    await expectJsonError(await fetch(url(), { method: 'POST', body: '{"query":"{ __typename }"}' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('an unknown route, another method, a GET without a query: JSON', async () => {
    await expectJsonError(await fetch(url().replace('/graphql', '/wp-admin/setup.php')), 404, 'NOT_FOUND');
    await expectJsonError(await fetch(url().replace('/graphql', '/graphql/x'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), 404, 'NOT_FOUND');
    await expectJsonError(await fetch(url(), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' }), 405, 'METHOD_NOT_ALLOWED');
    // A subgraph asks for the gateway's token before it reads the operation.
    const [status, code] = name === 'gateway' ? [400, 'BAD_REQUEST'] : [[400, 401], ['BAD_REQUEST', 'UNAUTHENTICATED']];
    await expectJsonError(await fetch(url(), { headers: { accept: 'text/html' } }), status, code);
    await expectJsonError(await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), status, code);
  });
});

describe('the gateway refuses a huge document before parsing it', () => {
  it('a 7 MB comment: 413 JSON, no subgraph called', async () => {
    subgraphCalls = 0;
    const body = JSON.stringify({ query: `# ${'x'.repeat(7 * 1024 * 1024)}\n{ rootOrgUnits { id } }` });
    await expectJsonError(await fetch(federation.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }), 413, 'PAYLOAD_TOO_LARGE');
    expect(subgraphCalls).toBe(0);
  });
});
