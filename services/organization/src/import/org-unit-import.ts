import { todayInVietnam } from '@dangvien/db';
import { randomUUID } from 'node:crypto';
import { MUTATION_ROLES, readableScopes, scopesWithRole, type Caller, type Role } from '@dangvien/auth';
import { DomainError, requireId, writeAudit } from '@dangvien/server';
import type { Kysely, Transaction } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';
import { foldText } from '@dangvien/server';
import type { OrgUnitImportColumn, OrgUnitImportField, OrgUnitImportInput, OrgUnitImportReport, OrgUnitKind } from '../generated/graphql.ts';
import { ancestorIds, insertOrgUnits, lockTree, versionOn } from '../org-unit/org-unit.repository.ts';
import { ALLOWED_PARENT_KINDS, KIND_LABELS } from '../org-unit/restructure.ts';
import { cleanText, readDate, readSpreadsheet, type ImportProblem, type SheetCell } from '@dangvien/spreadsheet';
import { findEndedCodes, findImportRoot, findLiveUnitsByCodes, insertAddresses, unitIdByCode } from './org-unit-import.repository.ts';

const BATCH_UNITS = 1000;

export const ORG_UNIT_IMPORT_FIELDS: readonly OrgUnitImportField[] = ['CODE', 'NAME', 'KIND', 'PARENT_CODE', 'ESTABLISHED_ON', 'ADDRESS', 'DECISION_NUMBER'];

const FIELD_HEADERS: Record<OrgUnitImportField, readonly [string, ...string[]]> = {
  CODE: ['Mã đơn vị', 'Mã', 'Mã tổ chức đảng', 'Mã TCĐ'],
  NAME: ['Tên đơn vị', 'Tên', 'Tên tổ chức đảng', 'Tên TCĐ'],
  KIND: ['Loại', 'Loại đơn vị', 'Loại hình', 'Cấp'],
  PARENT_CODE: ['Mã cấp trên', 'Mã đơn vị cấp trên', 'Cấp trên', 'Trực thuộc', 'Đơn vị cấp trên'],
  ESTABLISHED_ON: ['Ngày thành lập', 'Thành lập ngày'],
  ADDRESS: ['Địa chỉ', 'Trụ sở', 'Địa chỉ trụ sở'],
  DECISION_NUMBER: ['Số quyết định', 'Quyết định thành lập', 'Số quyết định thành lập', 'Số QĐ'],
};

/** Kind labels clerks write, folded, besides the enum names. */
const KIND_WORDS: Record<string, OrgUnitKind> = {
  ...Object.fromEntries(Object.entries(KIND_LABELS).map(([kind, label]) => [foldText(label), kind as OrgUnitKind])),
  'dang bo tinh': 'PROVINCE',
  'dang bo thanh pho': 'PROVINCE',
  'dang bo huyen': 'DISTRICT',
  'dang bo quan': 'DISTRICT',
  'dang bo thi xa': 'DISTRICT',
  'dang bo co so': 'GRASSROOTS_COMMITTEE',
  'dang uy': 'GRASSROOTS_COMMITTEE',
  'chi bo co so': 'GRASSROOTS_CELL',
  'chi bo': 'CELL',
  'chi bo truc thuoc': 'CELL',
  'to dang': 'PARTY_GROUP',
};

/** The report GraphQL answers, with its problems as @dangvien/spreadsheet reports them for every import. */
export type OrgUnitImportResult = Omit<OrgUnitImportReport, 'problems'> & { problems: ImportProblem[] };

interface ParsedUnit {
  rowNumber: number;
  code: string | null;
  name: string | null;
  kind: OrgUnitKind | null;
  parentCode: string | null;
  establishedOn: string | null;
  address: string | null;
  decision: string | null;
  errors: number;
  /** Resolved: the unit's id (existing when unchanged, new otherwise), its parent's id, kind and date. */
  id?: string;
  unchanged?: boolean;
}

type Db = Kysely<OrganizationDatabase> | Transaction<OrganizationDatabase>;

export function suggestOrgMapping(headers: readonly string[]): OrgUnitImportColumn[] {
  const byHeader = new Map(ORG_UNIT_IMPORT_FIELDS.flatMap((field) => FIELD_HEADERS[field].map((header) => [foldText(header), field] as const)));
  const used = new Set<OrgUnitImportField>();
  return headers.map((header) => {
    const field = byHeader.get(foldText(header).replace(/[.:*()]/g, '').trim()) ?? null;
    if (!field || used.has(field)) return { header, field: null };
    used.add(field);
    return { header, field };
  });
}

/** The root the sheet hangs under: inside the caller's scope with the import role (out of scope looks missing). */
async function requireRoot(db: Db, caller: Caller, parentIdArgument: string): Promise<{ id: string; kind: OrgUnitKind; established_on: string | null; scopes: string[] }> {
  const id = requireId(parentIdArgument, 'parentId');
  const scopes = scopesWithRole(caller, MUTATION_ROLES.importOrgUnits as readonly Role[]);
  const unit = await findImportRoot(db, id);
  const ancestors = unit ? await ancestorIds(db, id) : [];
  if (!unit || !ancestors.some((ancestor) => scopes.includes(ancestor))) {
    if (unit && ancestors.some((ancestor) => readableScopes(caller).includes(ancestor))) throw new DomainError('FORBIDDEN', 'Vai trò của bạn không được nhập đơn vị vào đây.');
    throw new DomainError('NOT_FOUND', 'Không tìm thấy đơn vị cấp trên.', { field: 'parentId' });
  }
  if (unit.ended_on) throw new DomainError('CONFLICT', 'Đơn vị cấp trên đã giải thể.', { field: 'parentId' });
  return { id, kind: unit.kind, established_on: unit.established_on, scopes };
}

/**
 * Validates every row of a unit sheet (code, name, kind, parent code, establishment date, address):
 * duplicate codes in the file and in the database, unknown parents, cycles, kinds that cannot sit under
 * their parent, dates before the parent existed. Rows under an invalid row are invalid too.
 */
async function validateUnits(db: Db, caller: Caller, input: OrgUnitImportInput) {
  const root = await requireRoot(db, caller, input.parentId);
  const sheet = await readSpreadsheet(input.file);
  const mapping = input.mapping ?? suggestOrgMapping(sheet.headers);
  const columns = new Map<OrgUnitImportField, number>();
  for (const { header, field } of mapping) {
    if (!field) continue;
    const index = sheet.headers.indexOf(header);
    if (index < 0) throw new DomainError('BAD_USER_INPUT', `Tệp không có cột "${header}".`, { field: 'mapping' });
    if (columns.has(field)) throw new DomainError('BAD_USER_INPUT', `Hai cột cùng ghép vào "${FIELD_HEADERS[field][0]}".`, { field: 'mapping' });
    columns.set(field, index);
  }
  for (const required of ['CODE', 'NAME', 'KIND', 'ESTABLISHED_ON'] as const) {
    if (!columns.has(required)) throw new DomainError('BAD_USER_INPUT', `Chưa chọn cột "${FIELD_HEADERS[required][0]}".`, { field: 'mapping' });
  }
  const header = (field: OrgUnitImportField): string | null => (columns.has(field) ? sheet.headers[columns.get(field)!]! : null);
  const problems: ImportProblem[] = [];
  const report = (row: ParsedUnit, field: OrgUnitImportField | null, code: string, problem: string, suggestion: string | null = null): void => {
    problems.push({ row: row.rowNumber, column: field ? header(field) : null, severity: 'ERROR', code, problem, suggestion });
    row.errors++;
  };

  const rows: ParsedUnit[] = sheet.rows.map(({ rowNumber, cells }) => {
    const cell = (field: OrgUnitImportField): SheetCell | null => {
      const value = columns.has(field) ? cells[columns.get(field)!] : undefined;
      return value && value.text.trim() !== '' ? value : null;
    };
    const text = (field: OrgUnitImportField): string | null => {
      const value = cell(field);
      return value ? cleanText(value.text).value : null;
    };
    const row: ParsedUnit = { rowNumber, code: text('CODE'), name: text('NAME'), kind: null, parentCode: text('PARENT_CODE'), establishedOn: null, address: text('ADDRESS'), decision: text('DECISION_NUMBER'), errors: 0 };
    const rawName = cell('NAME');
    if (rawName && cleanText(rawName.text).changed) {
      problems.push({ row: rowNumber, column: header('NAME'), severity: 'WARNING', code: 'NORMALIZED', problem: `Tên "${row.name}" có khoảng trắng thừa hoặc gõ dấu kiểu tổ hợp.`, suggestion: 'Đã chuẩn hóa; không cần sửa.' });
    }
    if (!row.code) report(row, 'CODE', 'MISSING', 'Chưa có mã đơn vị.', 'Mỗi đơn vị cần một mã riêng.');
    else if (row.code.length > 50) report(row, 'CODE', 'BAD_VALUE', 'Mã đơn vị dài quá 50 ký tự.');
    if (!row.name) report(row, 'NAME', 'MISSING', 'Chưa có tên đơn vị.');
    else if (row.name.length > 200) report(row, 'NAME', 'BAD_VALUE', 'Tên đơn vị dài quá 200 ký tự.');
    const kindText = text('KIND');
    const kind = kindText ? (KIND_WORDS[foldText(kindText)] ?? (kindText.toUpperCase() in ALLOWED_PARENT_KINDS ? (kindText.toUpperCase() as OrgUnitKind) : null)) : null;
    if (!kindText) report(row, 'KIND', 'MISSING', 'Chưa có loại đơn vị.', 'Ghi: Đảng bộ cơ sở, Chi bộ cơ sở, Chi bộ trực thuộc hoặc Tổ đảng.');
    else if (!kind) report(row, 'KIND', 'BAD_VALUE', `Loại đơn vị "${kindText}" không rõ.`, 'Ghi: Đảng bộ cơ sở, Chi bộ cơ sở, Chi bộ trực thuộc hoặc Tổ đảng.');
    row.kind = kind;
    const date = cell('ESTABLISHED_ON');
    if (!date) report(row, 'ESTABLISHED_ON', 'MISSING', 'Chưa có ngày thành lập.', 'Ghi ngày theo dạng ngày/tháng/năm.');
    else {
      const reading = readDate(date);
      if (!reading.ok) report(row, 'ESTABLISHED_ON', 'BAD_DATE', reading.problem, reading.suggestion);
      else if (reading.value > todayInVietnam()) report(row, 'ESTABLISHED_ON', 'BAD_DATE', `Ngày thành lập ${date.text} chưa đến.`);
      else row.establishedOn = reading.value;
    }
    if (row.address && row.address.length > 300) report(row, 'ADDRESS', 'BAD_VALUE', 'Địa chỉ dài quá 300 ký tự.');
    return row;
  });

  const byCode = new Map<string, ParsedUnit>();
  for (const row of rows) {
    if (!row.code) continue;
    const key = row.code.toLowerCase();
    const first = byCode.get(key);
    if (first) report(row, 'CODE', 'DUPLICATE_IN_FILE', `Trùng mã "${row.code}" với dòng ${first.rowNumber}.`, 'Mỗi đơn vị một mã.');
    else byCode.set(key, row);
  }

  // A row whose chain of parent codes inside the file comes back to it is in a cycle.
  for (const row of rows) {
    let current = row;
    for (let step = 0; step <= rows.length; step++) {
      const next = current.parentCode ? byCode.get(current.parentCode.toLowerCase()) : undefined;
      if (!next) break;
      if (next === row) {
        report(row, 'PARENT_CODE', 'CYCLE', `Vòng lặp cấp trên: "${row.code}" lại nằm dưới chính nó qua mã cấp trên "${row.parentCode}".`, 'Sửa mã cấp trên cho đúng.');
        break;
      }
      current = next;
    }
  }

  // Units already recorded under these codes (as parents, or the same units imported before).
  const codes = [...new Set([...rows.flatMap((row) => [row.code, row.parentCode]).filter((code): code is string => Boolean(code)).map((code) => code.toLowerCase())])];
  const recorded = codes.length === 0 ? [] : await findLiveUnitsByCodes(db, codes, root.scopes);
  const recordedByCode = new Map(recorded.map((unit) => [unit.code.toLowerCase(), unit]));
  // Codes of units that ended (no live version) are still taken.
  const endedCodes = await findEndedCodes(db, codes);

  // Parents, in an order where a parent comes before its children; a cycle is reported on each of its rows.
  const state = new Map<ParsedUnit, 'visiting' | 'done'>();
  const livedOn = new Map<string, Promise<boolean>>();
  const recordedUnitLivedOn = (id: string, day: string): Promise<boolean> => {
    const key = `${id}|${day}`;
    if (!livedOn.has(key)) livedOn.set(key, versionOn(db, id, day).then(Boolean));
    return livedOn.get(key)!;
  };
  const resolve = async (row: ParsedUnit): Promise<void> => {
    if (state.get(row) === 'done') return;
    if (state.get(row) === 'visiting') return;
    state.set(row, 'visiting');
    let parent: { id: string; kind: OrgUnitKind; established: string | null; row?: ParsedUnit } | null = null;
    const parentKey = row.parentCode?.toLowerCase();
    const fileParent = parentKey ? byCode.get(parentKey) : undefined;
    if (!row.parentCode) parent = { id: root.id, kind: root.kind, established: root.established_on };
    else if (fileParent && fileParent !== row) {
      if (state.get(fileParent) === 'visiting') {
        // Inside a cycle, already reported above.
      } else {
        await resolve(fileParent);
        if (fileParent.errors > 0) {
          if (row.errors === 0) report(row, 'PARENT_CODE', 'PARENT_INVALID', `Đơn vị cấp trên "${row.parentCode}" (dòng ${fileParent.rowNumber}) có lỗi nên không nhập được.`, `Sửa dòng ${fileParent.rowNumber} trước.`);
        } else parent = { id: fileParent.id!, kind: fileParent.kind!, established: fileParent.establishedOn, row: fileParent };
      }
    } else if (fileParent === row) {
      // Its own parent: reported as a cycle above.
    } else {
      const unit = recordedByCode.get(parentKey!);
      if (!unit || !unit.in_scope || unit.ended_on) report(row, 'PARENT_CODE', 'UNKNOWN_PARENT', `Không tìm thấy đơn vị cấp trên mã "${row.parentCode}" trong phạm vi của bạn.`, 'Kiểm tra mã cấp trên, hoặc thêm đơn vị đó vào tệp.');
      else parent = { id: unit.id, kind: unit.kind, established: unit.established_on };
    }
    if (parent && row.kind && !ALLOWED_PARENT_KINDS[row.kind].includes(parent.kind)) {
      report(row, 'KIND', 'BAD_PARENT_KIND', `Không thể đặt ${KIND_LABELS[row.kind]} trực thuộc ${KIND_LABELS[parent.kind]}.`, 'Kiểm tra loại đơn vị hoặc mã cấp trên.');
    }
    if (parent && row.establishedOn) {
      const existsThatDay = parent.row ? !parent.established || parent.established <= row.establishedOn : await recordedUnitLivedOn(parent.id, row.establishedOn);
      if (!existsThatDay) report(row, 'ESTABLISHED_ON', 'BAD_DATE', `Ngày thành lập ${row.establishedOn} trước khi đơn vị cấp trên có (hoặc sau khi đã giải thể).`, 'Kiểm tra ngày thành lập.');
    }
    const existing = row.code ? recordedByCode.get(row.code.toLowerCase()) : undefined;
    if (existing) {
      const same = existing.in_scope && row.name && foldText(existing.name) === foldText(row.name) && existing.kind === row.kind && parent !== null && existing.parent_id === parent.id;
      if (same) {
        row.unchanged = true;
        row.id = existing.id;
      } else if (row.errors === 0) {
        report(row, 'CODE', 'DUPLICATE_IN_DATABASE', existing.in_scope ? `Mã "${row.code}" đã dùng cho ${existing.name}.` : `Mã "${row.code}" đã được dùng.`, 'Dùng mã khác, hoặc sửa tên, loại, cấp trên cho khớp đơn vị đã có.');
      }
    } else if (row.code && endedCodes.has(row.code.toLowerCase()) && row.errors === 0) {
      report(row, 'CODE', 'DUPLICATE_IN_DATABASE', `Mã "${row.code}" đã dùng cho một đơn vị đã giải thể.`, 'Dùng mã khác.');
    }
    row.id ??= randomUUID();
    state.set(row, 'done');
  };
  for (const row of rows) await resolve(row);

  const ordered: ParsedUnit[] = [];
  const placed = new Set<ParsedUnit>();
  const place = (row: ParsedUnit): void => {
    if (placed.has(row)) return;
    placed.add(row);
    const parent = row.parentCode ? byCode.get(row.parentCode.toLowerCase()) : undefined;
    if (parent && parent !== row) place(parent);
    ordered.push(row);
  };
  rows.forEach(place);
  problems.sort((a, b) => a.row - b.row);
  return { root, rows, ordered, problems, mapping, byCode };
}

/**
 * Imports a unit tree from a sheet: every row checked first, then the valid rows (or nothing) created
 * in one transaction the way createOrgUnit creates one (versions, OrgUnitCreated, audit). Units already
 * recorded with the same code, name, kind and parent are left as they are, so a second import changes nothing.
 */
export async function importOrgUnits(db: Kysely<OrganizationDatabase>, caller: Caller, input: OrgUnitImportInput): Promise<OrgUnitImportResult> {
  if (input.mode !== 'VALID_ONLY' && input.mode !== 'ALL_OR_NOTHING') throw new DomainError('BAD_USER_INPUT', 'Chọn cách nhập.', { field: 'mode' });
  return db.transaction().execute(async (trx) => {
    await lockTree(trx);
    const { root, rows, ordered, problems, mapping, byCode } = await validateUnits(trx, caller, input);
    const invalid = rows.filter((row) => row.errors > 0).length;
    const unchanged = rows.filter((row) => row.errors === 0 && row.unchanged).length;
    const toCreate = ordered.filter((row) => row.errors === 0 && !row.unchanged);
    const base = { totalRows: rows.length, validRows: rows.length - invalid, unchangedCount: unchanged, skippedCount: invalid, problems, mapping };
    if (input.dryRun) return { ...base, status: 'VALIDATED', createdCount: 0, message: null };
    if (input.mode === 'ALL_OR_NOTHING' && invalid > 0) {
      return { ...base, status: 'REFUSED', createdCount: 0, message: `Không nhập đơn vị nào: ${invalid} dòng có lỗi.` };
    }
    const parentIdOf = (row: ParsedUnit): string => {
      if (!row.parentCode) return root.id;
      const fileParent = byCode.get(row.parentCode.toLowerCase());
      return fileParent ? fileParent.id! : recordedParent(row.parentCode);
    };
    const recordedParentIds = new Map<string, string>();
    for (const row of toCreate) {
      if (row.parentCode && !byCode.has(row.parentCode.toLowerCase()) && !recordedParentIds.has(row.parentCode.toLowerCase())) {
        recordedParentIds.set(row.parentCode.toLowerCase(), await unitIdByCode(trx, row.parentCode));
      }
    }
    const recordedParent = (code: string): string => recordedParentIds.get(code.toLowerCase())!;
    const units = toCreate.map((row) => ({ id: row.id!, code: row.code!, name: row.name!, kind: row.kind!, parent_id: parentIdOf(row), established_on: row.establishedOn!, established_decision: row.decision, address: row.address }));
    // In batches, parents first: one statement may bind at most 65,535 values.
    for (let start = 0; start < units.length; start += BATCH_UNITS) {
      const batch = units.slice(start, start + BATCH_UNITS);
      await insertOrgUnits(trx, batch.map(({ address: _address, ...unit }) => unit));
      await insertAddresses(trx, batch.flatMap((unit) => (unit.address ? [{ unit_id: unit.id, address: unit.address }] : [])));
      await writeAudit(
        trx,
        caller,
        batch.map((unit) => ({
          operation: 'importOrgUnits',
          entityType: 'OrgUnit',
          entityId: unit.id,
          before: null,
          after: { code: unit.code, name: unit.name, kind: unit.kind, parentId: unit.parent_id, establishedOn: unit.established_on, decisionNumber: unit.established_decision, address: unit.address },
        })),
      );
    }
    return { ...base, status: 'DONE', createdCount: units.length, message: null };
  });
}
