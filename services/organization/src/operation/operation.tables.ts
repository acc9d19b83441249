import type { Selectable } from 'kysely';
import type { Operation, OperationPart } from '../generated/tables.ts';

export type OperationRow = Selectable<Operation>;
export type OperationPartRow = Selectable<OperationPart>;
