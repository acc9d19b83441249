import type { HealthReport } from '@dangvien/server';
import { readManifest, MANIFEST_PATH } from '../manifest.ts';

/**
 * Core subgraphs are those the manifest lists without `optional`: the national system needs them.
 * Any other (a province marked optional, or one only a reloaded supergraph names) is optional.
 */
export function coreSubgraphNames(manifestPath = MANIFEST_PATH): string[] {
  return readManifest(manifestPath)
    .filter((entry) => !entry.optional)
    .map((entry) => entry.name);
}

/**
 * The gateway's health: `ok` while every core subgraph answers its /health. An optional subgraph's
 * state is reported under `optional`, never in the status, so a load balancer never takes the
 * national gateway out because one province is down.
 */
export async function federationHealth(urls: ReadonlyMap<string, string>, core: readonly string[]): Promise<HealthReport> {
  const names = [...new Set([...core, ...urls.keys()])];
  const states = new Map(await Promise.all(names.map(async (name) => [name, await subgraphHealth(urls.get(name))] as const)));
  const coreStates = Object.fromEntries(names.filter((name) => core.includes(name)).map((name) => [name, states.get(name)!]));
  const optionalStates = Object.fromEntries(names.filter((name) => !core.includes(name)).map((name) => [name, states.get(name)!]));
  const status = Object.values(coreStates).every((state) => state === 'ok') ? 'ok' : 'degraded';
  return { status, gateway: 'ok', subgraphs: coreStates, ...(Object.keys(optionalStates).length > 0 ? { optional: optionalStates } : {}) };
}

async function subgraphHealth(graphqlUrl: string | undefined): Promise<string> {
  if (!graphqlUrl) return 'not in the served supergraph';
  try {
    const response = await fetch(graphqlUrl.replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(2000) });
    return response.ok ? 'ok' : `HTTP ${response.status}`;
  } catch (error) {
    return `unreachable: ${error instanceof Error ? error.message : String(error)}`;
  }
}
