import { runSubgraphProcess } from '@dangvien/server';
import { membershipSubgraph } from './subgraph.ts';

await runSubgraphProcess(membershipSubgraph);
