/** What a start command (`up`, `up:cluster`) started, stopped in reverse order on Ctrl-C, SIGTERM, an error, or its parent's exit. */
export interface StartedParts {
  /** Remember how to stop one more part. */
  add(...stops: (() => Promise<void>)[]): void;
  /** Stop every part, newest first, and exit. */
  shutdown(reason: string): Promise<void>;
}

export function stopAllOnExit(): StartedParts {
  const stops: (() => Promise<void>)[] = [];
  let stopping = false;
  async function shutdown(reason: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    console.log(`\n${reason}: stopping…`);
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error(error));
    console.log('Stopped.');
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // If whatever started us (npm, a terminal) dies without passing the signal on, stop too.
  const parentPid = process.ppid;
  setInterval(() => {
    if (process.ppid !== parentPid) void shutdown('parent exited');
  }, 1000).unref();
  return { add: (...more) => stops.push(...more), shutdown };
}
