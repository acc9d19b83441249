import { alertResolvers } from './alert/alert.resolvers.ts';
import { auditResolvers } from './audit/audit.resolvers.ts';
import { mergeResolvers, type SubgraphDefinition } from '@dangvien/server';
import { createContext, type EvaluationContext } from './context.ts';
import { cycleResolvers } from './cycle/cycle.resolvers.ts';
import type { EvaluationDatabase } from './database.ts';
import { seedDemo } from './demo-seed.ts';
import { migrations } from './migrations/index.ts';
import { memberReplicaDigest, membershipEventHandlers } from './replica/member-replica.ts';
import { organizationResolvers } from './organization/organization.resolvers.ts';
import { reviewResolvers } from './review/review.resolvers.ts';
import { taskResolvers } from './task/task.resolvers.ts';
import { orgReplicaHandlers, replicaDigest } from '@dangvien/org-replica';

export const evaluationSubgraph: SubgraphDefinition<EvaluationDatabase, EvaluationContext> = {
  name: 'evaluation',
  defaultPort: 4003,
  schemaUrl: new URL('./', import.meta.url),
  migrations,
  resolvers: mergeResolvers(reviewResolvers, auditResolvers, cycleResolvers, taskResolvers, alertResolvers, organizationResolvers),
  createContext,
  seedDemo,
  consumes: { organization: orgReplicaHandlers<EvaluationDatabase>(), membership: membershipEventHandlers },
  statusReports: (db) => ({ tree: () => replicaDigest(db), placements: () => memberReplicaDigest(db) }),
};
