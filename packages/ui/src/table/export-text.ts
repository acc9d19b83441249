import { isValidElement, type ReactNode } from 'react';

/** A value as a spreadsheet cell takes it. */
export type ExportValue = string | number | null | undefined;

/**
 * The text a rendered cell shows, for the export: strings and numbers as they are (a lone number stays a
 * number, so the spreadsheet can sum it), elements by their children, joined as the browser shows them.
 * A component that computes its own text (it is not in its children) needs the column's `exportValue`.
 */
export function nodeText(node: ReactNode): ExportValue {
  if (node === null || node === undefined || typeof node === 'boolean') return null;
  if (typeof node === 'number') return node;
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) {
    const parts = node.map((child) => nodeText(child as ReactNode)).filter((part) => part !== null && part !== undefined && part !== '');
    if (parts.length === 0) return null;
    return parts.length === 1 ? parts[0] : parts.join('');
  }
  if (isValidElement<{ children?: ReactNode }>(node)) return nodeText(node.props.children);
  return null;
}

/** The rows of a sheet: one header row, then each row's values in column order. */
export function sheetRows<Row>(columns: readonly { header: string; value: (row: Row) => ExportValue }[], rows: readonly Row[]): ExportValue[][] {
  return [columns.map((column) => column.header), ...rows.map((row) => columns.map((column) => column.value(row)))];
}

/** A file name that every system accepts, ending in .xlsx. */
export function xlsxFileName(name: string): string {
  const base = name.replace(/\.xlsx$/i, '').replace(/[\\/:*?"<>|]+/g, '-').trim() || 'bang';
  return `${base}.xlsx`;
}
