import { randomUUID } from 'node:crypto';
import { MUTATION_ROLES, scopesWithRole, type Caller } from '@dangvien/auth';
import { failpoint, publish } from '@dangvien/events';
import { ORG_EVENTS, type OrgUnitDissolved } from '@dangvien/org-replica';
import { DomainError, requireDate, requireId, requireText, writeAudit } from '@dangvien/server';
import { sql, type Kysely } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';
import { insertOperation, type OperationRow } from '../operation/operation.repository.ts';
import { ancestorIds, type OrgUnitRow } from '../org-unit/org-unit.repository.ts';

export interface DissolveOrgUnitInput {
  id: string;
  successorId: string;
  effectiveDate: string;
  decisionNumber: string;
}

/** The subgraphs whose work completes a dissolution. */
export const DISSOLUTION_PARTS = ['membership', 'evaluation'] as const;

const notFound = (): DomainError => new DomainError('NOT_FOUND', 'Không tìm thấy đơn vị.');

/**
 * Ends a unit on a date and sends its active members to a successor. Atomic here (the unit, the
 * pending operation, the event and the audit record commit together); membership moves the members
 * and evaluation its copy when they receive the event, each exactly once.
 */
export async function dissolveOrgUnit(db: Kysely<OrganizationDatabase>, caller: Caller, input: DissolveOrgUnitInput): Promise<OperationRow> {
  const id = requireId(input.id, 'id');
  const successorId = requireId(input.successorId, 'successorId');
  const effectiveDate = requireDate(input.effectiveDate, 'effectiveDate');
  const decisionNumber = requireText(input.decisionNumber, 'decisionNumber', 'số quyết định', 100);
  if (id === successorId) throw new DomainError('BAD_USER_INPUT', 'Đơn vị tiếp nhận phải khác đơn vị giải thể.', { field: 'successorId' });

  const operation = await db.transaction().execute(async (trx) => {
    const unit = await sql<OrgUnitRow>`SELECT * FROM org_unit WHERE id = ${id} FOR UPDATE`.execute(trx).then((result) => result.rows[0]);
    const scopes = scopesWithRole(caller, MUTATION_ROLES.dissolveOrgUnit);
    if (!unit || !(await ancestorIds(trx, id)).some((ancestor) => scopes.includes(ancestor))) {
      // Out of scope looks exactly like missing: nothing is revealed.
      const readable = unit && (await ancestorIds(trx, id)).some((ancestor) => caller.grants.some((grant) => grant.scopeUnitId === ancestor));
      if (readable) throw new DomainError('FORBIDDEN', 'Vai trò của bạn không được giải thể đơn vị này.');
      throw notFound();
    }
    if (unit.ended_on) throw new DomainError('CONFLICT', `Đơn vị đã giải thể từ ngày ${unit.ended_on}.`, { field: 'id' });
    if (unit.established_on && effectiveDate < unit.established_on) {
      throw new DomainError('BAD_USER_INPUT', `Ngày hiệu lực trước ngày thành lập đơn vị (${unit.established_on}).`, { field: 'effectiveDate' });
    }
    const successor = await trx.selectFrom('org_unit').selectAll().where('id', '=', successorId).executeTakeFirst();
    const successorAncestors = successor ? await ancestorIds(trx, successorId) : [];
    if (!successor || !successorAncestors.some((ancestor) => scopes.includes(ancestor))) {
      throw new DomainError('NOT_FOUND', 'Không tìm thấy đơn vị tiếp nhận.', { field: 'successorId' });
    }
    if (successor.ended_on) throw new DomainError('CONFLICT', 'Đơn vị tiếp nhận đã giải thể.', { field: 'successorId' });
    if (successorAncestors.includes(id)) throw new DomainError('BAD_USER_INPUT', 'Đơn vị tiếp nhận nằm trong đơn vị giải thể.', { field: 'successorId' });
    const liveChildren = await trx.selectFrom('org_unit').select('name').where('parent_id', '=', id).where('ended_on', 'is', null).execute();
    if (liveChildren.length > 0) {
      throw new DomainError('CONFLICT', `Đơn vị còn ${liveChildren.length} đơn vị trực thuộc (${liveChildren.map((child) => child.name).join(', ')}): giải thể hoặc chuyển chúng trước.`, {
        field: 'id',
      });
    }

    await trx.updateTable('org_unit').set({ ended_on: effectiveDate, successor_id: successorId, end_decision: decisionNumber }).where('id', '=', id).execute();
    const created = await insertOperation(trx, { id: randomUUID(), kind: 'DISSOLVE_ORG_UNIT', subjectId: id, requestedBy: caller.subject, parts: DISSOLUTION_PARTS });
    const event: OrgUnitDissolved = { id, successorId, effectiveDate, decisionNumber, operationId: created.id, actor: { subject: caller.subject, name: caller.name } };
    await publish(trx, [{ type: ORG_EVENTS.dissolved, aggregateId: id, payload: { ...event } }]);
    await writeAudit(trx, caller, [
      {
        operation: 'dissolveOrgUnit',
        entityType: 'OrgUnit',
        entityId: id,
        before: { endedOn: unit.ended_on, successorId: unit.successor_id },
        after: { endedOn: effectiveDate, successorId, decisionNumber, operationId: created.id },
      },
    ]);
    failpoint('dissolve:before-commit');
    return created;
  });
  failpoint('dissolve:after-commit');
  return operation;
}
