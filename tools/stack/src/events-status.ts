import { DEFAULT_SUBGRAPH_PORTS, SUBGRAPHS, type SubgraphName } from '@dangvien/db';
import { consistencyReport, formatReport } from './consistency.ts';
import { eventFeedSecret } from './secrets.ts';

/**
 * `pnpm run events:status`: each consumer's lag behind its producers, and whether each replica
 * matches its source, for the running system (URLs from <NAME>_URL, else the default ports).
 * Exits 1 when anything lags or differs.
 */
const urls = Object.fromEntries(
  SUBGRAPHS.map((name) => [name, process.env[`${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS[name]}/graphql`]),
) as Record<SubgraphName, string>;
const report = await consistencyReport(urls, eventFeedSecret());
console.log(formatReport(report));
process.exit(report.ok ? 0 : 1);
