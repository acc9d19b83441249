/**
 * What a bulk loader (tools/datagen) hands each subgraph's src/bulk/: COPY rows into one of our tables and run plain SQL, all inside
 * the one transaction of a chunk (the loader commits it together with its checkpoint).
 */
export type CopyValue = string | number | boolean | null | Record<string, unknown>;

export interface BulkWriter {
  copy(table: string, columns: readonly string[], rows: readonly (readonly CopyValue[])[]): Promise<void>;
  query(text: string, params?: readonly unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** One audit row per loaded data set: who loaded what, with the row counts. */
export async function auditBulkLoad(writer: BulkWriter, dataset: string, counts: Record<string, number>): Promise<void> {
  await writer.query(
    `INSERT INTO audit_log (actor_subject, actor_name, actor_roles, operation, entity_type, entity_id, before, after)
     VALUES ('datagen', 'Bộ sinh dữ liệu', 'SYSTEM', 'bulkLoad', 'Dataset', $1, NULL, $2)`,
    [dataset, JSON.stringify(counts)],
  );
}
