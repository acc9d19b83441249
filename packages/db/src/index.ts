export { createKysely, type KyselyOptions } from './kysely.ts';
export { RECORDS_TIME_ZONE, todayInVietnam } from './day.ts';
export {
  SUBGRAPHS,
  DEFAULT_SUBGRAPH_PORTS,
  type SubgraphName,
  configuredDatabaseUrl,
  createDatabaseIfMissing,
  dropDatabaseIfExists,
  withDatabase,
} from './database-url.ts';
export { migrateToLatest, pendingMigrations, type MigrationSet } from './migrate.ts';
export {
  DEFAULT_EMBEDDED_PORT,
  freePort,
  isPortFree,
  startEmbeddedPostgres,
  stopEmbeddedPostgres,
  type EmbeddedOptions,
  type EmbeddedServer,
} from './embedded-postgres.ts';
export { embeddedDataDir, workspaceRoot } from './workspace.ts';
