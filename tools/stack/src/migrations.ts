import type { MigrationSet, SubgraphName } from '@dangvien/db';
import { migrations as evaluation } from '@dangvien/evaluation/migrations';
import { migrations as membership } from '@dangvien/membership/migrations';
import { migrations as organization } from '@dangvien/organization/migrations';

/** Each subgraph's migrations, for the tools that migrate its database outside its process (demo seed, codegen). */
export const SUBGRAPH_MIGRATIONS: Record<SubgraphName, MigrationSet> = { organization, membership, evaluation };
