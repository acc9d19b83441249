import { randomUUID } from 'node:crypto';
import type { Caller } from '@dangvien/auth';
import { inReplicaSubtrees } from '@dangvien/org-replica';
import type { Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { SensitiveRead } from '../generated/graphql.ts';

/** The sensitive fields, by the names the API gives them. */
export type SensitiveField = 'citizenId' | 'ethnicity' | 'religion';

/**
 * Collects, for one request, which members' sensitive fields were served, and writes them once before
 * the response leaves (`flush`, called by the subgraph's plugin): one row per member, whatever the
 * number of fields, aliases or hops that read them.
 */
export class SensitiveReadRecorder {
  private readonly reads = new Map<string, Set<SensitiveField>>();
  readonly requestId = randomUUID();

  constructor(
    private readonly db: Kysely<MembershipDatabase>,
    private readonly caller: Caller,
  ) {}

  record(memberId: string, ...fields: SensitiveField[]): void {
    const known = this.reads.get(memberId) ?? new Set<SensitiveField>();
    for (const field of fields) known.add(field);
    this.reads.set(memberId, known);
  }

  async flush(operation: string): Promise<void> {
    if (this.reads.size === 0) return;
    const rows = [...this.reads].map(([memberId, fields]) => ({
      request_id: this.requestId,
      actor_subject: this.caller.subject,
      actor_name: this.caller.name,
      actor_roles: [...new Set(this.caller.grants.map((grant) => grant.role))].join(','),
      operation,
      member_id: memberId,
      fields: [...fields].sort(),
    }));
    this.reads.clear();
    for (let start = 0; start < rows.length; start += 5000) await this.db.insertInto('sensitive_read_log').values(rows.slice(start, start + 5000)).execute();
  }
}

/** Newest first: reads of members now placed inside `scopes` (where the caller oversees), of one member or all. */
export async function findSensitiveReads(
  db: Kysely<MembershipDatabase>,
  scopes: readonly string[],
  options: { memberId?: string; first: number },
): Promise<SensitiveRead[]> {
  if (scopes.length === 0) return [];
  let query = db
    .selectFrom('sensitive_read_log')
    .selectAll()
    .where('member_id', 'in', (eb) => eb.selectFrom('member').select('member.id').where(inReplicaSubtrees('member.cell_id', scopes)))
    .orderBy('id', 'desc')
    .limit(options.first);
  if (options.memberId) query = query.where('member_id', '=', options.memberId);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: String(row.id),
    readAt: row.read_at.toISOString(),
    actor: `${row.actor_name} (${row.actor_subject})`,
    actorRoles: row.actor_roles ? row.actor_roles.split(',') : [],
    operation: row.operation,
    memberId: row.member_id,
    fields: row.fields,
  }));
}
