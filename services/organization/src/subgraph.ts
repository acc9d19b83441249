import type { SubgraphDefinition } from '@dangvien/server';
import { createContext, type OrganizationContext } from './context.ts';
import type { OrganizationDatabase } from './database.ts';
import { seedDemo } from './demo-seed.ts';
import { migrations } from './migrations/index.ts';
import { orgUnitResolvers } from './org-unit/org-unit.resolvers.ts';

export const organizationSubgraph: SubgraphDefinition<OrganizationDatabase, OrganizationContext> = {
  name: 'organization',
  defaultPort: 4001,
  schemaUrl: new URL('./schema.graphql', import.meta.url),
  migrations,
  resolvers: orgUnitResolvers,
  createContext,
  seedDemo,
};
