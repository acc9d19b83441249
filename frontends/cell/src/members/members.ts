import { compareVietnameseNames } from '@dangvien/ui';
import type { ListedTransfer, MemberList, RosterMember } from './queries.ts';

/**
 * What the list says about someone (a badge each) and filters by. Not the API's MemberStatus: it
 * adds where the person does party activity (temporarily here or away, Regulation 213).
 */
export const MEMBER_TAGS = ['probationary', 'official', 'exempt', 'working213', 'temporaryHere', 'temporaryAway', 'other'] as const;
export type MemberTag = (typeof MEMBER_TAGS)[number];

export interface ListedMember {
  /** Unique in the list (a person can be linked by residence and be on the roster). */
  key: string;
  /** The member page's id; null when the member is outside the secretary's scope (seen by name only). */
  memberId: string | null;
  fullName: string;
  tags: MemberTag[];
  /** YYYY-MM-DD */
  dateOfBirth: string | null;
  latestReview: RosterMember['latestReview'];
  /** Where a working member works, or where a member away does party activity. */
  elsewhere: string | null;
}

function statusTag(status: RosterMember['status']): MemberTag {
  if (status === 'PROBATIONARY') return 'probationary';
  if (status === 'OFFICIAL') return 'official';
  if (status === 'EXEMPT') return 'exempt';
  return 'other';
}

/** A temporary transfer out of this cell that has started and not ended: the member is away. */
export function isAwayFrom(transfer: ListedTransfer, cellId: string): boolean {
  return (
    transfer.kind === 'TEMPORARY' &&
    transfer.fromCell?.id === cellId &&
    transfer.returnedOn == null &&
    (transfer.presentedOn != null || transfer.direction === 'OUT')
  );
}

/**
 * Everyone the secretary looks after: the roster (a badge for its status, another for a temporary
 * placement here), the working members living here (Regulation 213) and the members away on a
 * temporary transfer, in Vietnamese name order.
 */
export function listMembers(data: MemberList, cellId: string): ListedMember[] {
  const unit = data.orgUnit;
  const temporaryHere = new Set((unit?.temporaryHere ?? []).map((member) => member.id));
  const listed = new Map<string, ListedMember>();
  for (const member of unit?.members ?? []) {
    const tags: MemberTag[] = [statusTag(member.status)];
    if (temporaryHere.has(member.id)) tags.push('temporaryHere');
    listed.set(member.id, { key: member.id, memberId: member.id, fullName: member.fullName, tags, dateOfBirth: member.dateOfBirth ?? null, latestReview: member.latestReview ?? null, elsewhere: null });
  }
  const addOutside = (key: string, memberId: string | null, fullName: string, tag: MemberTag, elsewhere: string | null) => {
    const known = memberId ? listed.get(memberId) : undefined;
    if (known) {
      if (!known.tags.includes(tag)) known.tags.push(tag);
      known.elsewhere ??= elsewhere;
      return;
    }
    listed.set(memberId ?? key, { key, memberId, fullName, tags: [tag], dateOfBirth: null, latestReview: null, elsewhere });
  };
  for (const link of unit?.residentWorkingMembers ?? []) {
    addOutside(`r${link.id}`, link.member?.id ?? null, link.memberName, 'working213', link.workplaceCell?.name ?? null);
  }
  for (const transfer of data.memberTransfers) {
    if (!isAwayFrom(transfer, cellId)) continue;
    addOutside(`t${transfer.id}`, transfer.member?.id ?? null, transfer.memberName, 'temporaryAway', transfer.toCell?.name ?? transfer.externalOrganization ?? null);
  }
  return [...listed.values()].sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
}

/** How many people carry each tag (the filter buttons' counts). */
export function countTags(members: readonly ListedMember[]): Record<MemberTag, number> {
  const counts = Object.fromEntries(MEMBER_TAGS.map((tag) => [tag, 0])) as Record<MemberTag, number>;
  for (const member of members) for (const tag of member.tags) counts[tag] += 1;
  return counts;
}

export function withTag(members: readonly ListedMember[], tag: MemberTag | 'all'): ListedMember[] {
  return tag === 'all' ? [...members] : members.filter((member) => member.tags.includes(tag));
}

/** Sort key that puts the given name first, so a plain text sort orders names the Vietnamese way. */
export function nameSortKey(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  const given = words.pop() ?? '';
  return [given, ...words].join(' ');
}


/** The twelve months ending with `month` (YYYY-MM): { fromMonth, toMonth } for Member.dues. */
export function lastTwelveMonths(month: string): { fromMonth: string; toMonth: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) - 11;
  const fromMonth = `${String(Math.floor(index / 12))}-${String((index % 12) + 1).padStart(2, '0')}`;
  return { fromMonth, toMonth: month };
}
