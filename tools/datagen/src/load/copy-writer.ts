import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | null | Record<string, unknown>;

/** The writer a subgraph's bulk module receives: COPY and plain SQL on one connection, inside the chunk's transaction. */
export interface CopyWriter {
  copy(table: string, columns: readonly string[], rows: readonly (readonly CopyValue[])[]): Promise<void>;
  query(text: string, params?: readonly unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field in COPY's text format: \N for null, t/f, JSON for objects, with backslash, tab and newlines escaped. */
export function encodeCopyValue(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/[\\\t\n\r]/g, (character) => ESCAPES[character]!);
}

/** Rows as COPY text, in pieces of about a megabyte, so a large table streams instead of building one string. */
function* copyText(rows: readonly (readonly CopyValue[])[]): Generator<string> {
  let piece = '';
  for (const row of rows) {
    piece += `${row.map(encodeCopyValue).join('\t')}\n`;
    if (piece.length > 1_000_000) {
      yield piece;
      piece = '';
    }
  }
  if (piece.length > 0) yield piece;
}

/** A writer on `client`; `counted` receives the number of rows copied into each table. */
export function copyWriter(client: pg.ClientBase, counted: (table: string, rows: number) => void): CopyWriter {
  return {
    async copy(table, columns, rows) {
      if (rows.length === 0) return;
      const statement = `COPY ${client.escapeIdentifier(table)} (${columns.map((column) => client.escapeIdentifier(column)).join(', ')}) FROM STDIN`;
      await pipeline(Readable.from(copyText(rows)), client.query(copyFrom(statement)));
      counted(table, rows.length);
    },
    async query(text, params = []) {
      const result = await client.query(text, [...params]);
      return { rows: result.rows as Record<string, unknown>[] };
    },
  };
}
