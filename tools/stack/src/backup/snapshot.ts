import pg from 'pg';

/**
 * One read-only transaction per database, all at one point as far as the databases depend on each
 * other: that dependency is the events (a consumer's position names a producer's event), so for an
 * instant no event can be published or applied anywhere: in every database the outbox and the
 * consumer positions are locked against writes (other writes go on), then each database's snapshot is
 * exported and imported by a second connection, and the locks are let go. The instant lasts a few
 * milliseconds; a transaction publishing or applying an event just waits for it. The copies are then
 * read, as slowly as they like, from the snapshots.
 */
export interface SnapshotSet {
  /** A client per database, inside a REPEATABLE READ transaction on the common snapshot. */
  readers: Record<string, pg.Client>;
  close(): Promise<void>;
}

/** The tables that link databases; a database without them (identity) has no lock to take. */
const EVENT_TABLES = ['outbox_event', 'consumer_position'];

export async function openSnapshots(urls: Record<string, string>): Promise<SnapshotSet> {
  const names = Object.keys(urls).sort(); // one order everywhere: two backups never wait on each other
  const lockers: Record<string, pg.Client> = {};
  const readers: Record<string, pg.Client> = {};
  const all = () => [...Object.values(lockers), ...Object.values(readers)];
  try {
    for (const name of names) {
      const locker = new pg.Client({ connectionString: urls[name], application_name: 'dangvien-backup' });
      await locker.connect();
      lockers[name] = locker;
      await locker.query('BEGIN');
      const present = await locker.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname = ANY($1)`,
        [EVENT_TABLES],
      );
      if (present.rows.length > 0) await locker.query(`LOCK TABLE ${present.rows.map((row) => locker.escapeIdentifier(row.name)).join(', ')} IN EXCLUSIVE MODE`);
    }
    // Every database is now still as far as events go; each snapshot taken from here on agrees with the others.
    for (const name of names) {
      const { rows } = await lockers[name]!.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
      const reader = new pg.Client({ connectionString: urls[name], application_name: 'dangvien-backup' });
      await reader.connect();
      readers[name] = reader;
      await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await reader.query(`SET TRANSACTION SNAPSHOT '${rows[0]!.id}'`);
    }
    for (const name of names) await lockers[name]!.query('COMMIT');
  } catch (error) {
    await Promise.all(all().map((client) => client.end().catch(() => undefined)));
    throw error;
  }
  await Promise.all(Object.values(lockers).map((client) => client.end()));
  return {
    readers,
    close: async () => {
      await Promise.all(
        Object.values(readers).map(async (client) => {
          await client.query('COMMIT').catch(() => undefined);
          await client.end();
        }),
      );
    },
  };
}
