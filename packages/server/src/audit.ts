import type { Caller } from '@dangvien/auth';
import type { AuditRecord } from '@dangvien/contracts';
import { sql, type ColumnType, type Generated, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { DomainError, requireId } from './errors.ts';

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

/**
 * `audit_log.entity_id` as a uuid, or NULL when it is not one (a bulk load's row names its data set):
 * a plain `entity_id::uuid` fails the whole query on the first such row. Scope conditions compare this.
 */
export const auditEntityUuid: RawBuilder<string | null> = sql<string | null>`(CASE WHEN audit_log.entity_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN audit_log.entity_id::uuid END)`;

/**
 * The newest audit records whose entity satisfies `inScope` (a SQL condition on `audit_log.entity_id`
 * built by the subgraph from the caller's grants), optionally of one entity.
 */
export async function findAuditRecords<DB extends AuditTables>(
  database: Kysely<DB>,
  inScope: RawBuilder<boolean>,
  options: { entityId?: string; first: number },
): Promise<AuditRecord[]> {
  const db = database as unknown as Kysely<AuditTables>;
  let query = db.selectFrom('audit_log').selectAll().where(inScope).orderBy('id', 'desc').limit(options.first);
  if (options.entityId) query = query.where('entity_id', '=', options.entityId);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: String(row.id),
    occurredAt: row.occurred_at.toISOString(),
    actor: `${row.actor_name} (${row.actor_subject})`,
    actorRoles: row.actor_roles ? row.actor_roles.split(',') : [],
    operation: row.operation,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before === null ? null : JSON.stringify(row.before),
    after: row.after === null ? null : JSON.stringify(row.after),
  }));
}

/** Arguments of every `…AuditLog` field, checked at the edge. */
export function auditLogArguments(args: { entityId?: string | null; first?: number | null }): { entityId?: string; first: number } {
  const first = args.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > 500) throw new DomainError('BAD_USER_INPUT', 'Số bản ghi phải từ 1 đến 500.', { field: 'first' });
  return { entityId: args.entityId ? requireId(args.entityId, 'entityId') : undefined, first };
}
