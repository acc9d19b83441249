import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { CliError, connect, CONNECTION_OPTIONS, CONNECTION_USAGE, progressLine, textTable, type CliIo } from './cli-client.ts';

export const IMPORT_USAGE = `Cách dùng:
  pnpm run import -- --file danh-sach.xlsx --unit <mã định danh đơn vị> [--mode valid-only|all-or-nothing] [--dry-run]
Nhập danh sách đảng viên (.xlsx hoặc .csv) vào đơn vị đã chọn: kiểm tra mọi dòng, in báo cáo lỗi,
rồi nhập các dòng hợp lệ (valid-only, mặc định) hoặc không nhập gì nếu còn lỗi (all-or-nothing).
Cột được ghép theo lần chọn trước của bạn, hoặc theo tên cột.
${CONNECTION_USAGE}`;

const PREVIEW = `query ($file: SpreadsheetFileInput!) { memberImportPreview(file: $file) { rowCount remembered mapping { header field } } }`;
const IMPORT = `mutation ($input: MemberImportInput!) { importMembers(input: $input) { id status } }`;
const JOB = `query ($id: ID!) { memberImportJob(id: $id) { id status totalRows validRows processedRows createdCount unchangedCount skippedCount message problems { row column severity problem suggestion } } }`;

interface Job {
  id: string;
  status: string;
  totalRows: number;
  validRows: number;
  processedRows: number;
  createdCount: number;
  unchangedCount: number;
  skippedCount: number;
  message: string | null;
  problems?: { row: number; column: string | null; severity: string; problem: string; suggestion: string | null }[];
}

const SEVERITY = { ERROR: 'Lỗi', WARNING: 'Đã sửa' } as Record<string, string>;

/** Runs `pnpm run import`; returns the exit code (0 done, 1 usage or connection, 2 rows refused or failed). */
export async function runImportCli(argv: readonly string[], io: CliIo, pollDelayMs = 500): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv[0] === '--' ? argv.slice(1) : [...argv],
      options: { ...CONNECTION_OPTIONS, file: { type: 'string', short: 'f' }, unit: { type: 'string' }, mode: { type: 'string' }, 'dry-run': { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${IMPORT_USAGE}\n`);
    return 1;
  }
  if (values.help) return io.stdout(`${IMPORT_USAGE}\n`), 0;
  const mode = { 'valid-only': 'VALID_ONLY', 'all-or-nothing': 'ALL_OR_NOTHING' }[values.mode ?? 'valid-only'];
  if (!values.file || !values.unit || !mode) {
    io.stderr(`Thiếu --file hoặc --unit, hoặc --mode không đúng.\n${IMPORT_USAGE}\n`);
    return 1;
  }
  try {
    const file = { name: basename(values.file), contentBase64: (await readFile(values.file)).toString('base64') };
    const connection = await connect(values, io.env);
    const { memberImportPreview: preview } = await connection.post<{ memberImportPreview: { rowCount: number; remembered: boolean; mapping: { header: string; field: string | null }[] } }>(PREVIEW, { file });
    io.stdout(`Tệp ${file.name}: ${preview.rowCount} dòng. Ghép cột (${preview.remembered ? 'như lần trước' : 'theo tên cột'}):\n`);
    io.stdout(`${textTable(['Cột trong tệp', 'Trường'], preview.mapping.map((entry) => [entry.header, entry.field ?? '(bỏ qua)']))}\n\n`);
    const { importMembers: started } = await connection.post<{ importMembers: { id: string } }>(IMPORT, { input: { file, unitId: values.unit, mode, dryRun: values['dry-run'] === true } });
    const poll = async () => (await connection.post<{ memberImportJob: Job }>(JOB, { id: started.id })).memberImportJob;
    io.stderr('Đang kiểm tra từng dòng…\n');
    let job = await poll();
    while (job.status === 'VALIDATING') {
      await new Promise((resolve) => setTimeout(resolve, pollDelayMs));
      job = await poll();
    }
    const problems = job.problems ?? [];
    if (problems.length > 0) {
      io.stdout(`${textTable(['Dòng', 'Cột', 'Mức', 'Vấn đề', 'Gợi ý'], problems.map((problem) => [String(problem.row), problem.column ?? '', SEVERITY[problem.severity] ?? problem.severity, problem.problem, problem.suggestion ?? '']))}\n\n`);
    }
    while (job.status === 'RUNNING') {
      io.stderr(progressLine(job.processedRows, job.totalRows));
      await new Promise((resolve) => setTimeout(resolve, pollDelayMs));
      job = await poll();
    }
    // Also when the job wrote everything between two polls: the clerk always sees the finished bar.
    if (job.status === 'DONE') io.stderr(`${progressLine(job.processedRows, job.totalRows)}\n`);
    const verdict: Record<string, string> = {
      VALIDATED: 'Chỉ kiểm tra (--dry-run): chưa ghi gì.',
      REFUSED: 'Không nhập dòng nào vì còn dòng lỗi.',
      DONE: 'Đã nhập xong.',
      FAILED: 'Nhập không thành công: không có dòng nào được ghi.',
    };
    io.stdout(`${verdict[job.status] ?? job.status}${job.message ? ` ${job.message}` : ''}\n`);
    io.stdout(`Tổng ${job.totalRows} dòng: ${job.validRows} hợp lệ, ${job.createdCount} đảng viên mới, ${job.unchangedCount} đã có (giữ nguyên), ${job.skippedCount} dòng lỗi.\n`);
    return job.status === 'DONE' || job.status === 'VALIDATED' ? 0 : 2;
  } catch (error) {
    if (!(error instanceof CliError) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    io.stderr(`${error instanceof CliError ? error.message : `Không mở được tệp ${values.file}.`}\n`);
    return 1;
  }
}
