import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CliError, connect, CONNECTION_OPTIONS, CONNECTION_USAGE, type CliIo } from '../import/cli-client.ts';

export const EXPORT_USAGE = `Cách dùng:
  pnpm run export -- --unit <mã định danh đơn vị> --out so-danh-sach.xlsx
Xuất Sổ danh sách đảng viên (14 cột) của đơn vị và các chi bộ trực thuộc ra tệp Excel; tệp nhập lại được.
${CONNECTION_USAGE}`;

/** Runs `pnpm run export`; returns the exit code. */
export async function runExportCli(argv: readonly string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv[0] === '--' ? argv.slice(1) : [...argv], options: { ...CONNECTION_OPTIONS, unit: { type: 'string' }, out: { type: 'string', short: 'o' } }, strict: true }));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${EXPORT_USAGE}\n`);
    return 1;
  }
  if (values.help) return io.stdout(`${EXPORT_USAGE}\n`), 0;
  if (!values.unit) {
    io.stderr(`Thiếu --unit.\n${EXPORT_USAGE}\n`);
    return 1;
  }
  try {
    const connection = await connect(values, io.env);
    const { memberRegisterExport: file } = await connection.post<{ memberRegisterExport: { fileName: string; contentBase64: string; rowCount: number } }>(
      `query ($unitId: ID!) { memberRegisterExport(unitId: $unitId) { fileName contentBase64 rowCount } }`,
      { unitId: values.unit },
    );
    const out = values.out ?? file.fileName;
    await writeFile(out, Buffer.from(file.contentBase64, 'base64'));
    io.stdout(`Đã ghi ${file.rowCount} đảng viên vào ${out}.\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.stderr(`${error.message}\n`);
    return 1;
  }
}
