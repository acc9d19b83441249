import { sql, type Kysely } from 'kysely';

/**
 * Saved queries of the explorer (gateway /explorer): a user's named GraphQL query with its variables,
 * kept for its owner and, when shared, for everyone whose scope lies inside its scope unit's subtree.
 * Deleting one marks it (deleted_at): nothing is hard-deleted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE saved_query (
    id uuid PRIMARY KEY,
    owner_subject text NOT NULL,
    owner_name text NOT NULL,
    scope_unit_id uuid NOT NULL REFERENCES org_unit (id),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description text,
    query text NOT NULL,
    variables jsonb NOT NULL DEFAULT '{}'::jsonb,
    shared boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
  )`.execute(db);
  await sql`CREATE INDEX saved_query_owner_idx ON saved_query (owner_subject) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX saved_query_shared_idx ON saved_query (scope_unit_id) WHERE shared AND deleted_at IS NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE saved_query`.execute(db);
}
