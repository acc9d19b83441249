import type { Caller } from '@dangvien/auth';
import { startGateway } from '@dangvien/gateway';
import { memoryReply, type ChildReply, type ParentCommand } from '../processes.ts';

/**
 * Our gateway (gateway/src/gateway.ts, as shipped: request limits, SignedDataSource minting a fresh
 * EdDSA token per subgraph request). Only client sign-in differs from gateway/src/main.ts: the caller
 * is fixed by the harness (BENCH_CALLER), as for the peer, so neither pays for verifying an access token.
 */
const caller = JSON.parse(process.env.BENCH_CALLER!) as Caller;
const gateway = await startGateway({
  port: Number(process.env.BENCH_PORT),
  authenticate: async () => caller,
});
process.send?.({ type: 'ready', url: gateway.url } satisfies ChildReply);
process.on('message', (command: ParentCommand) => {
  if (command.type === 'memory') process.send?.(memoryReply());
});
process.on('disconnect', () => {
  void gateway.close().finally(() => process.exit(0));
});
