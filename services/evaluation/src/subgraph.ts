import type { SubgraphDefinition } from '@dangvien/server';
import { createContext, type EvaluationContext } from './context.ts';
import type { EvaluationDatabase } from './database.ts';
import { seedDemo } from './demo-seed.ts';
import { migrations } from './migrations/index.ts';
import { reviewResolvers } from './review/review.resolvers.ts';

export const evaluationSubgraph: SubgraphDefinition<EvaluationDatabase, EvaluationContext> = {
  name: 'evaluation',
  defaultPort: 4003,
  schemaUrl: new URL('./schema.graphql', import.meta.url),
  migrations,
  resolvers: reviewResolvers,
  createContext,
  seedDemo,
};
