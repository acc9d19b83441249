import { migrateToLatest, createKysely, type SubgraphName } from '@dangvien/db';
import cliProgress from 'cli-progress';
import pg from 'pg';
import { chunkCount, generateChunk } from '../generate/chunk.ts';
import type { Chunk } from '../generate/model.ts';
import type { Plan } from '../generate/tree.ts';
import { chunkStep, completedSteps, ensureCheckpointTable, FINISH_STEP, recordStep } from './checkpoint.ts';
import { copyWriter } from './copy-writer.ts';
import { SUBGRAPH_LOADERS, type SubgraphLoader } from './subgraphs.ts';

export interface LoadOptions {
  plan: Plan;
  /** Names the data set in the checkpoints: a rerun with the same name resumes. */
  dataset: string;
  databaseUrls: Record<SubgraphName, string>;
  /** Show a progress bar (the command line); tests pass false. */
  progress?: boolean;
  /** Without a progress bar: told about every twentieth of the way (logs of long runs). */
  log?: (line: string) => void;
  /** Stop (throwing LoadInterrupted) once this many chunk steps have committed in this run: how tests interrupt a run. */
  stopAfterSteps?: number;
}

export interface LoadSummary {
  /** Rows copied in this run, by subgraph and table (a resumed run counts only what it added). */
  rows: Record<string, number>;
  chunks: number;
  skippedSteps: number;
  seconds: number;
}

export class LoadInterrupted extends Error {}

/** The databases cannot take this data set (the message says why, for the person running the command). */
export class LoadRefused extends Error {}

/** Runs each subgraph's migrations (as its service does on start). */
export async function migrateSubgraphs(databaseUrls: Record<SubgraphName, string>): Promise<void> {
  for (const loader of SUBGRAPH_LOADERS) {
    const db = createKysely<unknown>(databaseUrls[loader.name], { maxConnections: 1 });
    try {
      await migrateToLatest(db, loader.migrations);
    } finally {
      await db.destroy();
    }
  }
}

/**
 * Loads the plan's chunks into the three subgraph databases, each through its own bulk module, one
 * transaction per chunk and subgraph with its checkpoint. The next chunk is generated while the
 * databases take the current one. Already checkpointed steps are skipped: rerunning resumes.
 */
export async function loadDataSet(options: LoadOptions): Promise<LoadSummary> {
  const started = Date.now();
  const clients = new Map<SubgraphName, pg.Client>();
  const rows: Record<string, number> = {};
  const bar = options.progress
    ? new cliProgress.SingleBar({ format: 'Nạp dữ liệu {bar} {percentage}% | {value}/{total} phần | {members} đảng viên | {eta_formatted} còn lại', etaBuffer: 20 }, cliProgress.Presets.shades_classic)
    : undefined;
  let stepsThisRun = 0;
  let skippedSteps = 0;
  let membersLoaded = 0;
  try {
    const done = new Map<SubgraphName, Set<string>>();
    for (const loader of SUBGRAPH_LOADERS) {
      const client = new pg.Client({ connectionString: options.databaseUrls[loader.name] });
      await client.connect();
      // A chunk and its checkpoint commit together, so a commit lost in a server crash is simply loaded again on rerun.
      await client.query('SET synchronous_commit = off');
      clients.set(loader.name, client);
      await ensureCheckpointTable(client);
      await refuseOverlappingDataSet(client, options.dataset);
      done.set(loader.name, await completedSteps(client, options.dataset));
    }
    const total = chunkCount(options.plan);
    bar?.start(total, 0, { members: 0 });
    const pendingLoaders = (index: number): SubgraphLoader[] => SUBGRAPH_LOADERS.filter((loader) => !done.get(loader.name)!.has(chunkStep(index)));

    const loadChunk = async (chunk: Chunk, loaders: readonly SubgraphLoader[]): Promise<void> => {
      await Promise.all(
        loaders.map((loader) =>
          inTransaction(clients.get(loader.name)!, async (client) => {
            let copied = 0;
            const writer = copyWriter(client, (table, count) => {
              copied += count;
              rows[`${loader.name}.${table}`] = (rows[`${loader.name}.${table}`] ?? 0) + count;
            });
            await loader.loadChunk(writer, chunk);
            await recordStep(client, options.dataset, chunkStep(chunk.index), copied);
          }),
        ),
      );
      stepsThisRun += loaders.length;
      membersLoaded += chunk.members.length;
      bar?.increment(1, { members: membersLoaded });
      const every = Math.max(1, Math.round(total / 20));
      if (!bar && options.log && (chunk.index + 1) % every === 0) {
        options.log(`${chunk.index + 1}/${total} phần, ${membersLoaded} đảng viên trong lần chạy này, ${((Date.now() - started) / 1000).toFixed(0)} giây`);
      }
    };

    let inFlight: Promise<void> = Promise.resolve();
    for (let index = 0; index < total; index++) {
      const loaders = pendingLoaders(index);
      skippedSteps += SUBGRAPH_LOADERS.length - loaders.length;
      if (loaders.length === 0) {
        bar?.increment(1);
        continue;
      }
      // Generate this chunk while the databases still take the previous one.
      const chunk = generateChunk(options.plan, index);
      await inFlight;
      if (options.stopAfterSteps !== undefined && stepsThisRun >= options.stopAfterSteps) throw new LoadInterrupted(`Stopped after ${stepsThisRun} steps, as asked.`);
      inFlight = loadChunk(chunk, loaders);
    }
    await inFlight;

    for (const loader of SUBGRAPH_LOADERS) {
      if (done.get(loader.name)!.has(FINISH_STEP)) continue;
      await inTransaction(clients.get(loader.name)!, async (client) => {
        const counts = Object.fromEntries(
          (await client.query<{ step: string; rows: string }>('SELECT step, rows FROM datagen_checkpoint WHERE dataset = $1', [options.dataset])).rows.map((row) => [row.step, Number(row.rows)]),
        );
        const totalRows = Object.values(counts).reduce((sum, n) => sum + n, 0);
        await loader.finish(copyWriter(client, () => undefined), options.dataset, { chunks: Object.keys(counts).length, rows: totalRows });
        await recordStep(client, options.dataset, FINISH_STEP, 0);
      });
      // Fresh statistics (the planner otherwise sees the tables as they were before the load), and the
      // visibility map set, so the first readers neither rewrite every page's hint bits nor miss index-only scans.
      await clients.get(loader.name)!.query('VACUUM (ANALYZE)');
    }
    return { rows, chunks: total, skippedSteps, seconds: (Date.now() - started) / 1000 };
  } finally {
    bar?.stop();
    await Promise.all([...clients.values()].map((client) => client.end()));
  }
}

/**
 * Generated ids are numbered the same way at every scale and seed (only the demo start's district has
 * a block of its own), so two generated data sets cannot share databases: say so before loading anything.
 */
async function refuseOverlappingDataSet(client: pg.Client, dataset: string): Promise<void> {
  const isDemo = (name: string): boolean => name.endsWith(':demo');
  const others = (await client.query<{ dataset: string }>('SELECT DISTINCT dataset FROM datagen_checkpoint WHERE dataset <> $1', [dataset])).rows.map((row) => row.dataset);
  const clash = others.find((other) => isDemo(other) === isDemo(dataset));
  if (clash) throw new LoadRefused(`Cơ sở dữ liệu ${client.database ?? ''} đã có bộ dữ liệu sinh "${clash}": mỗi lần chỉ nạp một bộ (${dataset}); dùng --prefix khác hoặc cơ sở dữ liệu mới.`);
}

async function inTransaction(client: pg.Client, work: (client: pg.Client) => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
