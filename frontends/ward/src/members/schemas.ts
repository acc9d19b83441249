import { z } from 'zod';
import { enumValues } from '@dangvien/ui';
import type { AnnulMemberEventInput, CreateMemberInput, RecordMemberEventInput } from '../generated/graphql.ts';
import { ACTIONS, ADMISSION_AGE, fullYearsBetween, ISO_DATE, type Action } from './lifecycle.ts';
import { vi } from './messages.ts';

export const SEXES = enumValues(vi.sex);
export const DISCIPLINE_LEVELS = enumValues(vi.discipline);

export const text = (max: number) => z.string().trim().max(max, vi.invalid.tooLong.replace('{{max}}', String(max)));

/** A date that has happened (the server refuses dates after its today in Vietnam). */
export const pastDate = (today: string) =>
  z
    .string()
    .trim()
    .refine((date) => ISO_DATE.test(date), vi.invalid.date)
    .refine((date) => !ISO_DATE.test(date) || date <= today, vi.invalid.future);

/** The person's own fields, as admission and receiving a transfer both ask for them. */
export function personFields(today: string) {
  return {
    fullName: text(200).min(1, vi.invalid.fullName),
    dateOfBirth: z
      .string()
      .trim()
      .refine((date) => ISO_DATE.test(date) && date <= today && date >= '1900-01-01', vi.invalid.dateOfBirth),
    sex: z.enum(['', ...SEXES]),
    citizenId: z
      .string()
      .transform((id) => id.replace(/\s/g, ''))
      .refine((id) => id === '' || /^[0-9]{12}$/.test(id), vi.invalid.citizenId),
    cellId: z.string().min(1, vi.invalid.cellId),
  };
}

/** The Charter's admission age (18 to 60) on the admission date, as an issue on `path`, or none. */
export function admissionAgeIssue(dateOfBirth: string, admittedOn: string, path: string): { code: 'custom'; path: string[]; message: string } | undefined {
  if (!ISO_DATE.test(dateOfBirth) || !ISO_DATE.test(admittedOn)) return undefined;
  const age = fullYearsBetween(dateOfBirth, admittedOn);
  if (age >= ADMISSION_AGE.min && age <= ADMISSION_AGE.max) return undefined;
  return { code: 'custom', path: [path], message: vi.invalid.admissionAge.replace('{{age}}', String(age)).replace('{{date}}', admittedOn) };
}

/**
 * A new person in a cell (createMember): the name, a date of birth (the admission age is checked
 * against it), the cell, and either the admission decision (date, number) or the day the person
 * began to be followed as a candidate. Admission age 18 to 60, as the Charter and the server say.
 */
export function admitSchema(today: string) {
  return z
    .object({
      mode: z.enum(['ADMITTED', 'CANDIDATE']),
      ...personFields(today),
      date: pastDate(today),
      decisionNumber: text(100),
    })
    .superRefine((values, context) => {
      if (values.mode !== 'ADMITTED') return;
      if (values.decisionNumber === '') context.addIssue({ code: 'custom', path: ['decisionNumber'], message: vi.invalid.decisionNumber });
      const age = admissionAgeIssue(values.dateOfBirth, values.date, 'date');
      if (age) context.addIssue(age);
    });
}

export type AdmitForm = z.infer<ReturnType<typeof admitSchema>>;

export function admitInput(values: AdmitForm): CreateMemberInput {
  const admitted = values.mode === 'ADMITTED';
  return {
    profile: {
      fullName: values.fullName,
      dateOfBirth: values.dateOfBirth,
      ...(values.sex ? { sex: values.sex } : {}),
      ...(values.citizenId ? { citizenId: values.citizenId } : {}),
    },
    cellId: values.cellId,
    ...(admitted ? { admittedOn: values.date, admissionDecisionNumber: values.decisionNumber } : { candidateSince: values.date }),
  };
}

/**
 * One decision about a member (recordMemberEvent): its date (not in the future), its number (every
 * decision but a death has one), the form of discipline for a discipline. Whether the decision fits
 * the member's history (12 months of probation, the status it needs) is the server's replay to say.
 */
export function eventSchema(today: string) {
  return z
    .object({
      kind: z.enum(ACTIONS),
      occurredOn: pastDate(today),
      decisionNumber: text(100),
      disciplineLevel: z.enum(['', ...DISCIPLINE_LEVELS]),
      reason: text(1000),
    })
    .superRefine((values, context) => {
      if (values.kind !== 'DIED' && values.decisionNumber === '') context.addIssue({ code: 'custom', path: ['decisionNumber'], message: vi.invalid.decisionNumber });
      if (values.kind === 'DISCIPLINE' && values.disciplineLevel === '') context.addIssue({ code: 'custom', path: ['disciplineLevel'], message: vi.invalid.disciplineLevel });
    });
}

export type EventForm = z.infer<ReturnType<typeof eventSchema>>;

export function eventInput(memberId: string, values: EventForm): RecordMemberEventInput {
  const details = {
    ...(values.kind === 'DISCIPLINE' && values.disciplineLevel ? { disciplineLevel: values.disciplineLevel } : {}),
    ...(values.reason ? { reason: values.reason } : {}),
  };
  return {
    memberId,
    kind: values.kind satisfies Action,
    occurredOn: values.occurredOn,
    ...(values.decisionNumber ? { decisionNumber: values.decisionNumber } : {}),
    ...(Object.keys(details).length ? { details } : {}),
  };
}

/** Annulling an event recorded by mistake: the reason is required (it stays in the history and the audit). */
export const annulSchema = z.object({ reason: text(1000).min(1, vi.invalid.annulReason) });

export type AnnulForm = z.infer<typeof annulSchema>;

export function annulInput(eventId: string, values: AnnulForm): AnnulMemberEventInput {
  return { eventId, reason: values.reason };
}
