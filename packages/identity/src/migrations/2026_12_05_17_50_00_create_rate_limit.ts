/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed Kysely<any> (they must not import app types) */
import { sql, type Kysely } from 'kysely';

/**
 * The gateway's request counters, shared by every gateway replica (rate-limiter-flexible's
 * RateLimiterPostgres layout: key, points used in the window, window end in epoch milliseconds).
 * Created here rather than by the library, so that no process creates tables at run time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE rate_limit (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit').execute();
}
