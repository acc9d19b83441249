import type { MigrationSet, SubgraphName } from '@dangvien/db';
import { migrations as evaluation } from '@dangvien/evaluation/migrations';
import { migrations as identity } from '@dangvien/identity/migrations';
import { migrations as membership } from '@dangvien/membership/migrations';
import { migrations as organization } from '@dangvien/organization/migrations';

/** Each subgraph's migrations, for the tools that migrate its database outside its process (demo seed, codegen). */
export const SUBGRAPH_MIGRATIONS: Record<SubgraphName, MigrationSet> = { organization, membership, evaluation };

/** Every database of the system by name: the subgraphs' and the embedded issuer's (backup and restore). */
export const DATABASE_MIGRATIONS: Record<SubgraphName | 'identity', MigrationSet> = { ...SUBGRAPH_MIGRATIONS, identity };
