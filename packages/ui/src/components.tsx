import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GraphQLRequestError } from './graphql.ts';
import css from './styles.css?inline';

/**
 * Inlined and hoisted by React 19 (deduplicated by href): remotes' CSS files are not
 * loaded when the shell mounts them, but a style element rendered from JS always is.
 */
export function UiStyles() {
  return (
    <style href="dangvien-ui" precedence="default">
      {css}
    </style>
  );
}

export function Page({ title, toolbar, children }: { title: ReactNode; toolbar?: ReactNode; children?: ReactNode }) {
  return (
    <section className="dv-page">
      <UiStyles />
      <h1 className="dv-page__title">{title}</h1>
      {toolbar ? <div className="dv-page__toolbar">{toolbar}</div> : null}
      {children}
    </section>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="dv-loading" role="status" aria-live="polite">
      <UiStyles />
      {label ?? t('common.loading')}
    </p>
  );
}

export function ErrorMessage({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  const code = error instanceof GraphQLRequestError ? error.code : 'UNKNOWN';
  return (
    <div className="dv-error" role="alert">
      <UiStyles />
      <h2 className="dv-error__title">{title ?? t('common.errorTitle')}</h2>
      <p className="dv-error__text">{t(`error.${code}`, { defaultValue: t('error.UNKNOWN') })}</p>
      {onRetry ? (
        <button type="button" className="dv-button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
}

export function DataTable<Row>(props: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  emptyText?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { caption, columns, rows, rowKey, emptyText, testId } = props;
  return (
    // Focusable region so keyboard users can scroll a wide table on small screens.
    <div className="dv-table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <UiStyles />
      <table className="dv-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.numeric ? 'dv-num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="dv-muted">
                {emptyText ?? t('common.empty')}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td key={column.header} className={column.numeric ? 'dv-num' : undefined}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
