import { runSubgraphProcess } from '@dangvien/server';
import { evaluationSubgraph } from './subgraph.ts';

await runSubgraphProcess(evaluationSubgraph);
