import type { EventHandler } from '@dangvien/events';
import { endUnit, orgReplicaHandlers, type OrgUnitDissolved } from '@dangvien/org-replica';
import type { MembershipDatabase } from '../database.ts';
import { moveActiveMembers } from './move-members.ts';

/** What membership does with the organization subgraph's events: keep its tree copy, and move members out of dissolved units. */
export const organizationEventHandlers: Record<string, EventHandler<MembershipDatabase>> = {
  ...orgReplicaHandlers<MembershipDatabase>(),
  OrgUnitDissolved: async (trx, event) => {
    const dissolved = event.payload as unknown as OrgUnitDissolved;
    await endUnit(trx, dissolved.id, dissolved.effectiveDate);
    await moveActiveMembers(trx, {
      fromUnitId: dissolved.id,
      toUnitId: dissolved.successorId,
      effectiveDate: dissolved.effectiveDate,
      operationId: dissolved.operationId,
      actor: dissolved.actor,
    });
  },
};
