import type { Selectable } from 'kysely';
import type { DuesPayment, DuesRule, MemberDuesBasis } from '../generated/tables.ts';

export type DuesRuleRow = Selectable<DuesRule>;
export type DuesBasisRow = Selectable<MemberDuesBasis>;
export type DuesPaymentRow = Selectable<DuesPayment>;
