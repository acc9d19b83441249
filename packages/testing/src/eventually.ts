/** Polls `probe` until it returns `expected` (deep-equal by JSON), or fails with the last value after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T>, expected: T, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Still ${JSON.stringify(last)} after ${timeoutMs} ms, expected ${JSON.stringify(expected)}`);
}
