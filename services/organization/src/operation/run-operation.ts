import { randomUUID } from 'node:crypto';
import type { Caller, MutationName } from '@dangvien/auth';
import { failpoint, publish, type NewEvent } from '@dangvien/events';
import type { Kysely, Transaction } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';
import { lockTree } from '../org-unit/org-unit.repository.ts';
import { insertOperation } from './operation.repository.ts';
import type { OperationRow } from './operation.tables.ts';

/** An operation being built inside its transaction: what its steps did so far. */
export interface OperationDraft {
  id: string;
  mutation: MutationName;
  effectiveDate: string;
  decisionNumber: string;
  /** One per subgraph that must act and per unit that ends (or per new unit of a split). */
  parts: { part: string; unitId: string }[];
  /** The events that end units: published last, so that an applied end proves every earlier event of the operation applied. */
  endEvents: NewEvent[];
  /** Units the operation changed on its date: a later step may change them again that day. */
  changedToday: Set<string>;
}

/**
 * Runs the steps of one operation (a dissolution, a merger, a plan) in one transaction with the tree
 * locked, then records the operation with its parts and publishes the end events after every other
 * event of the operation. All or nothing: a step that throws rolls everything back.
 */
export async function runOperation(
  db: Kysely<OrganizationDatabase>,
  caller: Caller,
  header: { kind: string; mutation: MutationName; effectiveDate: string; decisionNumber: string },
  steps: (trx: Transaction<OrganizationDatabase>, draft: OperationDraft) => Promise<{ subjectId: string }>,
): Promise<OperationRow> {
  const operation = await db.transaction().execute(async (trx) => {
    await lockTree(trx);
    const draft: OperationDraft = { id: randomUUID(), ...header, parts: [], endEvents: [], changedToday: new Set() };
    const { subjectId } = await steps(trx, draft);
    const created = await insertOperation(trx, { id: draft.id, kind: header.kind, subjectId, requestedBy: caller.subject, parts: draft.parts });
    if (draft.endEvents.length > 0) await publish(trx, draft.endEvents);
    failpoint('dissolve:before-commit');
    return created;
  });
  failpoint('dissolve:after-commit');
  return operation;
}
