import { auditResolvers } from './audit/audit.resolvers.ts';
import type { SubgraphDefinition } from '@dangvien/server';
import { createContext, type OrganizationContext } from './context.ts';
import type { OrganizationDatabase } from './database.ts';
import { orgUnitImportResolvers } from './import/org-unit-import.resolvers.ts';
import { migrations } from './migrations/index.ts';
import { evaluationEventHandlers, membershipEventHandlers } from './operation/operation.events.ts';
import { operationResolvers } from './operation/operation.resolvers.ts';
import { currentTreeRows } from './org-unit/org-unit.repository.ts';
import { orgUnitResolvers } from './org-unit/org-unit.resolvers.ts';
import { restructuringPlanResolvers } from './restructuring-plan/restructuring-plan.resolvers.ts';
import { splitResolvers } from './split/split.resolvers.ts';
import { committeeResolvers } from './committee/committee.resolvers.ts';
import { delegationResolvers } from './delegation/delegation.resolvers.ts';
import { dissolutionResolvers } from './dissolution/dissolution.resolvers.ts';
import { savedQueryResolvers } from './saved-query/saved-query.resolvers.ts';
import { treeDigest } from '@dangvien/org-replica';
import { mergeResolvers } from '@dangvien/server';

export const organizationSubgraph: SubgraphDefinition<OrganizationDatabase, OrganizationContext> = {
  name: 'organization',
  defaultPort: 4001,
  schemaUrl: new URL('./', import.meta.url),
  migrations,
  resolvers: mergeResolvers(
    orgUnitResolvers,
    orgUnitImportResolvers,
    operationResolvers,
    dissolutionResolvers,
    auditResolvers,
    splitResolvers,
    restructuringPlanResolvers,
    committeeResolvers,
    delegationResolvers,
    savedQueryResolvers,
  ),
  createContext,
  consumes: { membership: membershipEventHandlers, evaluation: evaluationEventHandlers },
  // The source's digest of today's tree, compared with each replica's by the consistency command.
  statusReports: (db) => ({ tree: async () => treeDigest(await currentTreeRows(db)) }),
};
