import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type ParentCommand =
  | { type: 'startLog' }
  | { type: 'stopLog' }
  | { type: 'connect'; producers: Record<string, string> }
  | { type: 'catchUp' }
  /** Memory after a full collection (the process runs with --expose-gc), for the soak. */
  | { type: 'memory' };

export type ChildReply =
  | { type: 'ready'; url: string }
  | { type: 'ok' }
  | { type: 'statements'; statements: string[]; milliseconds: number[] }
  | { type: 'memory'; rss: number; heapUsed: number };

/** The answer to `memory`: a full collection first when the process allows it, so heapUsed is what is really kept. */
export function memoryReply(): ChildReply {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { type: 'memory', rss, heapUsed };
}

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

/** A server process of the benchmark, talking to the harness over IPC (one command at a time). */
export interface BenchProcess {
  name: string;
  url: string;
  child: ChildProcess;
  ask(command: ParentCommand): Promise<ChildReply>;
  stop(): Promise<void>;
}

/** Forks `servers/<script>` under tsx and waits for its `ready` message. */
export async function startBenchProcess(name: string, script: string, args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void, nodeOptions: string[] = []): Promise<BenchProcess> {
  const child = fork(path.join(here, 'servers', script), args, {
    cwd: root,
    execArgv: ['--import', 'tsx', ...nodeOptions],
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const forward = (chunk: Buffer): void => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) log(`[${name}] ${line}`);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  const waiting: ((reply: ChildReply) => void)[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 120 s`)), 120_000);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready`)));
    child.on('message', (reply: ChildReply) => {
      if (reply.type === 'ready') {
        clearTimeout(timer);
        resolve(reply.url);
      } else waiting.shift()?.(reply);
    });
  });
  return {
    name,
    url,
    child,
    ask: (command) =>
      new Promise((resolve) => {
        waiting.push(resolve);
        child.send(command);
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
