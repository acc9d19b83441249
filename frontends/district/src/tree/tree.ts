import { compareVietnameseText } from '@dangvien/ui';
import type { OrgUnitKind } from '../generated/graphql.ts';

/** The schema's kinds top-down; typed by the generated enum, so a new kind must be placed here. */
const KIND_ORDER: Record<OrgUnitKind, number> = {
  PROVINCE: 0,
  DISTRICT: 1,
  GRASSROOTS_COMMITTEE: 2,
  GRASSROOTS_CELL: 3,
  CELL: 4,
  PARTY_GROUP: 5,
};

/** Units per kind in the schema's top-down order (the server counts the subtree in one field). */
export function sortCounts<T extends { kind: OrgUnitKind }>(counts: readonly T[]): T[] {
  return [...counts].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

/**
 * Siblings as a clerk reads them: committees before cells, then by name with numbers compared as
 * numbers ("Chi bộ 2" before "Chi bộ 10"), in the Vietnamese alphabet.
 */
export function sortUnits<T extends { kind: OrgUnitKind; name: string }>(units: readonly T[]): T[] {
  return [...units].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareVietnameseText(a.name, b.name));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A YYYY-MM-DD day moved by some days, on the calendar (no time zone involved). */
export function addDays(day: string, days: number): string {
  const date = new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000);
  return `${String(date.getUTCFullYear())}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

