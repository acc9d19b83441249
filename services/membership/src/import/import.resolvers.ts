import { readSpreadsheet } from '@dangvien/spreadsheet';
import { requireId } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import { storedProblems } from './import.tables.ts';
import { findImportJob, mappingFor, startMemberImport } from './member-import.ts';

const SAMPLE_ROWS = 5;

export const importResolvers: Resolvers = {
  Query: {
    memberImportPreview: async (_source, args, context) => {
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
    memberImportJob: async (_source, args, context) => (await findImportJob(context.db, context.caller, requireId(args.id))) ?? null,
  },
  Mutation: {
    importMembers: (_source, args, context) => startMemberImport(context.db, context.caller, args.input),
  },
  MemberImportJob: {
    fileName: (job) => job.file_name,
    unitId: (job) => job.unit_id,
    dryRun: (job) => job.dry_run,
    totalRows: (job) => job.total_rows,
    validRows: (job) => job.valid_rows,
    processedRows: (job) => job.processed_rows,
    createdCount: (job) => job.created_count,
    unchangedCount: (job) => job.unchanged_count,
    skippedCount: (job) => job.skipped_count,
    problems: (job) => storedProblems(job.problems),
  },
};
