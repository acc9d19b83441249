import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { Supergraph } from '@apollo/federation-internals';

/** ApolloGateway's `supergraphSdl` hook: gives the first supergraph, then pushes new ones through `update`. */
type SupergraphSdlHook = (options: { update: (supergraphSdl: string) => void }) => Promise<{ supergraphSdl: string; cleanup: () => Promise<void> }>;

export interface SupergraphSourceOptions {
  /** A supergraph file (the committed one, or one a deployment writes). */
  path?: string;
  /** Or a URL serving the supergraph (a schema registry, a file server); wins over `path`. */
  url?: string;
  /** How often the file or URL is looked at; 0 reads it once (no reload). */
  pollMs: number;
  /** Subgraphs a new supergraph must still hold: one without a core subgraph is refused. */
  coreSubgraphs: readonly string[];
  log?: (line: string) => void;
  /** Called after each look that found a change: `accepted` or `refused` with why (tests, metrics). */
  onChange?: (event: { accepted: boolean; subgraphs?: string[]; reason?: string }) => void;
}

/** The reason a supergraph cannot replace the served one, or its subgraphs' names when it can. */
export function vetSupergraph(supergraphSdl: string, coreSubgraphs: readonly string[]): { subgraphs: string[] } | { reason: string } {
  let subgraphs: string[];
  try {
    subgraphs = Supergraph.build(supergraphSdl, { validateSupergraph: true })
      .subgraphsMetadata()
      .map((subgraph) => subgraph.name);
  } catch (error) {
    return { reason: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
  const missing = coreSubgraphs.filter((name) => !subgraphs.includes(name));
  if (missing.length > 0) return { reason: `it lacks the core subgraph${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` };
  return { subgraphs };
}

/**
 * The gateway's supergraph from a file or a URL, looked at every `pollMs`: a changed one that builds
 * and still holds every core subgraph replaces the served one without a restart; requests in flight
 * finish on the plan they started with (Apollo swaps the schema for new requests only). A bad one is
 * refused and logged, and the served one stays.
 */
export function reloadingSupergraph(options: SupergraphSourceOptions): SupergraphSdlHook {
  const log = options.log ?? ((line: string) => console.log(line));
  const where = options.url ?? options.path ?? '(nowhere)';
  const read = async (): Promise<string> => {
    if (options.url) {
      const response = await fetch(options.url, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    }
    if (!options.path) throw new Error('no supergraph path or URL');
    return readFile(options.path, 'utf8');
  };
  const digest = (text: string) => createHash('sha256').update(text).digest('hex');

  return async ({ update }) => {
    const first = await read();
    const vetted = vetSupergraph(first, options.coreSubgraphs);
    if ('reason' in vetted) throw new Error(`The supergraph at ${where} cannot be served: ${vetted.reason}`);
    let lastSeen = digest(first);
    let lastModified = options.url || !options.path ? 0 : (await stat(options.path)).mtimeMs;
    let looking = false;
    const look = async (): Promise<void> => {
      if (looking) return;
      looking = true;
      try {
        // A file is read again only when it changed on disk.
        if (!options.url && options.path) {
          const modified = (await stat(options.path)).mtimeMs;
          if (modified === lastModified) return;
          lastModified = modified;
        }
        const text = await read();
        const seen = digest(text);
        if (seen === lastSeen) return;
        lastSeen = seen;
        let next = vetSupergraph(text, options.coreSubgraphs);
        if (!('reason' in next)) {
          try {
            update(text);
          } catch (error) {
            next = { reason: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
          }
        }
        if ('reason' in next) {
          log(`[gateway] new supergraph at ${where} refused, the served one stays: ${next.reason}`);
          options.onChange?.({ accepted: false, reason: next.reason });
          return;
        }
        log(`[gateway] supergraph reloaded from ${where}: ${next.subgraphs.join(', ')}`);
        options.onChange?.({ accepted: true, subgraphs: next.subgraphs });
      } catch (error) {
        // The file gone for a moment or the registry down: keep serving, look again next time.
        lastModified = -1;
        log(`[gateway] supergraph at ${where} not read, the served one stays: ${error instanceof Error ? error.message : String(error)}`);
        options.onChange?.({ accepted: false, reason: error instanceof Error ? error.message : String(error) });
      } finally {
        looking = false;
      }
    };
    const timer = options.pollMs > 0 ? setInterval(() => void look(), options.pollMs) : undefined;
    timer?.unref();
    return { supergraphSdl: first, cleanup: async () => clearInterval(timer) };
  };
}
