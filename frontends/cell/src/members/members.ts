import { compareVietnameseNames, matchesSearch } from '@dangvien/ui';
import type { CellMember } from './queries.ts';

/** Members whose name matches the search (diacritics optional), in Vietnamese name order. */
export function visibleMembers(members: readonly CellMember[], search: string): CellMember[] {
  return members
    .filter((member) => matchesSearch(member.fullName, search))
    .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
}
