import type { SubgraphDefinition } from '@dangvien/server';
import { createContext, type MembershipContext } from './context.ts';
import type { MembershipDatabase } from './database.ts';
import { seedDemo } from './demo-seed.ts';
import { memberResolvers } from './member/member.resolvers.ts';
import { migrations } from './migrations/index.ts';

export const membershipSubgraph: SubgraphDefinition<MembershipDatabase, MembershipContext> = {
  name: 'membership',
  defaultPort: 4002,
  schemaUrl: new URL('./schema.graphql', import.meta.url),
  migrations,
  resolvers: memberResolvers,
  createContext,
  seedDemo,
};
