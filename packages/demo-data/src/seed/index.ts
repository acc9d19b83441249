import type { SubgraphName } from '@dangvien/db';
import type { Kysely } from 'kysely';
import { seedEvaluation } from './evaluation.ts';
import { seedMembership } from './membership.ts';
import { seedOrganization } from './organization.ts';

const SEEDS: Record<SubgraphName, (db: Kysely<unknown>) => Promise<void>> = {
  organization: seedOrganization,
  membership: seedMembership,
  evaluation: seedEvaluation,
};

/**
 * Writes one subgraph's share of the demo data set into its migrated database, through the writers the
 * subgraph exports for bulk data (`@dangvien/<subgraph>/bulk`); a database that already has data is
 * left as it is, so a second start keeps what is there.
 */
export function seedDemoData<DB>(subgraph: SubgraphName, db: Kysely<DB>): Promise<void> {
  // Each seed knows its subgraph's tables; the caller's handle is typed for whichever subgraph it is.
  return SEEDS[subgraph](db as unknown as Kysely<unknown>);
}
