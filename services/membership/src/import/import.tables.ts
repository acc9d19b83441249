import type { Selectable } from 'kysely';
import type { ImportProblem, MemberImportField } from '../generated/graphql.ts';
import type { JsonValue, MemberImportJob } from '../generated/tables.ts';
import { MEMBER_IMPORT_FIELDS, type ColumnMapping } from './columns.ts';

export type ImportJobRow = Selectable<MemberImportJob>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isField = (value: unknown): value is MemberImportField => MEMBER_IMPORT_FIELDS.some((field) => field === value);
const isTextOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';

/** Reads a remembered mapping (jsonb, written by this module); entries it cannot read are left out. */
export function storedMapping(json: JsonValue): ColumnMapping[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((entry) => {
    if (!isRecord(entry) || typeof entry.header !== 'string') return [];
    return [{ header: entry.header, field: isField(entry.field) ? entry.field : null }];
  });
}

/** Reads a job's report (jsonb, written by this module as `ImportProblem`s). */
export function storedProblems(json: JsonValue): ImportProblem[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((entry): ImportProblem[] => {
    if (!isRecord(entry)) return [];
    const { row, code, problem, severity } = entry;
    const column = entry.column ?? null;
    const suggestion = entry.suggestion ?? null;
    if (typeof row !== 'number' || typeof code !== 'string' || typeof problem !== 'string' || !isTextOrNull(column) || !isTextOrNull(suggestion)) return [];
    if (severity !== 'ERROR' && severity !== 'WARNING') return [];
    return [{ row, column, severity, code, problem, suggestion }];
  });
}
