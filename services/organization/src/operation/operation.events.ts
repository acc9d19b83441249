import type { EventHandler } from '@dangvien/events';
import type { OrganizationDatabase } from '../database.ts';
import { applyMemberPlaced, applyMembersMoved } from '../member-replica/member-replica.repository.ts';
import { completePart } from './operation.repository.ts';

/**
 * Parts of operations reported done by the other subgraphs (their events carry the operation id and
 * the unit of the part: `partUnitId` when a split sends one unit's members to several, else the unit
 * the members left). Membership's placements also feed organization's copy of them.
 */
export const membershipEventHandlers: Record<string, EventHandler<OrganizationDatabase>> = {
  MemberPlaced: async (trx, event) => {
    await applyMemberPlaced(trx, event.payload as { memberId: string; cellId: string | null; status: string });
  },
  MembersMoved: async (trx, event) => {
    const payload = event.payload as {
      operationId?: string;
      fromUnitId: string;
      toUnitId: string;
      partUnitId?: string;
      memberIds: string[];
      destinations?: { toUnitId: string; memberIds: string[] }[];
    };
    // Members named for other cells than toUnitId (a dissolution with destinations) travel in the same event.
    const groups = [{ toUnitId: payload.toUnitId, memberIds: payload.memberIds }, ...(payload.destinations ?? [])];
    for (const group of groups) await applyMembersMoved(trx, group);
    const moved = groups.reduce((sum, group) => sum + group.memberIds.length, 0);
    if (payload.operationId) await completePart(trx, payload.operationId, 'membership', payload.partUnitId ?? payload.fromUnitId, { moved });
  },
};

export const evaluationEventHandlers: Record<string, EventHandler<OrganizationDatabase>> = {
  PlacementsUpdated: async (trx, event) => {
    const payload = event.payload as { operationId?: string; fromUnitId: string; partUnitId?: string; count: number };
    if (payload.operationId) await completePart(trx, payload.operationId, 'evaluation', payload.partUnitId ?? payload.fromUnitId, { updated: payload.count });
  },
};
