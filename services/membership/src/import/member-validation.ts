import { MUTATION_ROLES, readableScopes, scopesWithRole, type Caller, type Role } from '@dangvien/auth';
import { inReplicaSubtrees, subtreeUnitIds } from '@dangvien/org-replica';
import { DomainError, requireId } from '@dangvien/server';
import { sql, type Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import { LifecycleViolation, replay, type LifecycleStatus, type MemberEventKind } from '../lifecycle/lifecycle.ts';
import type { MemberProfileInput } from '../generated/graphql.ts';
import { profileValues } from '../member/member-profile.ts';
import { todayInVietnam } from '@dangvien/db';
import { foldText } from '@dangvien/server';
import { cleanText, readDate } from '@dangvien/spreadsheet';
import { readCitizenId, readSex, readTheoryLevel } from './cell-values.ts';
import { fieldLabel, MEMBER_IMPORT_FIELDS, type ColumnMapping, type MemberImportField } from './columns.ts';
import type { ImportProblem, Sheet, SheetCell } from '@dangvien/spreadsheet';
import { MEMBER_CELL_KINDS } from '../placement/scope.ts';

export type { ImportProblem } from '@dangvien/spreadsheet';

/** A row that will become a member: the values createMember would store, and its first events. */
export interface PlannedMember {
  rowNumber: number;
  profile: ReturnType<typeof profileValues>;
  cellId: string;
  events: { kind: MemberEventKind; occurredOn: string }[];
  status: LifecycleStatus;
}

export interface Validation {
  totalRows: number;
  problems: ImportProblem[];
  toCreate: PlannedMember[];
  /** Rows that are already recorded members (same CCCD, card, or name, birth date and cell): importing them changes nothing. */
  unchanged: number;
  invalidRows: number;
}

interface Target {
  unitId: string;
  /** Cells the caller may add members to, under the target unit: by lowercased code and by folded name. */
  cellsByCode: Map<string, string>;
  cellsByName: Map<string, string[]>;
  /** The target itself when it is a cell (rows without a cell column go there). */
  defaultCellId: string | null;
}

const live = sql<boolean>`(valid_from IS NULL OR valid_from <= current_date) AND (valid_to IS NULL OR valid_to > current_date)`;

/** The unit members are imported under: inside the caller's scope with the import role, or refused as createMember refuses. */
export async function resolveTarget(db: Kysely<MembershipDatabase>, caller: Caller, unitIdArgument: string): Promise<Target> {
  const unitId = requireId(unitIdArgument, 'unitId');
  const scopes = scopesWithRole(caller, MUTATION_ROLES.importMembers as readonly Role[]);
  const unit = await db.selectFrom('org_unit_replica').select(['id', 'kind']).where('id', '=', unitId).where(live).where(inReplicaSubtrees('org_unit_replica.id', scopes)).executeTakeFirst();
  if (!unit) {
    const readable = await db.selectFrom('org_unit_replica').select('id').where('id', '=', unitId).where(live).where(inReplicaSubtrees('org_unit_replica.id', readableScopes(caller))).executeTakeFirst();
    if (readable) throw new DomainError('FORBIDDEN', 'Vai trò của bạn không được nhập đảng viên vào đơn vị này.');
    throw new DomainError('NOT_FOUND', 'Không tìm thấy đơn vị.', { field: 'unitId' });
  }
  const subtree = await subtreeUnitIds(db, [unitId]);
  const cells = await db
    .selectFrom('org_unit_replica')
    .select(['id', 'code', 'name'])
    .where('id', 'in', subtree)
    .where('kind', 'in', [...MEMBER_CELL_KINDS])
    .where(live)
    .where(inReplicaSubtrees('org_unit_replica.id', scopes))
    .execute();
  const cellsByCode = new Map(cells.map((cell) => [cell.code.toLowerCase(), cell.id]));
  const cellsByName = new Map<string, string[]>();
  for (const cell of cells) cellsByName.set(foldText(cell.name), [...(cellsByName.get(foldText(cell.name)) ?? []), cell.id]);
  return { unitId, cellsByCode, cellsByName, defaultCellId: MEMBER_CELL_KINDS.includes(unit.kind) ? unit.id : null };
}

/** Checks a chosen mapping against the file's headers: each field once, the required ones present. */
export function checkMapping(headers: readonly string[], mapping: readonly ColumnMapping[], target: Target): Map<MemberImportField, number> {
  const columns = new Map<MemberImportField, number>();
  for (const { header, field } of mapping) {
    if (!field) continue;
    if (!MEMBER_IMPORT_FIELDS.includes(field)) throw new DomainError('BAD_USER_INPUT', `Trường không hợp lệ: ${field}.`, { field: 'mapping' });
    const index = headers.indexOf(header);
    if (index < 0) throw new DomainError('BAD_USER_INPUT', `Tệp không có cột "${header}".`, { field: 'mapping' });
    if (columns.has(field)) throw new DomainError('BAD_USER_INPUT', `Hai cột cùng ghép vào "${fieldLabel(field)}": chỉ chọn một.`, { field: 'mapping' });
    columns.set(field, index);
  }
  for (const required of ['FULL_NAME', 'DATE_OF_BIRTH'] as const) {
    if (!columns.has(required)) throw new DomainError('BAD_USER_INPUT', `Chưa chọn cột "${fieldLabel(required)}".`, { field: 'mapping' });
  }
  if (!columns.has('CELL') && !target.defaultCellId) {
    throw new DomainError('BAD_USER_INPUT', 'Chưa chọn cột "Chi bộ": đơn vị đã chọn có nhiều chi bộ, cần biết mỗi người sinh hoạt ở chi bộ nào.', { field: 'mapping' });
  }
  return columns;
}

const TEXT_FIELDS: readonly [MemberImportField, keyof MemberProfileInput][] = [
  ['BIRTH_NAME', 'birthName'],
  ['ETHNICITY', 'ethnicity'],
  ['RELIGION', 'religion'],
  ['HOMETOWN', 'hometown'],
  ['RESIDENCE', 'residence'],
  ['PHONE', 'phone'],
  ['EDUCATION_LEVEL', 'educationLevel'],
  ['PROFESSIONAL_QUALIFICATION', 'professionalQualification'],
  ['OCCUPATION', 'occupation'],
  ['WORKPLACE', 'workplace'],
  ['PARTY_CARD_NUMBER', 'partyCardNumber'],
  ['PROFILE_NUMBER', 'profileNumber'],
];

/** Which spreadsheet field a createMember input field came from, to put its error in the right column. */
const FIELD_OF_INPUT: Record<string, MemberImportField> = {
  fullName: 'FULL_NAME',
  dateOfBirth: 'DATE_OF_BIRTH',
  citizenId: 'CITIZEN_ID',
  ...Object.fromEntries(TEXT_FIELDS.map(([field, input]) => [input, field])),
};

interface ParsedRow {
  rowNumber: number;
  input: MemberProfileInput;
  cellId: string | null;
  admittedOn: string | null;
  officialOn: string | null;
  errors: number;
}

/**
 * Validates every row of a member list before anything is written: formats, the rules createMember
 * applies, cells inside the caller's scope, and duplicates within the file and against the database.
 */
export async function validateMemberRows(db: Kysely<MembershipDatabase>, caller: Caller, sheet: Sheet, mapping: readonly ColumnMapping[], target: Target): Promise<Validation> {
  const columns = checkMapping(sheet.headers, mapping, target);
  const today = todayInVietnam();
  const problems: ImportProblem[] = [];
  const header = (field: MemberImportField): string | null => {
    const index = columns.get(field);
    return index === undefined ? null : sheet.headers[index]!;
  };
  const parsed: ParsedRow[] = sheet.rows.map(({ rowNumber, cells }) => {
    const row: ParsedRow = { rowNumber, input: {}, cellId: null, admittedOn: null, officialOn: null, errors: 0 };
    const report = (field: MemberImportField | null, severity: ImportProblem['severity'], code: string, problem: string, suggestion: string | null = null): void => {
      problems.push({ row: rowNumber, column: field ? header(field) : null, severity, code, problem, suggestion });
      if (severity === 'ERROR') row.errors++;
    };
    const cell = (field: MemberImportField): SheetCell | null => {
      const index = columns.get(field);
      const value = index === undefined ? undefined : cells[index];
      return value && value.text.trim() !== '' ? value : null;
    };
    const date = (field: MemberImportField): string | null => {
      const raw = cell(field);
      if (!raw) return null;
      const reading = readDate(raw);
      if (!reading.ok) return report(field, 'ERROR', 'BAD_DATE', reading.problem, reading.suggestion), null;
      if (reading.value > today) return report(field, 'ERROR', 'BAD_DATE', `Ngày ${raw.text.trim()} chưa đến.`, 'Kiểm tra lại năm.'), null;
      if (reading.value < '1900-01-01') return report(field, 'ERROR', 'BAD_DATE', `Ngày ${raw.text.trim()} quá xa (trước năm 1900).`, 'Kiểm tra lại năm.'), null;
      return reading.value;
    };

    const name = cell('FULL_NAME');
    if (!name) report('FULL_NAME', 'ERROR', 'MISSING', 'Chưa có họ và tên.', 'Điền họ và tên đầy đủ.');
    else {
      const cleaned = cleanText(name.text);
      row.input.fullName = cleaned.value;
      if (cleaned.wasNfd) report('FULL_NAME', 'WARNING', 'NORMALIZED', `Họ tên "${cleaned.value}" gõ dấu kiểu tổ hợp (NFD).`, 'Đã chuẩn hóa sang dạng dựng sẵn (NFC); không cần sửa.');
      else if (cleaned.changed) report('FULL_NAME', 'WARNING', 'NORMALIZED', `Họ tên "${name.text}" có khoảng trắng thừa.`, `Đã sửa thành "${cleaned.value}"; không cần sửa.`);
    }
    const birth = date('DATE_OF_BIRTH');
    if (birth) row.input.dateOfBirth = birth;
    else if (!cell('DATE_OF_BIRTH')) report('DATE_OF_BIRTH', 'ERROR', 'MISSING', 'Chưa có ngày sinh.', 'Điền ngày sinh theo dạng ngày/tháng/năm.');
    row.admittedOn = date('ADMITTED_ON');
    row.officialOn = date('OFFICIAL_ON');

    const citizenId = cell('CITIZEN_ID');
    if (citizenId) {
      const reading = readCitizenId(citizenId);
      if (reading.ok) row.input.citizenId = reading.value;
      else report('CITIZEN_ID', 'ERROR', 'BAD_CITIZEN_ID', reading.problem, reading.suggestion);
    }
    const sex = cell('SEX');
    if (sex) {
      const value = readSex(sex.text);
      if (value === undefined) report('SEX', 'ERROR', 'BAD_VALUE', `Giới tính "${sex.text}" không rõ.`, 'Ghi "Nam" hoặc "Nữ".');
      else row.input.sex = value;
    }
    const theory = cell('POLITICAL_THEORY_LEVEL');
    if (theory) {
      const value = readTheoryLevel(theory.text);
      if (value === undefined) report('POLITICAL_THEORY_LEVEL', 'ERROR', 'BAD_VALUE', `Trình độ lý luận chính trị "${theory.text}" không rõ.`, 'Ghi Sơ cấp, Trung cấp, Cao cấp hoặc Cử nhân.');
      else row.input.politicalTheoryLevel = value;
    }
    for (const [field, input] of TEXT_FIELDS) {
      const raw = cell(field);
      if (raw) (row.input as Record<string, string>)[input] = cleanText(raw.text).value;
    }

    const cellText = cell('CELL');
    if (cellText) {
      const text = cleanText(cellText.text).value;
      const byCode = target.cellsByCode.get(text.toLowerCase());
      const byName = target.cellsByName.get(foldText(text)) ?? [];
      if (byCode) row.cellId = byCode;
      else if (byName.length === 1) row.cellId = byName[0]!;
      else if (byName.length > 1) report('CELL', 'ERROR', 'AMBIGUOUS_CELL', `Có ${byName.length} chi bộ cùng tên "${text}".`, 'Ghi mã chi bộ thay cho tên.');
      else report('CELL', 'ERROR', 'UNKNOWN_CELL', `Không tìm thấy chi bộ "${text}" trong đơn vị đã chọn.`, 'Kiểm tra tên hoặc mã chi bộ; chi bộ phải thuộc đơn vị bạn được giao.');
    } else if (target.defaultCellId) row.cellId = target.defaultCellId;
    else report('CELL', 'ERROR', 'MISSING', 'Chưa ghi chi bộ.', 'Điền tên hoặc mã chi bộ.');

    // The same checks createMember makes (lengths, phone, dates), so an imported member is one createMember would accept.
    try {
      profileValues(row.input, today);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const field = FIELD_OF_INPUT[String(error.extensions.field)] ?? null;
      report(field, 'ERROR', 'BAD_VALUE', error.message, null);
    }
    return row;
  });

  flagDuplicatesInFile(parsed, problems, header);
  const matches = await matchRecordedMembers(db, caller, parsed);
  const toCreate: PlannedMember[] = [];
  let unchanged = 0;
  for (const row of parsed) {
    const report = (field: MemberImportField | null, code: string, problem: string, suggestion: string | null): void => {
      problems.push({ row: row.rowNumber, column: field ? header(field) : null, severity: 'ERROR', code, problem, suggestion });
      row.errors++;
    };
    const match = matches.get(row.rowNumber);
    if (match?.kind === 'same') {
      if (row.errors === 0) unchanged++;
      continue;
    }
    if (match?.kind === 'conflict') report(match.field, 'DUPLICATE_IN_DATABASE', match.problem, match.suggestion);
    if (row.errors > 0) continue;
    if (!row.admittedOn) {
      report('ADMITTED_ON', 'MISSING', 'Chưa có ngày vào Đảng.', 'Điền ngày kết nạp theo dạng ngày/tháng/năm.');
      continue;
    }
    const events: PlannedMember['events'] = [{ kind: 'ADMITTED', occurredOn: row.admittedOn }];
    if (row.officialOn) events.push({ kind: 'OFFICIAL', occurredOn: row.officialOn });
    try {
      const status = replay(events.map((event, sequence) => ({ ...event, sequence })), { initialStatus: null, dateOfBirth: row.input.dateOfBirth ?? null })!;
      toCreate.push({ rowNumber: row.rowNumber, profile: profileValues(row.input, today), cellId: row.cellId!, events, status });
    } catch (error) {
      if (!(error instanceof LifecycleViolation)) throw error;
      const field = error.field === 'dateOfBirth' ? 'DATE_OF_BIRTH' : error.message.includes('chính thức') ? 'OFFICIAL_ON' : 'ADMITTED_ON';
      report(field, 'BAD_LIFECYCLE', error.message, null);
    }
  }
  problems.sort((a, b) => a.row - b.row);
  return { totalRows: parsed.length, problems, toCreate, unchanged, invalidRows: parsed.filter((row) => row.errors > 0).length };
}

function flagDuplicatesInFile(rows: ParsedRow[], problems: ImportProblem[], header: (field: MemberImportField) => string | null): void {
  const keys: [MemberImportField, string, (row: ParsedRow) => string | null | undefined][] = [
    ['CITIZEN_ID', 'số CCCD', (row) => row.input.citizenId],
    ['PARTY_CARD_NUMBER', 'số thẻ đảng viên', (row) => row.input.partyCardNumber],
    ['FULL_NAME', 'họ tên và ngày sinh', (row) => (row.input.fullName && row.input.dateOfBirth ? `${foldText(row.input.fullName)}|${row.input.dateOfBirth}` : null)],
  ];
  for (const [field, label, keyOf] of keys) {
    const first = new Map<string, number>();
    for (const row of rows) {
      const key = keyOf(row);
      if (!key) continue;
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, row.rowNumber);
      else {
        problems.push({ row: row.rowNumber, column: header(field), severity: 'ERROR', code: 'DUPLICATE_IN_FILE', problem: `Trùng ${label} với dòng ${earlier}.`, suggestion: 'Xóa dòng lặp, hoặc sửa cho đúng người.' });
        row.errors++;
      }
    }
  }
}

type Match = { kind: 'same' } | { kind: 'conflict'; field: MemberImportField; problem: string; suggestion: string };

/**
 * Rows that are already recorded: matched by CCCD, then by party card number (current or past), then
 * (rows with neither) by name and birth date in the same cell. A match that is a different person is a conflict.
 */
async function matchRecordedMembers(db: Kysely<MembershipDatabase>, caller: Caller, rows: readonly ParsedRow[]): Promise<Map<number, Match>> {
  const citizenIds = rows.flatMap((row) => (row.input.citizenId ? [row.input.citizenId] : []));
  const cards = rows.flatMap((row) => (row.input.partyCardNumber ? [row.input.partyCardNumber] : []));
  const named = rows.filter((row) => row.input.fullName && row.input.dateOfBirth);
  const readable = readableScopes(caller);
  const recorded = await db
    .selectFrom('member')
    .leftJoin('member_party_card', 'member_party_card.member_id', 'member.id')
    .select(['member.id', 'member.full_name', 'member.date_of_birth', 'member.citizen_id', 'member.party_card_number', 'member.cell_id', 'member_party_card.card_number as past_card'])
    .select(inReplicaSubtrees('member.cell_id', readable).as('readable'))
    // Records the caller may not read are not matched at all: a row repeating their number is new here,
    // and the pair becomes a possible duplicate for the levels above once imported (recordPossibleDuplicates).
    .where(inReplicaSubtrees('member.cell_id', readable))
    .where((eb) =>
      eb.or([
        eb('member.citizen_id', '=', sql<string>`ANY(${citizenIds}::text[])`),
        eb('member.party_card_number', '=', sql<string>`ANY(${cards}::text[])`),
        eb('member_party_card.card_number', '=', sql<string>`ANY(${cards}::text[])`),
        sql<boolean>`(lower(member.full_name), member.date_of_birth) IN (SELECT * FROM unnest(${named.map((row) => row.input.fullName!.toLowerCase())}::text[], ${named.map((row) => row.input.dateOfBirth!)}::date[]))`,
      ]),
    )
    .execute();
  const byCitizenId = new Map(recorded.filter((member) => member.citizen_id && member.readable).map((member) => [member.citizen_id!, member]));
  const byCard = new Map<string, (typeof recorded)[number]>();
  for (const member of recorded) {
    if (!member.readable) continue;
    if (member.party_card_number) byCard.set(member.party_card_number, member);
    if (member.past_card) byCard.set(member.past_card, member);
  }
  const byNameAndBirth = new Map<string, (typeof recorded)[number][]>();
  for (const member of recorded) {
    if (!member.date_of_birth || !member.readable) continue;
    const key = `${foldText(member.full_name)}|${member.date_of_birth}`;
    if (!(byNameAndBirth.get(key) ?? []).some((other) => other.id === member.id)) byNameAndBirth.set(key, [...(byNameAndBirth.get(key) ?? []), member]);
  }
  const samePerson = (row: ParsedRow, member: (typeof recorded)[number]): boolean =>
    Boolean(member.readable) && foldText(member.full_name) === foldText(row.input.fullName ?? '') && member.date_of_birth === (row.input.dateOfBirth ?? null);

  const matches = new Map<number, Match>();
  for (const row of rows) {
    const byId = row.input.citizenId ? byCitizenId.get(row.input.citizenId) : undefined;
    const card = row.input.partyCardNumber ? byCard.get(row.input.partyCardNumber) : undefined;
    if (byId) {
      matches.set(row.rowNumber, samePerson(row, byId) ? { kind: 'same' } : {
        kind: 'conflict',
        field: 'CITIZEN_ID',
        problem: `Số CCCD ${row.input.citizenId} đã có trong hồ sơ đảng viên ${byId.full_name} (khác họ tên hoặc ngày sinh).`,
        suggestion: 'Đối chiếu lại số CCCD với thẻ căn cước.',
      });
    } else if (card) {
      matches.set(row.rowNumber, samePerson(row, card) ? { kind: 'same' } : {
        kind: 'conflict',
        field: 'PARTY_CARD_NUMBER',
        problem: `Số thẻ đảng viên ${row.input.partyCardNumber} đã cấp cho một đảng viên khác.`,
        suggestion: 'Đối chiếu lại số thẻ đảng viên.',
      });
    } else if (row.input.fullName && row.input.dateOfBirth) {
      const candidates = byNameAndBirth.get(`${foldText(row.input.fullName)}|${row.input.dateOfBirth}`) ?? [];
      // Two people with the same name and birth date but different CCCDs are different people.
      const same = candidates.filter((member) => !member.citizen_id || !row.input.citizenId);
      if (same.length === 0) continue;
      if (!row.input.citizenId && !row.input.partyCardNumber && same.some((member) => member.cell_id === row.cellId)) matches.set(row.rowNumber, { kind: 'same' });
      else {
        matches.set(row.rowNumber, {
          kind: 'conflict',
          field: 'FULL_NAME',
          problem: `Có thể trùng với đảng viên đã có: ${same[0]!.full_name}, sinh ngày ${row.input.dateOfBirth}.`,
          suggestion: 'Kiểm tra lại; nếu đúng là người đã có, bỏ dòng này; nếu là người khác, ghi số CCCD của cả hai.',
        });
      }
    }
  }
  // Written whether or not the import goes on (a dry run included): probing numbers leaves a trace above.
  return matches;
}
