import { runSubgraphProcess } from '@dangvien/server';
import { organizationSubgraph } from './subgraph.ts';

await runSubgraphProcess(organizationSubgraph);
