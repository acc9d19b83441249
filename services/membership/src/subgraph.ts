import { mergeResolvers, type SubgraphDefinition } from '@dangvien/server';
import { replicaDigest } from '@dangvien/org-replica';
import { aggregatesResolvers } from './aggregates/aggregates.resolvers.ts';
import { alertResolvers } from './alerts/alerts.resolvers.ts';
import { auditResolvers } from './audit/audit.resolvers.ts';
import { badgeResolvers } from './badges/badges.resolvers.ts';
import { createContext, type MembershipContext } from './context.ts';
import type { MembershipDatabase } from './database.ts';
import { dataQualityResolvers } from './data-quality/data-quality.resolvers.ts';
import { duesResolvers } from './dues/dues.resolvers.ts';
import { exportResolvers } from './export/export.resolvers.ts';
import { importResolvers } from './import/import.resolvers.ts';
import { lifecycleResolvers } from './lifecycle/lifecycle.resolvers.ts';
import { memberResolvers } from './member/member.resolvers.ts';
import { placementDigest } from './member/member.repository.ts';
import { migrations } from './migrations/index.ts';
import { organizationEventHandlers } from './placement/org-events.ts';
import { placementResolvers } from './placement/placement.resolvers.ts';
import { residenceResolvers } from './residence/residence.resolvers.ts';
import { searchResolvers } from './search/search.resolvers.ts';
import { sensitiveReadLogPlugin, sensitiveReadResolvers } from './sensitive-read/sensitive-read.resolvers.ts';
import { statisticsResolvers } from './statistics/statistics.resolvers.ts';
import { transferResolvers } from './transfer/transfer.resolvers.ts';

export const membershipSubgraph: SubgraphDefinition<MembershipDatabase, MembershipContext> = {
  name: 'membership',
  defaultPort: 4002,
  schemaUrl: new URL('./', import.meta.url),
  migrations,
  resolvers: mergeResolvers<MembershipContext>(
    memberResolvers,
    aggregatesResolvers,
    lifecycleResolvers,
    placementResolvers,
    auditResolvers,
    importResolvers,
    exportResolvers,
    duesResolvers,
    alertResolvers,
    statisticsResolvers,
    transferResolvers,
    residenceResolvers,
    searchResolvers,
    sensitiveReadResolvers,
    dataQualityResolvers,
    badgeResolvers,
  ),
  plugins: [sensitiveReadLogPlugin],
  createContext,
  consumes: { organization: organizationEventHandlers },
  statusReports: (db) => ({ tree: () => replicaDigest(db), placements: () => placementDigest(db) }),
};
