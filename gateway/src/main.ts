import { startGateway } from './gateway.ts';

const gateway = await startGateway();
console.log(`[gateway] ready at ${gateway.url}`);
const shutdown = async (): Promise<void> => {
  await gateway.close();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
