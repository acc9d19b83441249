import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { compareVietnameseText, matchesSearch } from '../vietnamese.ts';
import { nodeText, sheetRows, type ExportValue } from './export-text.ts';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
  /** Makes the column sortable: text sorts the Vietnamese way with numbers as numbers ("xóm 2" before "xóm 12"). */
  sortValue?: (row: Row) => string | number | null | undefined;
  /** The value the .xlsx export writes; by default the text the cell shows. */
  exportValue?: (row: Row) => ExportValue;
}

/** Rows above which the body is virtualized (only the rows in view are in the page). */
const VIRTUALIZE_FROM = 200;
const ROW_HEIGHT = 52;

export function compareSortValues(a: string | number | null | undefined, b: string | number | null | undefined): number {
  if (a == null || a === '') return b == null || b === '' ? 0 : 1; // blanks last
  if (b == null || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareVietnameseText(String(a), String(b));
}

/**
 * The one table: a captioned, keyboard-scrollable table whose sortable headers are buttons, with an
 * optional search (`searchText`: diacritic-insensitive, word starts), paging (`pageSize`), and a
 * virtualized body for long lists. Row order is the caller's until a header is clicked.
 */
export function DataTable<Row>(props: {
  caption: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  emptyText?: string;
  testId?: string;
  /** Text a search matches against; the search box is the caller's (`search`). */
  searchText?: (row: Row) => string;
  search?: string;
  pageSize?: number;
  /** Offers "Xuất Excel": the rows as sorted and filtered (every page), under the column headers. */
  exportFileName?: string;
}) {
  const { t } = useTranslation();
  const { caption, columns, rows, rowKey, emptyText, testId, searchText, search = '', pageSize, exportFileName } = props;
  const [sorting, setSorting] = useState<SortingState>([]);
  const columnDefs = useMemo<ColumnDef<Row>[]>(
    () =>
      columns.map((column, index) => ({
        id: String(index),
        header: column.header,
        accessorFn: column.sortValue ?? (() => null),
        enableSorting: Boolean(column.sortValue),
        sortingFn: (left, right, id) => compareSortValues(left.getValue(id), right.getValue(id)),
        cell: (context) => column.cell(context.row.original),
        meta: { numeric: column.numeric },
      })),
    [columns],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the table object is recreated each render on purpose
  const table = useReactTable<Row>({
    data: rows as Row[],
    columns: columnDefs,
    state: { sorting, globalFilter: search },
    onSortingChange: setSorting,
    getRowId: (row) => rowKey(row),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    globalFilterFn: (row, _id, query: string) => !searchText || matchesSearch(searchText(row.original), query),
    ...(pageSize ? { getPaginationRowModel: getPaginationRowModel(), initialState: { pagination: { pageIndex: 0, pageSize } } } : {}),
    autoResetPageIndex: true,
  });
  const visibleRows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = !pageSize && visibleRows.length > VIRTUALIZE_FROM;
  const virtualizer = useVirtualizer({
    count: virtual ? visibleRows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtual ? virtualizer.getVirtualItems() : [];
  const shown = virtual ? items.map((item) => visibleRows[item.index]).filter((row) => row !== undefined) : visibleRows;
  const paddingTop = virtual ? (items[0]?.start ?? 0) : 0;
  const paddingBottom = virtual ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;

  const exportRows = () =>
    sheetRows(
      columns.map((column) => ({ header: column.header, value: column.exportValue ?? ((row: Row) => nodeText(column.cell(row))) })),
      table.getPrePaginationRowModel().rows.map((row) => row.original),
    );

  return (
    <div>
      {exportFileName ? <ExportButton fileName={exportFileName} title={caption} rows={exportRows} testId={testId ? `${testId}-export` : undefined} /> : null}
      {/* Focusable region so keyboard users can scroll a wide table on small screens. */}
      <div ref={scrollRef} className={`dv-table-wrap${virtual ? ' dv-table-wrap--virtual' : ''}`} role="region" aria-label={caption} tabIndex={0}>
        <table className="dv-table" data-testid={testId} aria-rowcount={virtual ? visibleRows.length + 1 : undefined}>
          <caption>{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const numeric = (header.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={numeric ? 'dv-num' : undefined}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <button type="button" className="dv-sort" onClick={header.column.getToggleSortingHandler()}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ⇅'}</span>
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {paddingTop > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={columns.length} style={{ height: paddingTop, padding: 0, border: 0 }} />
              </tr>
            ) : null}
            {shown.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="dv-muted">
                  {emptyText ?? t('common.empty')}
                </td>
              </tr>
            ) : (
              shown.map((row) => (
                <tr key={row.id}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={(cell.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric ? 'dv-num' : undefined}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))
            )}
            {paddingBottom > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={columns.length} style={{ height: paddingBottom, padding: 0, border: 0 }} />
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {pageSize && table.getPageCount() > 1 ? (
        <nav className="dv-pager" aria-label={t('table.pages')}>
          <button type="button" className="dv-button dv-button--secondary" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
            {t('table.previous')}
          </button>
          <span>{t('table.page', { page: table.getState().pagination.pageIndex + 1, count: table.getPageCount() })}</span>
          <button type="button" className="dv-button dv-button--secondary" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
            {t('table.next')}
          </button>
        </nav>
      ) : null}
    </div>
  );
}

/** "Xuất Excel": exceljs is loaded on the first click (export.ts), not with the page. */
function ExportButton({ fileName, title, rows, testId }: { fileName: string; title: string; rows: () => ExportValue[][]; testId?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const run = async () => {
    setState('busy');
    try {
      const { downloadXlsx } = await import('./export.ts');
      await downloadXlsx(fileName, title, rows());
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <div className="dv-table-export">
      {/* Named with the table's caption: a page often has several tables, each with its own button. */}
      <button type="button" className="dv-button dv-button--secondary" data-testid={testId} aria-label={`${t('table.export')}: ${title}`} disabled={state === 'busy'} onClick={() => void run()}>
        {state === 'busy' ? t('table.exporting') : t('table.export')}
      </button>
      {state === 'failed' ? (
        <span role="alert" className="dv-field__error">
          {t('table.exportFailed')}
        </span>
      ) : null}
    </div>
  );
}
