/**
 * Bulk import of employees from a CSV (UTF-8 or GBK) or .xlsx sheet: download the template, choose a file,
 * see every row's problems with its spreadsheet row number, then import — all rows in one transaction, and
 * nothing at all while any row is bad unless the agent chooses to skip the bad rows.
 */
import { useId, useState } from 'react';
import { pickText, useLang, useT } from '../i18n';
import { Card, ErrorText, StatusLine } from '../ui';
import { getRepos } from '../../storage/repos';
import { loadSnapshot } from '../../storage/snapshot';
import { IMPORT_COLUMNS, importEmployees, importErrorLines, importTemplateCsv, SheetError, validateEmployeeSheet, type ImportCheck } from '../../storage/reports';
import { downloadText } from './download';
import { readSheetFile } from './sheet-file';

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'refused'; message: { zh: string; en: string } }
  | { kind: 'checked'; check: ImportCheck; fileName: string; format: string }
  | { kind: 'done'; created: number; skipped: number };

export function ImportView() {
  const t = useT();
  const lang = useLang();
  const skipId = useId();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [skip, setSkip] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const onFile = async (file: File | undefined) => {
    setError(null);
    setSkip(false);
    if (!file) return;
    setStage({ kind: 'reading' });
    try {
      const sheet = await readSheetFile(file);
      const snapshot = await loadSnapshot(getRepos());
      const existing = new Map(snapshot.employees.map((e) => [e.residentId, e.name]));
      const check = validateEmployeeSheet(sheet.rows, existing);
      setStage({ kind: 'checked', check, fileName: file.name, format: sheet.format });
    } catch (e) {
      if (e instanceof SheetError) setStage({ kind: 'refused', message: { zh: e.zh, en: e.en } });
      else {
        setStage({ kind: 'idle' });
        setError(e);
      }
    }
  };

  const lines = stage.kind === 'checked' ? importErrorLines(stage.check, lang) : [];
  const warnings = stage.kind === 'checked' ? stage.check.rows.filter((r) => r.warnings.length && !r.errors.length) : [];

  return (
    <div className="cb-import" data-testid="import-view">
      <Card title={t('import.title')}>
        <p>{t('import.intro')}</p>
        <table className="template-cols">
          <thead>
            <tr>
              <th>{t('import.column')}</th>
              <th>{t('import.rule')}</th>
            </tr>
          </thead>
          <tbody>
            {IMPORT_COLUMNS.map((c) => (
              <tr key={c.key}>
                <td>{lang === 'en' ? c.en : c.zh}</td>
                <td className="muted">{pickText(lang, c.hint)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <button type="button" onClick={() => downloadText(t('import.templateName'), importTemplateCsv(lang), 'text/csv;charset=utf-8')} data-testid="import-template">
            {t('import.template')}
          </button>
        </p>
        <p className="muted small">{t('import.encodings')}</p>
        <p>
          <label className="button primary file-button">
            {t('import.choose')}
            <input
              type="file"
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className="visually-hidden-file"
              onChange={(e) => {
                void onFile(e.target.files?.[0]);
                e.target.value = '';
              }}
              data-testid="import-file"
            />
          </label>
        </p>
        <ErrorText error={error} />
      </Card>

      {stage.kind === 'reading' ? <p aria-busy="true">{t('common.loading')}</p> : null}
      {stage.kind === 'refused' ? (
        <Card title={t('import.refusedTitle')} testId="import-refused">
          <StatusLine tone="bad">{pickText(lang, stage.message)}</StatusLine>
          <p className="muted">{t('import.nothingImported')}</p>
        </Card>
      ) : null}
      {stage.kind === 'checked' ? (
        <Card title={t('import.checkTitle', { file: stage.fileName })} testId="import-check">
          <p data-testid="import-summary" data-valid={stage.check.valid} data-invalid={stage.check.invalid}>
            {t('import.summary', { rows: stage.check.rows.length, valid: stage.check.valid, invalid: stage.check.invalid })}{' '}
            <span className="muted">{stage.format === 'xlsx' ? t('import.format.xlsx') : t('import.format.text', { encoding: stage.format.toUpperCase() })}</span>
          </p>
          {lines.length ? (
            <>
              <StatusLine tone="bad">{t('import.hasErrors', { n: stage.check.invalid })}</StatusLine>
              <ol className="import-errors" data-testid="import-errors">
                {lines.slice(0, 300).map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ol>
              {lines.length > 300 ? <p className="muted">{t('import.moreErrors', { n: lines.length - 300 })}</p> : null}
              <p className="check">
                <input id={skipId} type="checkbox" checked={skip} onChange={(e) => setSkip(e.target.checked)} data-testid="import-skip" />
                <label htmlFor={skipId}>{t('import.skip', { n: stage.check.invalid })}</label>
              </p>
            </>
          ) : null}
          {warnings.length ? (
            <details>
              <summary>{t('import.warnings', { n: warnings.length })}</summary>
              <ul>
                {warnings.slice(0, 100).map((r) => (
                  <li key={r.row}>
                    {t('import.rowN', { n: r.row })} {r.name}：{r.warnings.map((w) => pickText(lang, w)).join('；')}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <p>
            <button
              type="button"
              className="primary"
              disabled={busy || stage.check.valid === 0 || (stage.check.invalid > 0 && !skip)}
              onClick={async () => {
                setBusy(true);
                try {
                  const r = await importEmployees(getRepos().db, stage.check, { skipInvalid: skip });
                  setStage({ kind: 'done', ...r });
                } catch (e) {
                  setError(e);
                } finally {
                  setBusy(false);
                }
              }}
              data-testid="import-go"
            >
              {busy ? t('import.importing') : t('import.go', { n: stage.check.valid })}
            </button>{' '}
            <button type="button" onClick={() => setStage({ kind: 'idle' })}>{t('common.cancel')}</button>
          </p>
          <ErrorText error={error} />
        </Card>
      ) : null}
      {stage.kind === 'done' ? (
        <Card title={t('import.doneTitle')} testId="import-done">
          <StatusLine tone="ok">{t('import.done', { n: stage.created })}</StatusLine>
          {stage.skipped ? <p className="muted">{t('import.skipped', { n: stage.skipped })}</p> : null}
          <a href="#/" className="button primary">{t('import.toTable')}</a>
        </Card>
      ) : null}
    </div>
  );
}
