import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, ErrorMessage, graphqlRequest, readAsBase64 } from '@dangvien/ui';
import { graphql } from '../generated/index.ts';
import type { ImportMode, ImportOrgUnitsMutation } from '../generated/graphql.ts';

export const IMPORT_ORG_UNITS = graphql(`
  mutation ImportOrgUnits($input: OrgUnitImportInput!) {
    importOrgUnits(input: $input) {
      status totalRows validRows createdCount unchangedCount skippedCount message
      mapping { header field }
      problems { row column severity code problem suggestion }
    }
  }
`);

type Report = ImportOrgUnitsMutation['importOrgUnits'];
type Problem = Report['problems'][number];

/**
 * Import a unit tree (code, name, kind, parent code, establishment date, address) under a unit: check
 * first and see every problem, then create the valid rows or nothing. Unit sheets are small, so the
 * import answers at once (no progress polling).
 */
export function UnitImport({ parentId }: { parentId: string }) {
  const { t } = useTranslation('district');
  const [file, setFile] = useState<{ name: string; contentBase64: string }>();
  const [checked, setChecked] = useState<Report>();
  const [result, setResult] = useState<Report>();
  const [mode, setMode] = useState<ImportMode>('VALID_ONLY');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const send = async (chosen: { name: string; contentBase64: string }, dryRun: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      const { importOrgUnits } = await graphqlRequest(IMPORT_ORG_UNITS, { input: { file: chosen, parentId, mode, dryRun } });
      if (dryRun) setChecked(importOrgUnits);
      else setResult(importOrgUnits);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section data-testid="unit-import" aria-labelledby="unit-import-title">
      <h2 id="unit-import-title">{t('unitImport.title')}</h2>
      <p>{t('unitImport.help')}</p>
      <label className="dv-field">
        {t('unitImport.chooseFile')}
        <input
          type="file"
          accept=".xlsx,.csv"
          disabled={busy}
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            setChecked(undefined);
            setResult(undefined);
            if (!chosen) return;
            void readAsBase64(chosen).then((contentBase64) => {
              const next = { name: chosen.name, contentBase64 };
              setFile(next);
              return send(next, true);
            });
          }}
        />
      </label>
      {busy ? <progress aria-label={t('unitImport.working')} style={{ display: 'block', width: '100%', height: '1.5rem' }} /> : null}
      {error ? <ErrorMessage error={error} title={t('unitImport.failed')} /> : null}
      {checked ? (
        <>
          <p className="dv-notice" role="status">
            {t('unitImport.summary', { total: checked.totalRows, valid: checked.validRows, unchanged: checked.unchangedCount, invalid: checked.skippedCount })}
          </p>
          <p>{t('unitImport.mapping', { columns: checked.mapping.map((entry) => `${entry.header} → ${entry.field ? t(`unitImport.fields.${entry.field}`) : '—'}`).join('; ') })}</p>
          {checked.problems.length > 0 ? (
            <DataTable
              testId="unit-import-report"
              caption={t('unitImport.reportCaption', { count: checked.problems.length })}
              columns={[
                { header: t('unitImport.row'), numeric: true, cell: (problem: Problem) => problem.row },
                { header: t('unitImport.column'), cell: (problem: Problem) => problem.column ?? '—' },
                { header: t('unitImport.problem'), cell: (problem: Problem) => problem.problem },
                { header: t('unitImport.suggestion'), cell: (problem: Problem) => problem.suggestion ?? '' },
              ]}
              rows={checked.problems}
              rowKey={(problem) => `${problem.row}:${problem.column}:${problem.code}`}
            />
          ) : null}
          {!result && file ? (
            <fieldset className="dv-field">
              <legend>{t('unitImport.modeLegend')}</legend>
              <label>
                <input type="radio" name="unit-import-mode" checked={mode === 'VALID_ONLY'} onChange={() => setMode('VALID_ONLY')} /> {t('unitImport.validOnly')}
              </label>
              <label>
                <input type="radio" name="unit-import-mode" checked={mode === 'ALL_OR_NOTHING'} onChange={() => setMode('ALL_OR_NOTHING')} /> {t('unitImport.allOrNothing')}
              </label>
              <button type="button" className="dv-button" disabled={busy} onClick={() => void send(file, false)}>
                {t('unitImport.run')}
              </button>
            </fieldset>
          ) : null}
        </>
      ) : null}
      {result ? (
        <p className="dv-notice" role="status" data-testid="unit-import-result">
          {t(`unitImport.status.${result.status}`)} {t('unitImport.result', { created: result.createdCount, unchanged: result.unchangedCount, skipped: result.skippedCount })}
        </p>
      ) : null}
    </section>
  );
}
