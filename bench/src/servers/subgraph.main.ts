import { startSubgraph, type SubgraphDefinition } from '../../../packages/server/src/index.ts';
import { evaluationSubgraph } from '../../../services/evaluation/src/subgraph.ts';
import { membershipSubgraph } from '../../../services/membership/src/subgraph.ts';
import { organizationSubgraph } from '../../../services/organization/src/subgraph.ts';
import type { ChildReply, ParentCommand } from '../processes.ts';

/**
 * One subgraph as the stack runs it (same definition, migrations, token check), plus a statement log
 * the harness reads over IPC: that is how "SQL statements per request" is counted without
 * pg_stat_statements (not preloaded on the shared server). Event consumers start only on `connect`,
 * so the counting phase sees no background polling.
 */
const definitions = { organization: organizationSubgraph, membership: membershipSubgraph, evaluation: evaluationSubgraph } as Record<string, SubgraphDefinition<any, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- each subgraph has its own database and context
const name = process.argv[2] ?? '';
const definition = definitions[name];
if (!definition) throw new Error(`unknown subgraph ${name}`);
const statements: string[] = [];
let logging = false;
const server = await startSubgraph(definition, {
  databaseUrl: process.env.BENCH_DATABASE_URL!,
  port: Number(process.env.BENCH_PORT),
  gatewayPublicKey: process.env.GATEWAY_PUBLIC_KEY!,
  eventFeedSecret: process.env.EVENT_FEED_SECRET!,
  onQuery: (sql: string) => {
    if (logging) statements.push(sql);
  },
});
const reply = (message: ChildReply): void => {
  process.send?.(message);
};
process.on('message', (command: ParentCommand) => {
  if (command.type === 'startLog') {
    statements.length = 0;
    logging = true;
    reply({ type: 'ok' });
  } else if (command.type === 'stopLog') {
    logging = false;
    reply({ type: 'statements', statements: [...statements] });
  } else if (command.type === 'connect') {
    server.connect(command.producers);
    reply({ type: 'ok' });
  } else if (command.type === 'catchUp') {
    void (async () => {
      for (const consumer of server.consumers) await consumer.catchUp();
      reply({ type: 'ok' });
    })();
  }
});
process.on('disconnect', () => {
  void server.close().finally(() => process.exit(0));
});
reply({ type: 'ready', url: server.url });
