import { replicateOrgUnits } from '@dangvien/org-replica';
import { demoDataSet, startTestSubgraph, type TestSubgraph } from '@dangvien/testing';
import type { EvaluationDatabase } from './database.ts';
import { evaluationSubgraph } from './subgraph.ts';

/**
 * The evaluation subgraph alone, on a fresh database holding the demo tree and the demo members'
 * placements (held since always), as organization's and membership's events would have delivered them.
 */
export async function startEvaluationWithDemoPlacements(): Promise<TestSubgraph<EvaluationDatabase>> {
  const subgraph = await startTestSubgraph(evaluationSubgraph);
  const demo = demoDataSet();
  await replicateOrgUnits(subgraph.db, demo.orgUnits);
  const placements = demo.members.map((member) => ({ member_id: member.id, cell_id: member.cellId, status: member.status }));
  await subgraph.db.insertInto('member_replica').values(placements).execute();
  await subgraph.db.insertInto('member_placement_change').values(placements.map((placement) => ({ ...placement, effective_from: null }))).execute();
  return subgraph;
}

/** For other packages' tests: the dated roster and the tasks as the subgraph reads them. */
export { rosterOn } from './replica/placement-history.ts';
export { findTasks } from './task/task.repository.ts';
