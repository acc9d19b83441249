import { startSubgraph, type SubgraphDefinition } from '@dangvien/server';
import { memoryReply, type ChildReply, type ParentCommand } from '../processes.ts';

/**
 * One subgraph as the stack runs it (same definition, migrations, token check), plus a statement log
 * the harness reads over IPC: that is how "SQL statements per request" is counted without
 * pg_stat_statements (not preloaded on the shared server). Event consumers start only on `connect`,
 * so the counting phase sees no background polling.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each subgraph has its own database and context
type AnyDefinition = SubgraphDefinition<any, any>;
/** Only the subgraph this process serves is loaded. */
const definitions: Record<string, () => Promise<AnyDefinition>> = {
  organization: async () => (await import('@dangvien/organization')).organizationSubgraph as AnyDefinition,
  membership: async () => (await import('@dangvien/membership')).membershipSubgraph as AnyDefinition,
  evaluation: async () => (await import('@dangvien/evaluation')).evaluationSubgraph as AnyDefinition,
};
const name = process.argv[2] ?? '';
const load = definitions[name];
if (!load) throw new Error(`unknown subgraph ${name}`);
const definition = await load();
const statements: string[] = [];
const milliseconds: number[] = [];
let logging = false;
const server = await startSubgraph(definition, {
  databaseUrl: process.env.BENCH_DATABASE_URL!,
  port: Number(process.env.BENCH_PORT),
  gatewayPublicKey: process.env.GATEWAY_PUBLIC_KEY!,
  eventFeedSecret: process.env.EVENT_FEED_SECRET!,
  onQuery: (sql: string, ms: number) => {
    if (!logging) return;
    statements.push(sql);
    milliseconds.push(ms);
  },
});
const reply = (message: ChildReply): void => {
  process.send?.(message);
};
process.on('message', (command: ParentCommand) => {
  if (command.type === 'startLog') {
    statements.length = 0;
    milliseconds.length = 0;
    logging = true;
    reply({ type: 'ok' });
  } else if (command.type === 'stopLog') {
    logging = false;
    reply({ type: 'statements', statements: [...statements], milliseconds: [...milliseconds] });
  } else if (command.type === 'connect') {
    server.connect(command.producers);
    reply({ type: 'ok' });
  } else if (command.type === 'memory') {
    reply(memoryReply());
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
