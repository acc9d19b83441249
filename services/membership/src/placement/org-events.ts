import type { EventHandler } from '@dangvien/events';
import { endUnit, orgReplicaHandlers, type OrgUnitDissolved, type OrgUnitSplit } from '@dangvien/org-replica';
import type { MembershipDatabase } from '../database.ts';
import { moveActiveMembers, moveMembersToDestinations } from './move-members.ts';
import { recordSuccessors } from './successors.ts';

/** What membership does with the organization subgraph's events: keep its tree copy, and move members out of dissolved and split units. */
export const organizationEventHandlers: Record<string, EventHandler<MembershipDatabase>> = {
  ...orgReplicaHandlers<MembershipDatabase>(),
  OrgUnitDissolved: async (trx, event) => {
    const dissolved = event.payload as unknown as OrgUnitDissolved;
    await endUnit(trx, dissolved.id, dissolved.effectiveDate);
    // Every unit that received its members took over from it (the records of those who had left stay readable there).
    await recordSuccessors(trx, dissolved.id, [dissolved.successorId, ...(dissolved.destinations ?? []).map((destination) => destination.unitId)], dissolved.effectiveDate);
    const move = { fromUnitId: dissolved.id, toUnitId: dissolved.successorId, effectiveDate: dissolved.effectiveDate, operationId: dissolved.operationId, actor: dissolved.actor };
    // Named members to their cells (those still active in the unit), the rest to the successor: one MembersMoved either way.
    if (dissolved.destinations?.length) await moveMembersToDestinations(trx, move, dissolved.destinations);
    else await moveActiveMembers(trx, move);
  },
  OrgUnitSplit: async (trx, event) => {
    const split = event.payload as unknown as OrgUnitSplit;
    await endUnit(trx, split.id, split.effectiveDate);
    await recordSuccessors(trx, split.id, split.parts.map((part) => part.unitId), split.effectiveDate);
    const common = { fromUnitId: split.id, effectiveDate: split.effectiveDate, operationId: split.operationId, actor: split.actor };
    // Named members first (those still active in the unit: a member who left since is not moved), then the rest to the default part.
    for (const part of split.parts.filter((candidate) => candidate.unitId !== split.remainingMembersTo)) {
      await moveActiveMembers(trx, { ...common, toUnitId: part.unitId, onlyMemberIds: part.memberIds, partUnitId: part.unitId });
    }
    await moveActiveMembers(trx, { ...common, toUnitId: split.remainingMembersTo, partUnitId: split.remainingMembersTo });
  },
};
