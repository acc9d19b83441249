import { alertResolvers } from './alert/alert.resolvers.ts';
import { auditResolvers } from './audit/audit.resolvers.ts';
import { mergeResolvers, type SubgraphDefinition } from '@dangvien/server';
import { createContext, type EvaluationContext } from './context.ts';
import { cycleResolvers } from './cycle/cycle.resolvers.ts';
import { meetingResolvers } from './meeting/meeting.resolvers.ts';
import type { EvaluationDatabase } from './database.ts';
import { migrations } from './migrations/index.ts';
import { memberReplicaDigest, membershipEventHandlers } from './replica/member-replica.ts';
import { organizationResolvers } from './organization/organization.resolvers.ts';
import { reviewResolvers } from './review/review.resolvers.ts';
import { rulesResolvers } from './rules/rules.resolvers.ts';
import { statsResolvers } from './stats/stats.resolvers.ts';
import { aggregatesResolvers } from './aggregates/aggregates.resolvers.ts';
import { taskResolvers } from './task/task.resolvers.ts';
import { orgReplicaHandlers, replicaDigest } from '@dangvien/org-replica';

export const evaluationSubgraph: SubgraphDefinition<EvaluationDatabase, EvaluationContext> = {
  name: 'evaluation',
  defaultPort: 4003,
  schemaUrl: new URL('./', import.meta.url),
  migrations,
  resolvers: mergeResolvers(
    reviewResolvers,
    rulesResolvers,
    cycleResolvers,
    meetingResolvers,
    statsResolvers,
    aggregatesResolvers,
    taskResolvers,
    alertResolvers,
    organizationResolvers,
    auditResolvers,
  ),
  createContext,
  consumes: { organization: orgReplicaHandlers<EvaluationDatabase>(), membership: membershipEventHandlers },
  statusReports: (db) => ({ tree: () => replicaDigest(db), placements: () => memberReplicaDigest(db) }),
};
