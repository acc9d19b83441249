import { z } from 'zod';
import type { ReopenReviewCycleInput } from '../generated/graphql.ts';
import { vi } from './messages.ts';

/** Reopening a closed cycle: the reason is required (it goes into the audit record). */
export const reopenSchema = z.object({
  reason: z.string().trim().min(1, vi.reopen.reasonRequired).max(1000, vi.reopen.tooLong),
});

export type ReopenForm = z.infer<typeof reopenSchema>;

export function reopenInput(cycleId: string, values: ReopenForm): ReopenReviewCycleInput {
  return { cycleId, reason: values.reason };
}
