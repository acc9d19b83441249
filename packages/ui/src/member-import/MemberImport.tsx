import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components.tsx';
import { DataTable } from '../table/DataTable.tsx';
import { graphqlRequest } from '../graphql.ts';
import type { ImportMode, MemberImportField } from '../generated/graphql.ts';
import { addTranslations } from '../i18n.ts';
import { en, vi } from './messages.ts';
import {
  downloadBase64,
  IMPORT_MEMBERS,
  MEMBER_IMPORT_FIELDS,
  MEMBER_IMPORT_JOB,
  MEMBER_IMPORT_PREVIEW,
  MEMBER_REGISTER_EXPORT,
  readAsBase64,
  type ColumnMapping,
  type ImportJob,
  type ImportProblem,
  type Preview,
} from './queries.ts';

addTranslations('memberImport', { vi, en });

const POLL_MS = 500;

/**
 * Import a member list into a unit: choose the file, check the column mapping (pre-filled), see the
 * report of every row, then import the valid rows or nothing; a progress bar while it runs. And the
 * register export.
 */
export function MemberImport({ unitId }: { unitId: string }) {
  const { t } = useTranslation('memberImport');
  const [file, setFile] = useState<{ name: string; contentBase64: string }>();
  const [preview, setPreview] = useState<Preview>();
  const [mapping, setMapping] = useState<ColumnMapping[]>([]);
  const [report, setReport] = useState<ImportJob>();
  const [mode, setMode] = useState<ImportMode>('VALID_ONLY');
  const [job, setJob] = useState<ImportJob>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const chooseFile = (chosen: File | undefined) => {
    setPreview(undefined);
    setReport(undefined);
    setJob(undefined);
    if (!chosen) return;
    void run(async () => {
      const next = { name: chosen.name, contentBase64: await readAsBase64(chosen) };
      const { memberImportPreview } = await graphqlRequest(MEMBER_IMPORT_PREVIEW, { file: next });
      setFile(next);
      setPreview(memberImportPreview);
      setMapping(memberImportPreview.mapping);
    });
  };

  const send = (dryRun: boolean) =>
    run(async () => {
      if (!file) return; // the buttons show once a file is read
      const { importMembers } = await graphqlRequest(IMPORT_MEMBERS, {
        input: { file, unitId, mapping: mapping.map(({ header, field }) => ({ header, field })), mode, dryRun },
      });
      if (dryRun) setReport(importMembers);
      else setJob(importMembers);
    });

  // The server checks and writes in the background: poll the check, then the import, until each ends.
  useEffect(() => {
    const pending = [report, job].find((candidate) => candidate?.status === 'VALIDATING' || candidate?.status === 'RUNNING');
    if (!pending) return;
    const timer = setTimeout(() => {
      graphqlRequest(MEMBER_IMPORT_JOB, { id: pending.id }).then(
        ({ memberImportJob }) => memberImportJob && (pending === job ? setJob(memberImportJob) : setReport(memberImportJob)),
        (cause: unknown) => setError(cause),
      );
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [report, job]);

  const exportRegister = () =>
    run(async () => {
      const { memberRegisterExport } = await graphqlRequest(MEMBER_REGISTER_EXPORT, { unitId });
      downloadBase64(memberRegisterExport.fileName, memberRegisterExport.contentBase64);
    });

  const checking = report?.status === 'VALIDATING';
  const problems = (job && job.status !== 'VALIDATING' ? job.problems : report?.problems) ?? [];
  const columns = [
    { header: t('import.row'), numeric: true, cell: (problem: ImportProblem) => problem.row },
    { header: t('import.column'), cell: (problem: ImportProblem) => problem.column ?? '—' },
    { header: t('import.problem'), cell: (problem: ImportProblem) => (problem.severity === 'WARNING' ? `${t('import.fixed')}: ${problem.problem}` : problem.problem) },
    { header: t('import.suggestion'), cell: (problem: ImportProblem) => problem.suggestion ?? '' },
  ];

  return (
    <section className="dv-import" data-testid="member-import" aria-labelledby="member-import-title">
      <h2 id="member-import-title">{t('import.title')}</h2>
      <p>
        <button type="button" className="dv-button" data-testid="export-register" disabled={busy} onClick={() => void exportRegister()}>
          {t('import.export')}
        </button>
      </p>
      <label className="dv-field">
        {t('import.chooseFile')}
        <input type="file" accept=".xlsx,.csv" data-testid="import-file" disabled={busy} onChange={(event) => chooseFile(event.target.files?.[0])} />
      </label>
      {error ? <ErrorMessage error={error} title={t('import.failed')} /> : null}
      {preview ? (
        <>
          <h3>{t('import.mappingTitle', { count: preview.rowCount })}</h3>
          <p>{preview.remembered ? t('import.mappingRemembered') : t('import.mappingSuggested')}</p>
          <table className="dv-table" data-testid="import-mapping">
            <thead>
              <tr>
                <th scope="col">{t('import.fileColumn')}</th>
                <th scope="col">{t('import.example')}</th>
                <th scope="col">{t('import.field')}</th>
              </tr>
            </thead>
            <tbody>
              {mapping.map((entry, index) => (
                <tr key={entry.header}>
                  <th scope="row">{entry.header}</th>
                  <td>{preview.sampleRows[0]?.[index] ?? ''}</td>
                  <td>
                    <select
                      aria-label={t('import.fieldFor', { header: entry.header })}
                      value={entry.field ?? ''}
                      onChange={(event) => {
                        const field = (event.target.value || null) as MemberImportField | null;
                        setMapping(mapping.map((other) => (other.header === entry.header ? { ...other, field } : other)));
                        setReport(undefined);
                      }}
                    >
                      <option value="">{t('import.skipColumn')}</option>
                      {MEMBER_IMPORT_FIELDS.map((field) => (
                        <option key={field} value={field}>
                          {t(`import.fields.${field}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <button type="button" className="dv-button" data-testid="import-check" disabled={busy} onClick={() => void send(true)}>
              {t('import.check')}
            </button>
          </p>
        </>
      ) : null}
      {checking ? (
        <p role="status">
          <progress aria-label={t('import.checking')} style={{ display: 'block', width: '100%', height: '1.5rem' }} />
          {t('import.checking')}
        </p>
      ) : null}
      {report?.status === 'FAILED' ? (
        <p className="dv-error" role="alert" data-testid="import-failed">
          {report.message}
        </p>
      ) : null}
      {report && !checking && report.status !== 'FAILED' ? (
        <>
          <p className="dv-notice" data-testid="import-summary" role="status">
            {t('import.summary', { total: report.totalRows, valid: report.validRows, invalid: report.skippedCount, unchanged: report.unchangedCount })}
          </p>
          {problems.length > 0 ? (
            <DataTable testId="import-report" caption={t('import.reportCaption', { count: problems.length })} columns={columns} rows={problems} rowKey={(problem) => `${problem.row}:${problem.column}:${problem.code}`} />
          ) : null}
          {!job ? (
            <fieldset className="dv-field">
              <legend>{t('import.modeLegend')}</legend>
              <label>
                <input type="radio" name="import-mode" checked={mode === 'VALID_ONLY'} onChange={() => setMode('VALID_ONLY')} /> {t('import.validOnly')}
              </label>
              <label>
                <input type="radio" name="import-mode" checked={mode === 'ALL_OR_NOTHING'} onChange={() => setMode('ALL_OR_NOTHING')} /> {t('import.allOrNothing')}
              </label>
              <button type="button" className="dv-button" data-testid="import-run" disabled={busy} onClick={() => void send(false)}>
                {t('import.run')}
              </button>
            </fieldset>
          ) : null}
        </>
      ) : null}
      {job ? (
        <div data-testid="import-progress">
          <label>
            {t('import.progress', { done: job.processedRows, total: job.totalRows })}
            <progress max={Math.max(job.totalRows, 1)} value={job.status === 'VALIDATING' ? undefined : job.processedRows} style={{ display: 'block', width: '100%', height: '1.5rem' }} />
          </label>
          {job.status !== 'RUNNING' && job.status !== 'VALIDATING' ? (
            <p className="dv-notice" role="status" data-testid="import-result">
              {t(`import.status.${job.status}`)} {t('import.result', { created: job.createdCount, unchanged: job.unchangedCount, skipped: job.skippedCount })}
              {job.message ? ` ${job.message}` : ''}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
