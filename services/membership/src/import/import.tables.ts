import type { ColumnType, Kysely, Selectable } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { ColumnMapping } from './columns.ts';

/** The import's own tables (migration 2026_11_23_12_00_00_create_member_import). */
export interface MemberImportTables {
  member_import_job: {
    id: string;
    actor_subject: string;
    unit_id: string;
    file_name: string;
    mode: 'VALID_ONLY' | 'ALL_OR_NOTHING';
    dry_run: boolean;
    status: 'VALIDATING' | 'VALIDATED' | 'REFUSED' | 'RUNNING' | 'DONE' | 'FAILED';
    total_rows: ColumnType<number, number | undefined, number>;
    valid_rows: ColumnType<number, number | undefined, number>;
    processed_rows: ColumnType<number, number | undefined, number>;
    created_count: ColumnType<number, number | undefined, number>;
    unchanged_count: ColumnType<number, number | undefined, number>;
    skipped_count: ColumnType<number, number | undefined, number>;
    problems: ColumnType<unknown[], string, string>;
    message: string | null;
    created_at: ColumnType<Date, never, never>;
    finished_at: Date | null;
  };
  import_column_mapping: {
    actor_subject: string;
    header_key: string;
    mapping: ColumnType<ColumnMapping[], string, string>;
    updated_at: ColumnType<Date, never, Date>;
  };
}

export type ImportJobRow = Selectable<MemberImportTables['member_import_job']>;

/** The same database, seen with the import's tables. */
export function importTables(db: Kysely<MembershipDatabase>): Kysely<MembershipDatabase & MemberImportTables> {
  return db as unknown as Kysely<MembershipDatabase & MemberImportTables>;
}
