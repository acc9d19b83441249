import type pg from 'pg';

/**
 * Which steps of which data set a database already holds. Kept in the subgraph's own database and
 * written in the same transaction as the step's rows, so a step is either loaded and checkpointed or
 * neither: a rerun skips exactly what was committed. Tooling state, not part of the service's schema.
 */
export async function ensureCheckpointTable(client: pg.ClientBase): Promise<void> {
  await client.query(`CREATE TABLE IF NOT EXISTS datagen_checkpoint (
    dataset text NOT NULL,
    step text NOT NULL,
    rows bigint NOT NULL,
    done_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dataset, step)
  )`);
}

export async function completedSteps(client: pg.ClientBase, dataset: string): Promise<Set<string>> {
  const result = await client.query<{ step: string }>('SELECT step FROM datagen_checkpoint WHERE dataset = $1', [dataset]);
  return new Set(result.rows.map((row) => row.step));
}

export async function recordStep(client: pg.ClientBase, dataset: string, step: string, rows: number): Promise<void> {
  await client.query('INSERT INTO datagen_checkpoint (dataset, step, rows) VALUES ($1, $2, $3)', [dataset, step, rows]);
}

export function chunkStep(index: number): string {
  return `chunk:${String(index).padStart(6, '0')}`;
}

export const FINISH_STEP = 'finish';
