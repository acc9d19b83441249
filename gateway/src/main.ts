import { stopWithParent } from '@dangvien/server';
import { startGateway } from './gateway.ts';

const gateway = await startGateway();
console.log(`[gateway] ready at ${gateway.url}`);
const shutdown = async (): Promise<void> => {
  await gateway.close();
  process.exit(0);
};
stopWithParent(shutdown);
