import { sql, type Kysely, type Selectable } from 'kysely';
import type { IdentityDatabase, SigningKeyTable } from '../database.ts';

export type SigningKeyRow = Selectable<SigningKeyTable>;

export function findNewestSigningKey(db: Kysely<IdentityDatabase>): Promise<SigningKeyRow | undefined> {
  return db.selectFrom('signing_key').selectAll().orderBy('created_at', 'desc').orderBy('kid').limit(1).executeTakeFirst();
}

export async function findPublicJwks(db: Kysely<IdentityDatabase>): Promise<string[]> {
  const rows = await db.selectFrom('signing_key').select('public_jwk').orderBy('created_at', 'desc').execute();
  return rows.map((row) => row.public_jwk);
}

export async function insertSigningKey(db: Kysely<IdentityDatabase>, row: SigningKeyRow): Promise<void> {
  await db.insertInto('signing_key').values(row).execute();
}

/**
 * Serialises key creation across processes for the rest of the transaction: two gateways starting
 * on an empty database must not each create (and sign with) a key of their own.
 */
export async function lockSigningKeys(db: Kysely<IdentityDatabase>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('dangvien.identity.signing_key'))`.execute(db);
}
