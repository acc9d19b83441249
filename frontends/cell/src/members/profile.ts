import { z } from 'zod';
import { enumValues } from '@dangvien/ui';
import type { MemberProfileInput } from '../generated/graphql.ts';
import { vi } from './messages.ts';
import type { MemberRecord } from './queries.ts';

export const SEXES = enumValues(vi.sex);
export const THEORY_LEVELS = enumValues(vi.theory);

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const text = (max: number) => z.string().trim().max(max, vi.invalid.tooLong.replace('{{max}}', String(max)));

/**
 * The record form, with the rules updateMemberProfile enforces (member-profile.ts): a name, a
 * 12-digit CCCD, a plausible phone number, a date of birth neither in the future nor before 1900,
 * and the same maximum lengths. An empty box is "not recorded".
 */
export function profileSchema(today: string) {
  return z.object({
    fullName: text(200).min(1, vi.invalid.fullName),
    birthName: text(200),
    sex: z.enum(['', ...SEXES]),
    dateOfBirth: z
      .string()
      .trim()
      .refine((date) => date === '' || (ISO_DATE.test(date) && date <= today && date >= '1900-01-01'), vi.invalid.dateOfBirth),
    ethnicity: text(100),
    religion: text(100),
    citizenId: z
      .string()
      .transform((id) => id.replace(/\s/g, ''))
      .refine((id) => id === '' || /^[0-9]{12}$/.test(id), vi.invalid.citizenId),
    hometown: text(300),
    residence: text(300),
    phone: text(20).refine((phone) => phone === '' || /^\+?[0-9 .-]{8,20}$/.test(phone), vi.invalid.phone),
    educationLevel: text(100),
    professionalQualification: text(200),
    politicalTheoryLevel: z.enum(['', ...THEORY_LEVELS]),
    occupation: text(200),
    workplace: text(300),
    partyCardNumber: text(50),
    profileNumber: text(50),
  });
}

export type ProfileForm = z.infer<ReturnType<typeof profileSchema>>;
export type ProfileField = keyof ProfileForm;
export const PROFILE_FIELDS = Object.keys(profileSchema('2000-01-01').shape) as ProfileField[];

/** The form's values from the record: what is not recorded (or not readable by this role) is an empty box. */
export function profileDefaults(member: MemberRecord): ProfileForm {
  return Object.fromEntries(PROFILE_FIELDS.map((field) => [field, member[field] ?? ''])) as ProfileForm;
}

/**
 * What to send: only the boxes the secretary changed (a sensitive field her role cannot read comes
 * as an empty box and must not be cleared by saving), an emptied box as null.
 */
export function profileInput(values: ProfileForm, changed: Partial<Record<ProfileField, unknown>>): MemberProfileInput {
  const input: Record<string, string | null> = {};
  for (const field of PROFILE_FIELDS) {
    if (!changed[field]) continue;
    const value = values[field];
    input[field] = value === '' && field !== 'fullName' ? null : value;
  }
  return input as MemberProfileInput;
}
