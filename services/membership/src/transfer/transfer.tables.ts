import type { Selectable } from 'kysely';
import type { MemberInspection, MemberTransfer } from '../generated/tables.ts';

export type TransferRow = Selectable<MemberTransfer>;
export type InspectionRow = Selectable<MemberInspection>;
