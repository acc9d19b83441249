import DataLoader from 'dataloader';
import { isUuid } from './errors.ts';

/**
 * A per-request loader of rows by UUID key: one SQL statement per batch, answers in key order,
 * null for keys with no row (or none the caller may see).
 */
export function rowLoader<Row>(
  fetchRows: (keys: readonly string[]) => Promise<Row[]>,
  keyOf: (row: Row) => string,
): DataLoader<string, Row | null> {
  return new DataLoader(async (keys) => {
    // Ids arrive unchecked through _entities too: a malformed one simply has no row.
    const valid = keys.filter(isUuid);
    const byKey = new Map((valid.length > 0 ? await fetchRows(valid) : []).map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** A per-request loader of the rows belonging to each key (children of a parent, reviews of a member). */
export function groupLoader<Row>(
  fetchRows: (keys: readonly string[]) => Promise<Row[]>,
  groupOf: (row: Row) => string,
): DataLoader<string, Row[]> {
  return new DataLoader(async (keys) => {
    const groups = new Map<string, Row[]>(keys.map((key) => [key, []]));
    const valid = keys.filter(isUuid);
    for (const row of valid.length > 0 ? await fetchRows(valid) : []) groups.get(groupOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}
