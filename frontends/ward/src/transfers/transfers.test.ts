import { describe, expect, it } from 'vitest';
import type { WardTransfer } from './queries.ts';
import { issueInput, issueSchema, OUTSIDE, presentedSchema, receiveSchema, returnedSchema } from './schemas.ts';
import { canRecordPresented, isOverdue, isTemporaryOngoing, reasonsFor, splitTransfers } from './transfers.ts';

const ward = new Set(['c1', 'c2']);
const letter = (overrides: Partial<WardTransfer>): WardTransfer => ({
  id: 't',
  kind: 'OFFICIAL',
  direction: 'WITHIN',
  reason: 'JOB_CHANGE',
  memberName: 'Trần Văn An',
  member: { id: 'm' },
  fromCell: { id: 'c1', name: 'Chi bộ 1' },
  toCell: null,
  externalOrganization: null,
  letterNumber: '1-GGT/ĐU',
  letterIssuedOn: '2025-05-01',
  reportDueOn: '2025-05-31',
  presentedOn: null,
  presentedLate: false,
  temporaryUntil: null,
  returnedOn: null,
  note: null,
  ...overrides,
});

describe('the committee’s letters', () => {
  const out = letter({ id: 'out', direction: 'OUT', toCell: null, externalOrganization: 'Đảng ủy phường Bến Thành' });
  const between = letter({ id: 'between', toCell: { id: 'c2', name: 'Chi bộ 2' } });
  const away = letter({ id: 'away', toCell: { id: 'x9', name: 'Chi bộ khác' } });
  const arriving = letter({ id: 'arriving', fromCell: { id: 'x9', name: 'Chi bộ khác' }, toCell: { id: 'c1', name: 'Chi bộ 1' } });
  const fromOutside = letter({ id: 'in', direction: 'IN', fromCell: null, toCell: { id: 'c2', name: 'Chi bộ 2' }, presentedOn: '2025-05-03' });

  it('puts a letter out of a cell of the ward in the outgoing list, one into a cell in the incoming, a move between two cells in both', () => {
    const lists = splitTransfers([out, between, away, arriving, fromOutside], ward);
    expect(lists.outgoing.map((item) => item.id)).toEqual(['out', 'between', 'away']);
    expect(lists.incoming.map((item) => item.id)).toEqual(['between', 'arriving', 'in']);
  });

  it('marks a letter not presented after its due date as overdue, not on the due date itself', () => {
    expect(isOverdue(out, '2025-05-31')).toBe(false);
    expect(isOverdue(out, '2025-06-01')).toBe(true);
    expect(isOverdue({ ...out, presentedOn: '2025-06-05' }, '2025-07-01')).toBe(false);
  });

  it('lets the receiving side record a letter within the system, the sending side the confirmation of one leaving it', () => {
    expect(canRecordPresented(arriving, ward)).toBe(true);
    expect(canRecordPresented(away, ward)).toBe(false);
    expect(canRecordPresented(out, ward)).toBe(true);
    expect(canRecordPresented(fromOutside, ward)).toBe(false);
  });

  it('counts a temporary stay within the system from its presentation until the return', () => {
    const temporary = letter({ kind: 'TEMPORARY', reason: 'STUDY', toCell: { id: 'x9', name: 'Chi bộ khác' }, temporaryUntil: '2026-05-01' });
    expect(isTemporaryOngoing(temporary)).toBe(false);
    expect(isTemporaryOngoing({ ...temporary, presentedOn: '2025-05-10' })).toBe(true);
    expect(isTemporaryOngoing({ ...temporary, presentedOn: '2025-05-10', returnedOn: '2025-12-01' })).toBe(false);
    expect(isTemporaryOngoing({ ...temporary, direction: 'OUT' })).toBe(true);
  });
});

describe('the transfer forms', () => {
  const today = '2025-06-01';
  const issue = { kind: 'OFFICIAL' as const, reason: 'PERMANENT_MOVE' as const, destination: OUTSIDE, externalOrganization: 'Đảng ủy phường Bến Thành', letterNumber: '27-GGT/ĐU', letterIssuedOn: today, temporaryUntil: '', note: '' };
  const paths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((issue) => issue.path.join('.')).sort() ?? [];

  it('offers the reasons of each kind', () => {
    expect(reasonsFor('OFFICIAL')).toEqual(['JOB_CHANGE', 'RETIREMENT', 'PERMANENT_MOVE']);
    expect(reasonsFor('TEMPORARY')).toEqual(['WORK', 'RESIDENCE', 'STUDY']);
  });

  it('issues an official letter out of the system with the organization named', () => {
    expect(issueSchema(today).safeParse(issue).success).toBe(true);
    expect(paths(issueSchema(today).safeParse({ ...issue, externalOrganization: '' }))).toEqual(['externalOrganization']);
    expect(paths(issueSchema(today).safeParse({ ...issue, reason: 'STUDY' }))).toEqual(['reason']);
    expect(issueInput('m', issueSchema(today).parse(issue))).toEqual({
      memberId: 'm',
      kind: 'OFFICIAL',
      reason: 'PERMANENT_MOVE',
      externalOrganization: 'Đảng ủy phường Bến Thành',
      letterNumber: '27-GGT/ĐU',
      letterIssuedOn: today,
    });
  });

  it('holds a temporary stay to 3–12 months (24 for study) from the letter', () => {
    const temporary = { ...issue, kind: 'TEMPORARY' as const, reason: 'WORK' as const, destination: 'c2' };
    expect(paths(issueSchema(today).safeParse(temporary))).toEqual(['temporaryUntil']);
    expect(issueSchema(today).safeParse({ ...temporary, temporaryUntil: '2025-09-01' }).success).toBe(true);
    expect(paths(issueSchema(today).safeParse({ ...temporary, temporaryUntil: '2025-08-31' }))).toEqual(['temporaryUntil']);
    expect(paths(issueSchema(today).safeParse({ ...temporary, temporaryUntil: '2026-06-02' }))).toEqual(['temporaryUntil']);
    expect(issueSchema(today).safeParse({ ...temporary, reason: 'STUDY', temporaryUntil: '2027-06-01' }).success).toBe(true);
  });

  it('refuses a letter dated in the future', () => {
    expect(paths(issueSchema(today).safeParse({ ...issue, letterIssuedOn: '2025-06-02' }))).toEqual(['letterIssuedOn']);
  });

  it('receives a member whose letter was presented after its issue and after the admission', () => {
    const receive = {
      fullName: 'Lê Thị Hoa', dateOfBirth: '1985-02-03', sex: '' as const, citizenId: '', partyCardNumber: '', cellId: 'c1',
      kind: 'OFFICIAL' as const, reason: 'PERMANENT_MOVE' as const, fromOrganization: 'Đảng ủy phường 1', letterNumber: '5-GGT', letterIssuedOn: '2025-05-20', presentedOn: '2025-05-25',
      temporaryUntil: '', admittedOn: '2010-03-01', admissionDecisionNumber: '', officialOn: '2011-03-01', officialDecisionNumber: '',
    };
    expect(receiveSchema(today).safeParse(receive).success).toBe(true);
    expect(paths(receiveSchema(today).safeParse({ ...receive, presentedOn: '2025-05-19' }))).toEqual(['presentedOn']);
    expect(paths(receiveSchema(today).safeParse({ ...receive, officialOn: '2009-01-01' }))).toEqual(['officialOn']);
    expect(paths(receiveSchema(today).safeParse({ ...receive, admittedOn: '2000-01-01', officialOn: '' }))).toEqual(['admittedOn']);
  });

  it('dates a presentation and a return after what they follow', () => {
    expect(presentedSchema(today, '2025-05-10').safeParse({ presentedOn: '2025-05-09' }).success).toBe(false);
    expect(presentedSchema(today, '2025-05-10').safeParse({ presentedOn: '2025-05-10' }).success).toBe(true);
    expect(returnedSchema(today, '2025-05-10').safeParse({ returnedOn: '2025-05-10' }).success).toBe(false);
    expect(returnedSchema(today, '2025-05-10').safeParse({ returnedOn: '2025-06-01' }).success).toBe(true);
  });
});
