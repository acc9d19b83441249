import { spawn, type ChildProcess } from 'node:child_process';

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

export interface SpawnOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Use `env` as the whole environment instead of adding it to ours. */
  replaceEnv?: boolean;
  /** Where the process's output goes, line by line, already prefixed with its name. */
  log?: (line: string) => void;
}

/** Starts a child with its output prefixed, so several services can share one terminal. */
export function spawnManaged(name: string, command: string, args: string[], options: SpawnOptions): ManagedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.replaceEnv ? options.env : { ...process.env, ...options.env },
    // The IPC channel closes when we die, even by SIGKILL: our services stop on 'disconnect'.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const log = options.log ?? ((line: string) => console.log(line));
  const forward = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) log(`[${name}] ${line}`);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, child, exited };
}

/** Asks a process to stop (SIGTERM), and kills it if it has not after `graceMs` (beyond the services' own 8 s drain). */
export async function stopManaged(process: ManagedProcess, graceMs = 10_000): Promise<void> {
  if (process.child.exitCode !== null || process.child.signalCode !== null) return;
  process.child.kill('SIGTERM');
  const timer = setTimeout(() => process.child.kill('SIGKILL'), graceMs);
  await process.exited;
  clearTimeout(timer);
}

/** Polls a URL until it answers 2xx, or fails with the last error after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs = 60_000, stillRunning?: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (stillRunning && !stillRunning()) throw new Error(`The process serving ${url} exited before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not become ready in ${timeoutMs} ms: ${lastError}`);
}
