import { z } from 'zod';
import { enumValues } from '@dangvien/ui';
import type { MemberStatus } from '../generated/graphql.ts';
import { vi } from './messages.ts';

export const STATUSES = enumValues(vi.status);

/** The search box: a name or a card number (the server refuses a search with neither), a status to narrow. */
export const searchSchema = z
  .object({
    name: z.string().trim().max(200, vi.invalid.tooLong.replace('{{max}}', '200')),
    card: z.string().trim().max(50, vi.invalid.tooLong.replace('{{max}}', '50')),
    status: z.enum(['', ...STATUSES]),
    /** 'withLeft': also the members who left (transferred out of the system, left the Party, died), whose records the committee keeps. */
    scope: z.enum(['', 'withLeft']),
  })
  .refine((values) => values.name !== '' || values.card !== '', { path: ['name'], message: vi.search.needCriterion });

export type SearchForm = z.infer<typeof searchSchema>;

/** The searchMembers arguments of what the address holds: blanks left out, an unknown status ignored. */
export function searchCriteria(values: SearchForm): { name?: string; partyCardNumber?: string; status?: MemberStatus; includeLeft?: boolean } {
  const name = values.name.trim();
  const card = values.card.trim();
  const status = STATUSES.find((known) => known === values.status);
  return { ...(name ? { name } : {}), ...(card ? { partyCardNumber: card } : {}), ...(status ? { status } : {}), ...(values.scope === 'withLeft' ? { includeLeft: true } : {}) };
}
