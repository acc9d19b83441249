import { compareVietnameseNames } from '@dangvien/ui';
import type { ResidentMember } from './queries.ts';

/** The year's comment on a working member, if the cell has written it. */
export function commentOfYear(member: Pick<ResidentMember, 'comments'>, year: number): ResidentMember['comments'][number] | undefined {
  return member.comments.find((comment) => comment.year === year);
}

/** Those still waiting for this year's comment first, then by given name. */
export function sortForComment<M extends Pick<ResidentMember, 'comments' | 'memberName'>>(members: readonly M[], year: number): M[] {
  const waiting = (member: M) => (commentOfYear(member, year) ? 1 : 0);
  return [...members].sort((a, b) => waiting(a) - waiting(b) || compareVietnameseNames(a.memberName, b.memberName));
}
