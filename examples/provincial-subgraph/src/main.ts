import { configFromEnv } from './config.ts';
import { seedSampleData } from './sample-data.ts';
import { startProvincialSubgraph } from './server.ts';

const config = configFromEnv();
const subgraph = await startProvincialSubgraph(config);
if (process.env.SEED_SAMPLE === '1') await seedSampleData(subgraph.db);
console.log(`[${config.subgraphName}] ready at ${subgraph.url} (health: ${subgraph.url.replace(/\/graphql$/, '/health')})`);

const stop = async (): Promise<void> => {
  await subgraph.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
