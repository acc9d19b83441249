import { z } from 'zod';
import { enumValues } from '@dangvien/ui';
import type { IssueTransferLetterInput, ReceiveTransferredMemberInput, TransferReason } from '../generated/graphql.ts';
import { ISO_DATE } from '../members/lifecycle.ts';
import { admissionAgeIssue, pastDate, personFields, text } from '../members/schemas.ts';
import { vi } from './messages.ts';
import { OFFICIAL_REASONS, temporaryRange } from './transfers.ts';

export const KINDS = enumValues(vi.kind);
export const REASONS = enumValues(vi.reason);
export { SEXES } from '../members/schemas.ts';
/** The destination box's value for "a party organization outside the system". */
export const OUTSIDE = 'OUTSIDE';

const required = (max: number, message: string) => text(max).min(1, message);
const optionalDate = z.string().trim().refine((date) => date === '' || ISO_DATE.test(date), vi.invalid.date);

type Issue = { code: 'custom'; path: string[]; message: string };

/** The kind, the reason and the temporary stay's end agree (the server's checkKindAndPeriod). */
function kindAndPeriodIssues(values: { kind: string; reason: string; temporaryUntil: string }, from: string): Issue[] {
  const reason = values.reason as TransferReason;
  const issue = (path: string, message: string): Issue => ({ code: 'custom', path: [path], message });
  if (values.kind === 'OFFICIAL') return OFFICIAL_REASONS.includes(reason) ? [] : [issue('reason', vi.invalid.officialReason)];
  const range = ISO_DATE.test(from) ? temporaryRange(reason, from) : null;
  if (!temporaryRange(reason, '2000-01-01')) return [issue('reason', vi.invalid.temporaryReason)];
  if (!ISO_DATE.test(values.temporaryUntil)) return [issue('temporaryUntil', vi.invalid.temporaryUntil)];
  if (range && (values.temporaryUntil < range.from || values.temporaryUntil > range.to)) {
    const message = vi.invalid.temporaryPeriod
      .replace('{{why}}', reason === 'STUDY' ? vi.invalid.temporaryWhyStudy : vi.invalid.temporaryWhyWork)
      .replace('{{min}}', String(range.min))
      .replace('{{max}}', String(range.max))
      .replace('{{from}}', range.from)
      .replace('{{to}}', range.to);
    return [issue('temporaryUntil', message)];
  }
  return [];
}

/** A transfer letter for a member of the committee: to one of its cells or out of the system. */
export function issueSchema(today: string) {
  return z
    .object({
      kind: z.enum(KINDS),
      reason: z.enum(['', ...REASONS]),
      destination: z.string().min(1, vi.invalid.destination),
      externalOrganization: text(300),
      letterNumber: required(100, vi.invalid.letterNumber),
      letterIssuedOn: pastDate(today),
      temporaryUntil: optionalDate,
      note: text(1000),
    })
    .superRefine((values, context) => {
      for (const issue of kindAndPeriodIssues(values, values.letterIssuedOn)) context.addIssue(issue);
      if (values.destination === OUTSIDE && values.externalOrganization === '') {
        context.addIssue({ code: 'custom', path: ['externalOrganization'], message: vi.invalid.externalOrganization });
      }
    });
}

export type IssueForm = z.infer<ReturnType<typeof issueSchema>>;

export function issueInput(memberId: string, values: IssueForm): IssueTransferLetterInput {
  return {
    memberId,
    kind: values.kind,
    reason: values.reason as TransferReason,
    ...(values.destination === OUTSIDE ? { externalOrganization: values.externalOrganization } : { toCellId: values.destination }),
    letterNumber: values.letterNumber,
    letterIssuedOn: values.letterIssuedOn,
    ...(values.kind === 'TEMPORARY' ? { temporaryUntil: values.temporaryUntil } : {}),
    ...(values.note ? { note: values.note } : {}),
  };
}

/**
 * A member arriving from outside the system: the person, the letter (presented after it was issued
 * and after the admission), and the admission and official dates from the member's file.
 */
export function receiveSchema(today: string) {
  return z
    .object({
      ...personFields(today),
      partyCardNumber: text(50),
      kind: z.enum(KINDS),
      reason: z.enum(['', ...REASONS]),
      fromOrganization: required(300, vi.invalid.fromOrganization),
      letterNumber: required(100, vi.invalid.letterNumber),
      letterIssuedOn: pastDate(today),
      presentedOn: pastDate(today),
      temporaryUntil: optionalDate,
      admittedOn: pastDate(today),
      admissionDecisionNumber: text(100),
      officialOn: optionalDate.refine((date) => date === '' || date <= today, vi.invalid.future),
      officialDecisionNumber: text(100),
    })
    .superRefine((values, context) => {
      for (const issue of kindAndPeriodIssues(values, values.letterIssuedOn)) context.addIssue(issue);
      const dated = (date: string) => ISO_DATE.test(date);
      if (dated(values.presentedOn) && dated(values.letterIssuedOn) && values.presentedOn < values.letterIssuedOn) {
        context.addIssue({ code: 'custom', path: ['presentedOn'], message: vi.invalid.presentedBeforeIssue.replace('{{date}}', values.letterIssuedOn) });
      } else if (dated(values.presentedOn) && dated(values.admittedOn) && values.presentedOn < values.admittedOn) {
        context.addIssue({ code: 'custom', path: ['presentedOn'], message: vi.invalid.presentedBeforeAdmission });
      }
      if (dated(values.officialOn) && dated(values.admittedOn) && values.officialOn <= values.admittedOn) {
        context.addIssue({ code: 'custom', path: ['officialOn'], message: vi.invalid.officialBeforeAdmission });
      }
      const age = admissionAgeIssue(values.dateOfBirth, values.admittedOn, 'admittedOn');
      if (age) context.addIssue(age);
    });
}

export type ReceiveForm = z.infer<ReturnType<typeof receiveSchema>>;

export function receiveInput(values: ReceiveForm): ReceiveTransferredMemberInput {
  return {
    profile: {
      fullName: values.fullName,
      dateOfBirth: values.dateOfBirth,
      ...(values.sex ? { sex: values.sex } : {}),
      ...(values.citizenId ? { citizenId: values.citizenId } : {}),
      ...(values.partyCardNumber ? { partyCardNumber: values.partyCardNumber } : {}),
    },
    cellId: values.cellId,
    kind: values.kind,
    reason: values.reason as TransferReason,
    fromOrganization: values.fromOrganization,
    letterNumber: values.letterNumber,
    letterIssuedOn: values.letterIssuedOn,
    presentedOn: values.presentedOn,
    ...(values.kind === 'TEMPORARY' ? { temporaryUntil: values.temporaryUntil } : {}),
    admittedOn: values.admittedOn,
    ...(values.admissionDecisionNumber ? { admissionDecisionNumber: values.admissionDecisionNumber } : {}),
    ...(values.officialOn ? { officialOn: values.officialOn } : {}),
    ...(values.officialDecisionNumber ? { officialDecisionNumber: values.officialDecisionNumber } : {}),
  };
}

/** The day a letter was presented: not before it was issued, not in the future. */
export function presentedSchema(today: string, issuedOn: string) {
  return z.object({
    presentedOn: pastDate(today).refine((date) => !ISO_DATE.test(date) || date >= issuedOn, vi.invalid.presentedBeforeIssue.replace('{{date}}', issuedOn)),
  });
}

/** The day a member came back from a temporary stay: after it began, not in the future. */
export function returnedSchema(today: string, startedOn: string) {
  return z.object({
    returnedOn: pastDate(today).refine((date) => !ISO_DATE.test(date) || date > startedOn, vi.invalid.returnedBeforeStart.replace('{{date}}', startedOn)),
  });
}
