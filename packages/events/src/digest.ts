import { createHash } from 'node:crypto';

/** An order-independent digest of a set of rows, each already rendered as one line: equal sets, equal digests. */
export function setDigest(lines: readonly string[]): { rows: number; digest: string } {
  return { rows: lines.length, digest: createHash('sha256').update([...lines].sort().join('\n')).digest('hex') };
}
