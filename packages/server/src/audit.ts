import type { Caller } from '@dangvien/auth';
import type { ColumnType, Generated, Transaction } from 'kysely';

/** The append-only audit table every subgraph database has (created by its migrations; a trigger refuses UPDATE and DELETE). */
export interface AuditTables {
  audit_log: {
    id: Generated<number>;
    occurred_at: ColumnType<Date, never, never> & Generated<Date>;
    actor_subject: string;
    actor_name: string;
    actor_roles: string;
    operation: string;
    entity_type: string;
    entity_id: string;
    before: unknown;
    after: unknown;
  };
}

export interface AuditEntry {
  operation: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Records a change in the transaction that makes it: no change without its record, no record without its change. */
export async function writeAudit<DB extends AuditTables>(
  transaction: Transaction<DB>,
  actor: Pick<Caller, 'subject' | 'name' | 'grants'>,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await (transaction as unknown as Transaction<AuditTables>)
    .insertInto('audit_log')
    .values(
      entries.map((entry) => ({
        actor_subject: actor.subject,
        actor_name: actor.name,
        actor_roles: [...new Set(actor.grants.map((grant) => grant.role))].join(','),
        operation: entry.operation,
        entity_type: entry.entityType,
        entity_id: entry.entityId,
        before: JSON.stringify(entry.before ?? null),
        after: JSON.stringify(entry.after ?? null),
      })),
    )
    .execute();
}
