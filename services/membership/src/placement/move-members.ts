import { publish } from '@dangvien/events';
import { writeAudit } from '@dangvien/server';
import type { Transaction } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import { GONE } from '../member/record-scope.ts';
import { MEMBER_EVENTS, type MembersMoved } from './placement.events.ts';

export interface MoveMembersInput {
  fromUnitId: string;
  toUnitId: string;
  effectiveDate: string;
  operationId: string;
  actor: { subject: string; name: string };
  /** Only these members (those of them still active in the unit); all active members when absent. */
  onlyMemberIds?: readonly string[];
  /** The unit of the operation part this move completes, when not `fromUnitId` (a split: the new unit). */
  partUnitId?: string;
}

/**
 * Moves every active member of a unit to another on a date, in the caller's transaction: closes their
 * placements, opens new ones tagged with the operation (a unique key refuses a second time), audits,
 * and publishes MembersMoved so evaluation and the operation's owner learn of it.
 */
export async function moveActiveMembers(trx: Transaction<MembershipDatabase>, input: MoveMembersInput): Promise<string[]> {
  const { partUnitId, ...moveInput } = input;
  const ids = await moveMembers(trx, input);
  return publishMoved(trx, moveInput, partUnitId, ids);
}

/**
 * A dissolution with destinations: the named members (those still active in the unit) go to their
 * cells, then the rest to the successor, all as one move with one MembersMoved (its `destinations`
 * list the named ones), so the operation's part completes once, with the whole count.
 */
export async function moveMembersToDestinations(
  trx: Transaction<MembershipDatabase>,
  input: Omit<MoveMembersInput, 'onlyMemberIds' | 'partUnitId'>,
  destinations: readonly { unitId: string; memberIds: string[] }[],
): Promise<void> {
  const sent: { toUnitId: string; memberIds: string[] }[] = [];
  for (const destination of destinations) {
    const ids = await moveMembers(trx, { ...input, toUnitId: destination.unitId, onlyMemberIds: destination.memberIds });
    if (ids.length > 0) sent.push({ toUnitId: destination.unitId, memberIds: ids });
  }
  const rest = await moveMembers(trx, input);
  await publishMoved(trx, input, undefined, rest, sent);
}

/** The move itself, without its event: placements closed and opened, `member.cell_id`, audit. Returns the ids moved, sorted. */
async function moveMembers(trx: Transaction<MembershipDatabase>, input: MoveMembersInput): Promise<string[]> {
  const { onlyMemberIds } = input;
  if (onlyMemberIds?.length === 0) return [];
  let query = trx.selectFrom('member').select(['id', 'cell_id']).where('cell_id', '=', input.fromUnitId).where('status', 'not in', GONE);
  if (onlyMemberIds) query = query.where('id', 'in', [...onlyMemberIds]);
  const members = await query.forUpdate().execute();
  const ids = members.map((member) => member.id).sort();
  if (ids.length > 0) {
    await trx.updateTable('member').set({ cell_id: input.toUnitId }).where('id', 'in', ids).execute();
    await trx.updateTable('member_placement').set({ valid_to: input.effectiveDate }).where('member_id', 'in', ids).where('valid_to', 'is', null).execute();
    await trx
      .insertInto('member_placement')
      .values(ids.map((id) => ({ member_id: id, cell_id: input.toUnitId, valid_from: input.effectiveDate, valid_to: null, operation_id: input.operationId })))
      .execute();
    await writeAudit(
      trx,
      { ...input.actor, grants: [] },
      ids.map((id) => ({
        operation: 'moveMember',
        entityType: 'Member',
        entityId: id,
        before: { cellId: input.fromUnitId },
        after: { cellId: input.toUnitId, validFrom: input.effectiveDate, operationId: input.operationId },
      })),
    );
  }
  return ids;
}

async function publishMoved(
  trx: Transaction<MembershipDatabase>,
  input: Omit<MoveMembersInput, 'partUnitId'>,
  partUnitId: string | undefined,
  ids: string[],
  destinations: { toUnitId: string; memberIds: string[] }[] = [],
): Promise<string[]> {
  const moved: MembersMoved = { operationId: input.operationId, fromUnitId: input.fromUnitId, toUnitId: input.toUnitId, effectiveDate: input.effectiveDate, memberIds: ids };
  if (partUnitId) moved.partUnitId = partUnitId;
  if (destinations.length > 0) moved.destinations = destinations;
  await publish(trx, [{ type: MEMBER_EVENTS.moved, aggregateId: input.fromUnitId, payload: { ...moved } }]);
  return ids;
}
