import { z } from 'zod';
import { enumValues, formatDate, todayInVietnam } from '@dangvien/ui';
import { vi } from './messages.ts';

// The rules services/organization enforces (delegation/delegation.ts), checked before anything is sent;
// the server still decides (dates against the units' history, members placed in the unit).

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const ROLES = enumValues(vi.role);
export const RESULTS = enumValues(vi.result);
export const GRADES = enumValues(vi.grade);
/** The area box's value for "a named area that is not a unit". */
export const OTHER_AREA = 'OTHER';

const date = z.string().regex(ISO_DATE, vi.invalid.date);
const decisionNumber = z.string().trim().min(1, vi.invalid.decision).max(100, vi.invalid.decisionLong);
const longText = z.string().trim().max(2000, vi.invalid.textLong);

export const createDelegationSchema = z
  .object({
    targetUnitId: z.string().min(1, vi.invalid.target),
    name: z.string().trim().min(1, vi.invalid.name).max(200, vi.invalid.nameLong),
    startsOn: date,
    decisionNumber,
    delegates: z
      .array(
        z.object({
          memberId: z.string().min(1),
          fullName: z.string(),
          role: z.enum(ROLES),
          area: z.string().min(1, vi.invalid.area),
          areaName: z.string().trim().max(200, vi.invalid.nameLong),
        }),
      )
      .min(1, vi.invalid.noDelegates),
  })
  .superRefine((value, context) => {
    if (value.delegates.length > 0 && value.delegates.filter((delegate) => delegate.role === 'LEADER').length !== 1) {
      context.addIssue({ code: 'custom', path: ['delegates'], message: vi.invalid.oneLeader });
    }
    const seen = new Set<string>();
    value.delegates.forEach((delegate, index) => {
      if (delegate.area === OTHER_AREA && delegate.areaName === '') context.addIssue({ code: 'custom', path: ['delegates', index, 'areaName'], message: vi.invalid.areaName });
      if (delegate.area !== OTHER_AREA && delegate.area !== '') {
        if (seen.has(delegate.area)) context.addIssue({ code: 'custom', path: ['delegates', index, 'area'], message: vi.invalid.sameArea });
        seen.add(delegate.area);
      }
    });
  });
export type CreateDelegationForm = z.infer<typeof createDelegationSchema>;

export const workItemSchema = z.object({
  title: z.string().trim().min(1, vi.invalid.title).max(500, vi.invalid.titleLong),
  registeredOn: date,
});
export type WorkItemForm = z.infer<typeof workItemSchema>;

export const resultSchema = z.object({
  result: z.union([z.literal(''), z.enum(RESULTS)]).refine((value): boolean => value !== '', vi.invalid.result),
  note: longText,
  recordedOn: date,
});
export type ResultForm = z.infer<typeof resultSchema>;

export const ratingSchema = z.object({
  grade: z.union([z.literal(''), z.enum(GRADES)]).refine((value): boolean => value !== '', vi.invalid.grade),
  comment: longText,
  // As the server: a rating records a decision already taken, so not after today (read when the form is checked).
  ratedOn: date.superRefine((value, context) => {
    if (value > todayInVietnam()) context.addIssue({ code: 'custom', message: vi.invalid.ratedOnFuture.replace('{{date}}', formatDate(value)) });
  }),
  decisionNumber,
});
export type RatingForm = z.infer<typeof ratingSchema>;

export const endSchema = z.object({ endsOn: date, decisionNumber });
export type EndForm = z.infer<typeof endSchema>;

export { todayInVietnam };
