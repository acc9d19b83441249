import { randomUUID } from 'node:crypto';
import { MUTATION_ROLES, scopesWithRole, type Caller } from '@dangvien/auth';
import { DomainError, requireId, requireText, writeAudit } from '@dangvien/server';
import { Kind, parse } from 'graphql';
import type { Kysely } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';
import type { SaveQueryInput } from '../generated/graphql.ts';
import { lockSavedQuery } from './saved-query.repository.ts';
import type { SavedQueryRow } from './saved-query.tables.ts';

/** As long as the gateway accepts a document (packages/server's http.ts). */
const MAX_QUERY_LENGTH = 64 * 1024;
const MAX_VARIABLES_LENGTH = 16 * 1024;

function requireQuery(text: string): string {
  if (text.trim().length === 0) throw new DomainError('BAD_USER_INPUT', 'Chưa nhập câu truy vấn.', { field: 'query' });
  if (text.length > MAX_QUERY_LENGTH) throw new DomainError('BAD_USER_INPUT', 'Câu truy vấn dài quá 64 KB.', { field: 'query' });
  try {
    if (!parse(text).definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION)) throw new Error('no operation');
  } catch {
    throw new DomainError('BAD_USER_INPUT', 'Câu truy vấn không đúng cú pháp GraphQL.', { field: 'query' });
  }
  return text;
}

function requireVariables(text: string | null | undefined): Record<string, unknown> {
  if (text === null || text === undefined || text.trim() === '') return {};
  if (text.length > MAX_VARIABLES_LENGTH) throw new DomainError('BAD_USER_INPUT', 'Phần biến (variables) dài quá 16 KB.', { field: 'variables' });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new DomainError('BAD_USER_INPUT', 'Phần biến (variables) phải là một đối tượng JSON, ví dụ {"unitId": "…"}.', { field: 'variables' });
  return value as Record<string, unknown>;
}

/** What the audit log keeps of a saved query. */
const audited = (row: Pick<SavedQueryRow, 'name' | 'description' | 'query' | 'variables' | 'shared' | 'scope_unit_id'>) => ({
  name: row.name,
  description: row.description,
  query: row.query,
  variables: row.variables,
  shared: row.shared,
  scopeUnitId: row.scope_unit_id,
});

/** Saves a new query for the caller, or changes one of the caller's own (no one else's, shared or not). */
export async function saveQuery(db: Kysely<OrganizationDatabase>, caller: Caller, input: SaveQueryInput): Promise<SavedQueryRow> {
  const name = requireText(input.name, 'name', 'tên câu truy vấn', 200);
  const description = input.description?.trim() ? requireText(input.description, 'description', 'mô tả', 2000) : null;
  const query = requireQuery(input.query);
  const variables = requireVariables(input.variables);
  const scopes = scopesWithRole(caller, MUTATION_ROLES.saveQuery);
  const scopeUnitId = input.scopeUnitId ? requireId(input.scopeUnitId, 'scopeUnitId') : scopes[0];
  if (!scopeUnitId || !scopes.includes(scopeUnitId)) {
    throw new DomainError('FORBIDDEN', 'Chỉ chia sẻ được trong phạm vi được giao của bạn.', { field: 'scopeUnitId' });
  }
  const values = { name, description, query, variables: JSON.stringify(variables), shared: input.shared ?? false, scope_unit_id: scopeUnitId };
  return db.transaction().execute(async (trx) => {
    if (input.id) {
      const id = requireId(input.id);
      const before = await lockSavedQuery(trx, id);
      // Someone else's query, shared or not, is "not found" for a change: the caller may only read it.
      if (!before || before.owner_subject !== caller.subject) throw new DomainError('NOT_FOUND', 'Không tìm thấy câu truy vấn đã lưu của bạn.', { field: 'id' });
      const after = await trx.updateTable('saved_query').set({ ...values, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await writeAudit(trx, caller, [{ operation: 'saveQuery', entityType: 'SavedQuery', entityId: id, before: audited(before), after: audited(after) }]);
      return after;
    }
    const saved = await trx
      .insertInto('saved_query')
      .values({ id: randomUUID(), owner_subject: caller.subject, owner_name: caller.name, ...values })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, caller, [{ operation: 'saveQuery', entityType: 'SavedQuery', entityId: saved.id, before: null, after: audited(saved) }]);
    return saved;
  });
}

export async function deleteSavedQuery(db: Kysely<OrganizationDatabase>, caller: Caller, rawId: string): Promise<boolean> {
  const id = requireId(rawId);
  return db.transaction().execute(async (trx) => {
    const before = await lockSavedQuery(trx, id);
    if (!before || before.owner_subject !== caller.subject) throw new DomainError('NOT_FOUND', 'Không tìm thấy câu truy vấn đã lưu của bạn.', { field: 'id' });
    await trx.updateTable('saved_query').set({ deleted_at: new Date() }).where('id', '=', id).execute();
    await writeAudit(trx, caller, [{ operation: 'deleteSavedQuery', entityType: 'SavedQuery', entityId: id, before: audited(before), after: null }]);
    return true;
  });
}
