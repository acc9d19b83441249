import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root (the folder holding pnpm-workspace.yaml), found from the working directory up. */
export function workspaceRoot(from = process.cwd()): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No pnpm-workspace.yaml above ${from}`);
  }
}

/** Where the embedded PostgreSQL keeps its cluster: `.data/postgres` (git-ignored) unless DANGVIEN_DATA_DIR says otherwise. */
export function embeddedDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DANGVIEN_DATA_DIR ? path.resolve(env.DANGVIEN_DATA_DIR) : path.join(workspaceRoot(), '.data', 'postgres');
}
