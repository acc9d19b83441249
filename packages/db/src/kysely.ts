import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { RECORDS_TIME_ZONE } from './day.ts';

// DATE columns stay 'YYYY-MM-DD' strings: a date of admission has no time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint counts fit in a JS number at our scale (5.6 million members).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface KyselyOptions {
  /** Connections in the pool; a subgraph on a 2-core machine needs few. */
  maxConnections?: number;
  /** Called with every SQL statement and its time; benchmarks and tests count statements with it. */
  onQuery?: (sql: string, milliseconds: number) => void;
}

/**
 * A connection that outlives its server: pg emits 'error' on a client whose server goes away while
 * it connects or sits checked out between two statements, and an 'error' event nobody listens to
 * ends the process (seen with PostgreSQL restarted under load). The statement running, if any, still
 * fails with the error; the pool drops the dead client when it comes back.
 */
class SurvivingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', (error) => console.error(`[db] connection lost: ${error.message}`));
  }
}

/** The one way to get a Kysely instance for a database URL. */
export function createKysely<DB>(url: string, options: KyselyOptions = {}): Kysely<DB> {
  // A database that does not answer a connection within 5 s fails the request instead of holding it
  // until the gateway's deadline (a refused connection, a server down, fails at once anyway).
  // Every session on Vietnam's calendar, so SQL's current_date is the code's todayInVietnam().
  const pool = new pg.Pool({ connectionString: url, options: `-c TimeZone=${RECORDS_TIME_ZONE}`, max: options.maxConnections ?? 10, connectionTimeoutMillis: 5000, Client: SurvivingClient });
  // An idle connection dropped by the server (restart, DROP DATABASE … FORCE) must not crash the
  // process: the pool replaces it on next use.
  pool.on('error', (error) => console.error(`[db] idle connection lost: ${error.message}`));
  const onQuery = options.onQuery;
  return new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: onQuery
      ? (event) => {
          if (event.level === 'query') onQuery(event.query.sql, event.queryDurationMillis);
        }
      : undefined,
  });
}
