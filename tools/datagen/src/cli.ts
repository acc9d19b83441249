import { embeddedDataDir, startEmbeddedPostgres, type EmbeddedServer } from '@dangvien/db';
import { formatMemberCountReport, memberCountReport } from './load/member-counts.ts';
import { planDataSet } from './generate/tree.ts';
import { isScaleName, SCALES } from './generate/scales.ts';
import { databaseSizes, subgraphDatabases } from './load/databases.ts';
import { loadDataSet, LoadRefused, migrateSubgraphs } from './load/load.ts';

/**
 * `pnpm run generate -- --scale district|province|national [--seed N] [--database-url URL] [--prefix P]`:
 * generates the data set and loads it into the three subgraph databases (`<P>organization`, … on the
 * server at URL; default DATABASE_URL, else the stack's embedded PostgreSQL), then checks that member
 * counts per unit agree across subgraphs and replicas. Rerunning resumes an interrupted load.
 */
const USAGE = 'Cách dùng: pnpm run generate -- --scale district|province|national [--seed N] [--database-url postgres://…] [--prefix tên_] [--no-progress]';

function option(name: string): string | undefined {
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  const index = args.indexOf(`--${name}`);
  if (index >= 0) return args[index + 1];
  return args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const scaleName = option('scale') ?? '';
const seed = Number(option('seed') ?? 2026);
if (!isScaleName(scaleName) || !Number.isInteger(seed)) {
  console.error(`Thiếu hoặc sai --scale/--seed.\n${USAGE}`);
  process.exit(2);
}
const prefix = option('prefix') ?? '';
if (!/^[a-z0-9_]*$/.test(prefix)) {
  console.error('--prefix chỉ gồm chữ thường không dấu, số và dấu gạch dưới.');
  process.exit(2);
}

let embedded: EmbeddedServer | undefined;
try {
  let serverUrl = option('database-url') ?? process.env.DATABASE_URL;
  if (!serverUrl) {
    console.log(`Khởi động PostgreSQL nhúng (${embeddedDataDir()})…`);
    embedded = await startEmbeddedPostgres({ dataDir: embeddedDataDir(), whenRunning: 'reuse' });
    serverUrl = embedded.url;
  }
  const databaseUrls = await subgraphDatabases(serverUrl, prefix);
  await migrateSubgraphs(databaseUrls);
  const scale = SCALES[scaleName];
  const dataset = `${scale.name}:${seed}`;
  console.log(`Sinh và nạp quy mô ${scale.name} (seed ${seed}) vào ${Object.values(databaseUrls).map((url) => new URL(url).pathname.slice(1)).join(', ')}…`);
  const progress = process.stdout.isTTY && !process.argv.includes('--no-progress');
  const summary = await loadDataSet({ plan: planDataSet(scale, seed), dataset, databaseUrls, progress, log: (line) => console.log(`  ${new Date().toISOString().slice(11, 19)} ${line}`) });
  console.log(`Nạp xong trong ${summary.seconds.toFixed(1)} giây (${summary.chunks} phần; ${summary.skippedSteps} bước đã có từ lần chạy trước).`);
  for (const [table, rows] of Object.entries(summary.rows).sort()) console.log(`  ${table.padEnd(36)} ${String(rows).padStart(11)} dòng`);
  const sizes = await databaseSizes(databaseUrls);
  const totalSize = Object.values(sizes).reduce((sum, n) => sum + n, 0);
  console.log(`Dung lượng: ${Object.entries(sizes).map(([name, bytes]) => `${name} ${(bytes / 2 ** 20).toFixed(0)} MB`).join(', ')}; tổng ${(totalSize / 2 ** 20).toFixed(0)} MB`);
  console.log('Kiểm tra nhất quán…');
  const report = await memberCountReport(databaseUrls);
  console.log(formatMemberCountReport(report));
  process.exitCode = report.ok ? 0 : 1;
} catch (error) {
  console.error(error instanceof LoadRefused ? error.message : error);
  process.exitCode = 1;
} finally {
  await embedded?.stop();
}
