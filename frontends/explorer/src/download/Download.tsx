import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button } from '@dangvien/ui';
import { parseVariables, type CurrentQuery } from '../current-query.ts';
import { sessionFetch } from '../session-fetch.ts';

type Format = 'csv' | 'xlsx';

interface Progress {
  pages: number;
  rows: number;
  items?: number;
  itemsDone: number;
}

const TYPES: Record<Format, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** An id for the export's progress; crypto.randomUUID exists only on https or localhost. */
const exportId = () => globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

/** The name of the query's (first) operation, for the file name; the editor reports it only once edited. */
const namedOperation = (query: string) => /\b(?:query|subscription)\s+([A-Za-z_]\w*)/.exec(query)?.[1];

const fileSize = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads the editor's query's result as CSV or .xlsx: the gateway's export job runs it (page by
 * page when it is too large for one request) and streams the file; its progress is asked for while
 * the file arrives.
 */
export function Download({ current }: { current: () => CurrentQuery }) {
  const { t } = useTranslation('explorer');
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress>();
  const [received, setReceived] = useState(0);
  const [result, setResult] = useState<{ tone: 'success' | 'danger'; text: string }>();

  const start = async (format: Format) => {
    const { query, variables: text, operationName } = current();
    setResult(undefined);
    let variables: Record<string, unknown>;
    try {
      variables = parseVariables(text);
    } catch (error) {
      setResult({ tone: 'danger', text: t('download.failed', { message: (error as Error).message }) });
      return;
    }
    const id = exportId();
    setRunning(true);
    setProgress(undefined);
    setReceived(0);
    const poll = setInterval(() => {
      sessionFetch(`/explorer/api/exports/${id}`)
        .then(async (response) => (response.ok ? setProgress((await response.json()) as Progress) : undefined))
        .catch(() => undefined);
    }, 700);
    try {
      const response = await sessionFetch('/explorer/api/exports', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables, operationName, format, id }),
      });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => undefined)) as { errors?: { message?: string }[] } | undefined;
        throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`);
      }
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        bytes += value.length;
        setReceived(bytes);
      }
      const name = `ket-qua-${operationName || namedOperation(query) || 'truy-van'}.${format}`;
      save(new Blob(chunks, { type: TYPES[format] }), name);
      setResult({ tone: 'success', text: t('download.done', { name, size: fileSize(bytes) }) });
    } catch (error) {
      const message = error instanceof TypeError ? t('download.interrupted') : t('download.failed', { message: (error as Error).message });
      setResult({ tone: 'danger', text: message });
    } finally {
      clearInterval(poll);
      setRunning(false);
    }
  };

  return (
    <section className="explorer-panel" aria-labelledby="explorer-download-title">
      <h2 id="explorer-download-title" className="explorer-panel__title">
        {t('download.title')}
      </h2>
      <div className="explorer-buttons">
        <Button onClick={() => void start('csv')} disabled={running} data-testid="download-csv">
          {t('download.csv')}
        </Button>
        <Button onClick={() => void start('xlsx')} disabled={running} data-testid="download-xlsx">
          {t('download.xlsx')}
        </Button>
      </div>
      {running ? (
        <div role="status" aria-live="polite" className="explorer-progress">
          <progress
            aria-label={t('download.running')}
            {...(progress?.items ? { value: progress.itemsDone, max: progress.items } : {})}
          />
          <span>
            {progress?.items
              ? t('download.progressItems', { done: progress.itemsDone, items: progress.items, rows: progress.rows.toLocaleString('vi-VN') })
              : t('download.progress', { rows: (progress?.rows ?? 0).toLocaleString('vi-VN'), pages: progress?.pages ?? 0 })}{' '}
            · {fileSize(received)}
          </span>
        </div>
      ) : null}
      {result ? (
        <Alert tone={result.tone} live={result.tone === 'danger' ? 'alert' : 'status'}>
          <span data-testid="download-result">{result.text}</span>
        </Alert>
      ) : null}
      <p className="explorer-muted">{t('download.hint')}</p>
    </section>
  );
}
