import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateGatewayKeys, internalJwks, internalTokenSigner, type Caller } from '@dangvien/auth';
import { checkSubgraphSchema } from './schema-check.ts';

export interface ContractTestOptions {
  /** The subgraph's GraphQL URL, e.g. http://127.0.0.1:4100/graphql. */
  url: string;
  /** Its name in the manifest (the audience it must accept, and only it). */
  name: string;
  /** A private key (JWK JSON) the subgraph under test trusts in place of the gateway's: see `--new-key`. */
  privateKey: string;
}

export interface ContractResult {
  check: string;
  ok: boolean;
  detail?: string;
}

const TESTER: Caller = { subject: 'contract-test', name: 'Contract test', grants: [] };

async function post(url: string, query: string, authorization?: string): Promise<{ status: number; body: { data?: Record<string, unknown> | null; errors?: unknown[] } | undefined }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json().catch(() => undefined)) as { data?: Record<string, unknown> | null; errors?: unknown[] } | undefined;
  return { status: response.status, body };
}

/**
 * What a provincial team runs against its own running subgraph before asking to be composed in:
 * it refuses requests without the gateway's token (and tokens for another subgraph), its `_service`
 * SDL composes with the committed supergraph without breaking it, and /health answers.
 */
export async function runContractTest(options: ContractTestOptions): Promise<ContractResult[]> {
  const results: ContractResult[] = [];
  const record = async (check: string, run: () => Promise<string | undefined>) => {
    try {
      const problem = await run();
      results.push({ check, ok: problem === undefined, ...(problem ? { detail: problem } : {}) });
    } catch (error) {
      results.push({ check, ok: false, detail: error instanceof Error ? error.message : String(error) });
    }
  };
  const sign = await internalTokenSigner(options.privateKey);

  await record('refuses a request without a token (401)', async () => {
    const { status, body } = await post(options.url, '{ _service { sdl } }');
    if (status !== 401) return `answered HTTP ${status}`;
    return body?.data ? 'answered data with the 401' : undefined;
  });
  await record('refuses a token signed for another subgraph (401)', async () => {
    const { status } = await post(options.url, '{ _service { sdl } }', `Bearer ${await sign(TESTER, `not-${options.name}`)}`);
    return status === 401 ? undefined : `answered HTTP ${status}`;
  });
  await record('refuses a token signed with another key (401)', async () => {
    const other = await internalTokenSigner((await generateGatewayKeys()).privateKey);
    const { status } = await post(options.url, '{ _service { sdl } }', `Bearer ${await other(TESTER, options.name)}`);
    return status === 401 ? undefined : `answered HTTP ${status}`;
  });
  let sdl: string | undefined;
  await record('answers _service with the token', async () => {
    const { status, body } = await post(options.url, '{ _service { sdl } }', `Bearer ${await sign(TESTER, options.name)}`);
    sdl = (body?.data?._service as { sdl?: string } | undefined)?.sdl;
    return status === 200 && sdl ? undefined : `answered HTTP ${status} without an SDL (is the subgraph trusting this test's public key?)`;
  });
  await record('its SDL composes with the committed supergraph and breaks nothing', async () => {
    if (!sdl) return 'no SDL to check';
    const dir = mkdtempSync(path.join(tmpdir(), 'contract-'));
    try {
      const file = path.join(dir, `${options.name}.graphql`);
      writeFileSync(file, sdl);
      const report = checkSubgraphSchema({ schema: file, name: options.name });
      for (const warning of report.warnings) console.warn(`  ⚠ ${warning}`);
      return report.errors.length > 0 ? report.errors.join('\n    ') : undefined;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  await record('answers /health with 200 within 2 s', async () => {
    const response = await fetch(options.url.replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(2000) });
    return response.ok ? undefined : `answered HTTP ${response.status}`;
  });
  return results;
}

function argument(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(args: string[]): Promise<number> {
  if (args.includes('--new-key')) {
    // A test key pair: the subgraph under test trusts the public half (GATEWAY_PUBLIC_KEYS) on a test run only.
    const keys = await generateGatewayKeys();
    const file = argument(args, '--new-key') ?? 'contract-test-key.json';
    writeFileSync(file, keys.privateKey, { mode: 0o600 });
    console.log(`Private test key written to ${file}. Start your subgraph for the test with:\nGATEWAY_PUBLIC_KEYS='${JSON.stringify(await internalJwks(keys.privateKey))}'`);
    return 0;
  }
  const url = argument(args, '--url');
  const name = argument(args, '--name');
  const keyFile = argument(args, '--key');
  if (!url || !name || !keyFile) {
    console.error('Usage: npm run contract-test -- --url http://127.0.0.1:4100/graphql --name <subgraph name> --key contract-test-key.json\n       npm run contract-test -- --new-key contract-test-key.json');
    return 2;
  }
  const results = await runContractTest({ url, name, privateKey: readFileSync(keyFile, 'utf8') });
  for (const result of results) console.log(`${result.ok ? '✓' : '✗'} ${result.check}${result.detail ? `\n    ${result.detail}` : ''}`);
  const failed = results.filter((result) => !result.ok).length;
  console.log(failed ? `Contract test of subgraph "${name}": ${failed} check(s) failed.` : `Contract test of subgraph "${name}": every check passed.`);
  return failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2).filter((arg) => arg !== '--')).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`✗ contract test could not run: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
