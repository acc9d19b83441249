import type { GraphQLResolverMap } from '@apollo/subgraph';
import { requireId } from '@dangvien/server';
import type { MembershipContext } from '../context.ts';
import { exportMemberRegister } from '../export/member-export.ts';
import type { ImportJobRow } from './import-tables.ts';
import { findImportJob, mappingFor, startMemberImport, type MemberImportInput } from './member-import.ts';
import { readSpreadsheet, type SpreadsheetFile } from '@dangvien/spreadsheet';

const SAMPLE_ROWS = 5;

export const importResolvers: GraphQLResolverMap<MembershipContext> = {
  Query: {
    memberImportPreview: async (_source, args: { file: SpreadsheetFile }, context) => {
      const sheet = await readSpreadsheet(args.file);
      const { mapping, remembered } = await mappingFor(context.db, context.caller, sheet.headers);
      return {
        headers: sheet.headers,
        rowCount: sheet.rows.length,
        sampleRows: sheet.rows.slice(0, SAMPLE_ROWS).map((row) => sheet.headers.map((_header, index) => row.cells[index]?.text ?? '')),
        mapping,
        remembered,
      };
    },
    memberImportJob: async (_source, args: { id: string }, context) => (await findImportJob(context.db, context.caller, requireId(args.id))) ?? null,
    memberRegisterExport: (_source, args: { unitId: string }, context) => exportMemberRegister(context.db, context.caller, args.unitId),
  },
  Mutation: {
    importMembers: (_source, args: { input: MemberImportInput }, context) => startMemberImport(context.db, context.caller, args.input),
  },
  MemberImportJob: {
    fileName: (job: ImportJobRow) => job.file_name,
    unitId: (job: ImportJobRow) => job.unit_id,
    dryRun: (job: ImportJobRow) => job.dry_run,
    totalRows: (job: ImportJobRow) => job.total_rows,
    validRows: (job: ImportJobRow) => job.valid_rows,
    processedRows: (job: ImportJobRow) => job.processed_rows,
    createdCount: (job: ImportJobRow) => job.created_count,
    unchangedCount: (job: ImportJobRow) => job.unchanged_count,
    skippedCount: (job: ImportJobRow) => job.skipped_count,
  },
};
