import type { MemberStatus } from '../generated/graphql.ts';
import type { MemberRow } from '../member/member.tables.ts';

/** What to look for, checked: every criterion given must hold. */
export interface MemberSearch {
  /** Folded (no case, no diacritics): any part of the name. */
  foldedName: string | null;
  /** Only inside `citizenScopes`, the subtrees where the caller may read CCCDs. */
  citizenId: string | null;
  citizenScopes: readonly string[];
  /** Current or earlier card number. */
  cardNumber: string | null;
  status: MemberStatus | null;
  /** Members who left too (died, expelled, names removed, transferred out), by the rule of `leaverReadable`. */
  includeLeft: boolean;
  readableScopes: readonly string[];
  /** The last member of the previous page (the cursor), resolved. */
  after: Pick<MemberRow, 'given_name' | 'full_name' | 'id'> | null;
  first: number;
}
