import type { EventHandler } from '@dangvien/events';
import type { OrganizationDatabase } from '../database.ts';
import { completePart } from './operation.repository.ts';

/** Parts of operations reported done by the other subgraphs (their events carry the operation id). */
export const membershipEventHandlers: Record<string, EventHandler<OrganizationDatabase>> = {
  MembersMoved: async (trx, event) => {
    const payload = event.payload as { operationId?: string; fromUnitId: string; memberIds: string[] };
    if (payload.operationId) await completePart(trx, payload.operationId, 'membership', payload.fromUnitId, { moved: payload.memberIds.length });
  },
};

export const evaluationEventHandlers: Record<string, EventHandler<OrganizationDatabase>> = {
  PlacementsUpdated: async (trx, event) => {
    const payload = event.payload as { operationId?: string; fromUnitId: string; count: number };
    if (payload.operationId) await completePart(trx, payload.operationId, 'evaluation', payload.fromUnitId, { updated: payload.count });
  },
};
