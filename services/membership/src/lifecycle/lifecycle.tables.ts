import type { Selectable } from 'kysely';
import type { MemberEvent } from '../generated/tables.ts';

export type MemberEventRow = Selectable<MemberEvent>;
