import { auditResolvers } from './audit/audit.resolvers.ts';
import { mergeResolvers, type SubgraphDefinition } from '@dangvien/server';
import { createContext, type MembershipContext } from './context.ts';
import type { MembershipDatabase } from './database.ts';
import { seedDemo } from './demo-seed.ts';
import { importResolvers } from './import/import.resolvers.ts';
import { alertResolvers } from './alerts/alerts.resolvers.ts';
import { statisticsResolvers } from './statistics/statistics.resolvers.ts';
import { duesResolvers } from './dues/dues.resolvers.ts';
import { memberResolvers } from './member/member.resolvers.ts';
import { placementDigest } from './member/member.repository.ts';
import { migrations } from './migrations/index.ts';
import { organizationEventHandlers } from './placement/org-events.ts';
import { orgUnitResolvers } from './placement/org-unit.resolvers.ts';
import { residenceResolvers } from './residence/residence.resolvers.ts';
import { searchResolvers } from './search/search.resolvers.ts';
import { transferResolvers } from './transfer/transfer.resolvers.ts';
import { replicaDigest } from '@dangvien/org-replica';

export const membershipSubgraph: SubgraphDefinition<MembershipDatabase, MembershipContext> = {
  name: 'membership',
  defaultPort: 4002,
  schemaUrl: new URL('./', import.meta.url),
  migrations,
  resolvers: mergeResolvers(memberResolvers, auditResolvers, importResolvers, orgUnitResolvers, duesResolvers, alertResolvers, statisticsResolvers, transferResolvers, residenceResolvers, searchResolvers),
  createContext,
  seedDemo,
  consumes: { organization: organizationEventHandlers },
  statusReports: (db) => ({ tree: () => replicaDigest(db), placements: () => placementDigest(db) }),
};
