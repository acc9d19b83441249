// Which list a letter belongs to and what is still to do about it, from the committee's side.
import type { PlacementKind, TransferReason } from '../generated/graphql.ts';
import { addMonths } from '../members/lifecycle.ts';
import type { WardTransfer } from './queries.ts';

export const OFFICIAL_REASONS: readonly TransferReason[] = ['JOB_CHANGE', 'RETIREMENT', 'PERMANENT_MOVE'];
/** Temporary stays: work or residence elsewhere 3 to 12 months, study 3 to 24 months (the server's rule). */
export const TEMPORARY_MONTHS: Partial<Record<TransferReason, { min: number; max: number }>> = {
  WORK: { min: 3, max: 12 },
  RESIDENCE: { min: 3, max: 12 },
  STUDY: { min: 3, max: 24 },
};

export const reasonsFor = (kind: PlacementKind): TransferReason[] =>
  kind === 'OFFICIAL' ? [...OFFICIAL_REASONS] : (Object.keys(TEMPORARY_MONTHS) as TransferReason[]);

/** The first and last allowed end of a temporary stay that starts on `from`. */
export function temporaryRange(reason: TransferReason, from: string): { min: number; max: number; from: string; to: string } | null {
  const limits = TEMPORARY_MONTHS[reason];
  return limits ? { ...limits, from: addMonths(from, limits.min), to: addMonths(from, limits.max) } : null;
}

/** A letter not presented by its due date (30 days after issue); a member who arrived from outside presented it already. */
export const isOverdue = (transfer: WardTransfer, today: string): boolean => !transfer.presentedOn && transfer.reportDueOn < today;

/** A temporary stay that has begun and not ended (a letter within the system begins when presented). */
export const isTemporaryOngoing = (transfer: WardTransfer): boolean =>
  transfer.kind === 'TEMPORARY' && !transfer.returnedOn && (transfer.direction !== 'WITHIN' || Boolean(transfer.presentedOn));

export interface TransferLists {
  outgoing: WardTransfer[];
  incoming: WardTransfer[];
  temporary: WardTransfer[];
}

/** Out: letters from the committee's cells; in: letters to them (or from outside the system); a move between two of its cells is in both. */
export function splitTransfers(transfers: readonly WardTransfer[], wardCellIds: ReadonlySet<string>): TransferLists {
  const inWard = (cell: { id: string } | null | undefined) => Boolean(cell && wardCellIds.has(cell.id));
  return {
    outgoing: transfers.filter((transfer) => transfer.direction !== 'IN' && inWard(transfer.fromCell)),
    incoming: transfers.filter((transfer) => transfer.direction === 'IN' || (transfer.direction === 'WITHIN' && inWard(transfer.toCell))),
    temporary: transfers.filter(isTemporaryOngoing),
  };
}

/**
 * Whether the committee records the presentation: within the system the receiving side does (the
 * member moves that day); for a member who left the system, the sending side records the confirmation.
 */
export function canRecordPresented(transfer: WardTransfer, wardCellIds: ReadonlySet<string>): boolean {
  if (transfer.presentedOn || transfer.direction === 'IN') return false;
  const side = transfer.direction === 'WITHIN' ? transfer.toCell : transfer.fromCell;
  return Boolean(side && wardCellIds.has(side.id));
}

/** The day a temporary stay began, after which the member may return. */
export const temporaryStart = (transfer: WardTransfer): string => transfer.presentedOn ?? transfer.letterIssuedOn;
