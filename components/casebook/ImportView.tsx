/**
 * Bulk import of employees from an .xlsx workbook (any sheet; the header row found under a title) or a CSV
 * (UTF-8 or GBK): download the Excel or CSV template, choose a file, see which sheet and columns were read
 * and every row with its verdict — new, update (with what it changes), unchanged, skipped, error — choose
 * "add new only" or "also update existing employees", then import: one transaction, all rows or none.
 * The verdicts come from components/casebook/employee-import.ts; storage/import.ts writes.
 */
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { pickText, useLang, useT } from '../i18n';
import { Card, ErrorText, StatusLine, WriteProgress } from '../ui';
import { getRepos } from '../../storage/repos';
import { applyEmployeeImport, importExisting, type EmployeeImportProgress, type ImportExisting, type ImportResult } from '../../storage/import';
import { SheetError, toCsv } from '../../utils/csv';
import { checkEmployeeSheet, columnLetter, findHeader, IMPORT_COLUMNS, importErrorLines, importTemplateRows, previewId, type ImportCheck, type ImportMode, type ImportRow, type RowVerdict } from './employee-import';
import type { SheetData } from '../../utils/spreadsheet';
import { XLSX_MIME } from '../../utils/spreadsheet';
import { downloadBytes, downloadText } from './download';
import { readSheetFile } from './sheet-file';

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'refused'; message: { zh: string; en: string } }
  | { kind: 'checked'; fileName: string; format: string; sheets: SheetData[]; existing: ImportExisting[]; sheetIndex?: number }
  | { kind: 'done'; result: ImportResult };

/** Rows shown in the preview: as many as a case book holds employees (the counts above it cover every row). */
const PREVIEW_LIMIT = 5000;

const VERDICT_CLASS: Record<RowVerdict, string> = { new: 'ok', update: 'info', unchanged: 'neutral', skip: 'neutral', error: 'bad' };

export function ImportView() {
  const t = useT();
  const lang = useLang();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [mode, setMode] = useState<ImportMode>('add');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [progress, setProgress] = useState<EmployeeImportProgress | null>(null);
  const [cancel, setCancel] = useState<{ controller: AbortController; cancelling: boolean } | null>(null);

  const onFile = async (file: File | undefined) => {
    setError(null);
    if (!file) return;
    setStage({ kind: 'reading' });
    try {
      const sheet = await readSheetFile(file);
      const existing = await importExisting(getRepos().db);
      // Read once here so that a file without any header is refused at once, with its reason.
      checkEmployeeSheet(sheet.sheets, existing, { format: sheet.format });
      setStage({ kind: 'checked', fileName: file.name, format: sheet.format, sheets: sheet.sheets, existing });
    } catch (e) {
      if (e instanceof SheetError) setStage({ kind: 'refused', message: { zh: e.zh, en: e.en } });
      else {
        setStage({ kind: 'idle' });
        setError(e);
      }
    }
  };

  const templateXlsx = async () => {
    setError(null);
    try {
      const { importTemplateXlsx } = await import('./casebook-xlsx');
      downloadBytes(t('import.templateName'), await importTemplateXlsx(lang), XLSX_MIME);
    } catch (e) {
      setError(e);
    }
  };

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
          <button type="button" onClick={() => void templateXlsx()} data-testid="import-template">
            {t('import.template')}
          </button>{' '}
          <button type="button" onClick={() => downloadText(t('import.templateCsvName'), toCsv(importTemplateRows(lang)), 'text/csv;charset=utf-8')} data-testid="import-template-csv">
            {t('import.templateCsv')}
          </button>
        </p>
        <p className="muted small">{t('import.templateHint')} {t('import.encodings')}</p>
        <p>
          <label className="button primary file-button">
            {t('import.choose')}
            <input
              type="file"
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className="visually-hidden-file"
              disabled={busy}
              onChange={(e) => {
                void onFile(e.target.files?.[0]);
                e.target.value = '';
              }}
              data-testid="import-file"
            />
          </label>
        </p>
        {stage.kind !== 'checked' ? <ErrorText error={error} /> : null}
      </Card>

      {stage.kind === 'reading' ? <p aria-busy="true">{t('common.loading')}</p> : null}
      {stage.kind === 'refused' ? (
        <Card title={t('import.refusedTitle')} testId="import-refused">
          <StatusLine tone="bad">{pickText(lang, stage.message)}</StatusLine>
          <p className="muted">{t('import.nothingImported')}</p>
        </Card>
      ) : null}
      {stage.kind === 'checked' ? (
        <Preview
          stage={stage}
          mode={mode}
          busy={busy}
          error={error}
          onMode={setMode}
          onSheet={(sheetIndex) => setStage({ ...stage, sheetIndex })}
          onCancel={() => setStage({ kind: 'idle' })}
          onImport={async (check, skip) => {
            setBusy(true);
            setError(null);
            const controller = new AbortController();
            setCancel({ controller, cancelling: false });
            try {
              const result = await applyEmployeeImport(getRepos().db, check, { skipInvalid: skip, errorLines: importErrorLines(check, lang), onProgress: setProgress, signal: controller.signal });
              setStage({ kind: 'done', result });
            } catch (e) {
              setError(e);
            } finally {
              setBusy(false);
              setProgress(null);
              setCancel(null);
            }
          }}
        />
      ) : null}
      {progress && cancel ? (
        <WriteProgress
          progress={progress}
          cancelling={cancel.cancelling}
          onCancel={() => {
            cancel.controller.abort();
            setCancel({ ...cancel, cancelling: true });
          }}
          testId="import-progress"
        />
      ) : null}
      {stage.kind === 'done' ? (
        <Card title={t('import.doneTitle')} testId="import-done">
          <StatusLine tone="ok">{t('import.done', { created: stage.result.created, updated: stage.result.updated, cases: stage.result.cases })}</StatusLine>
          {stage.result.skipped ? <p className="muted">{t('import.skipped', { n: stage.result.skipped })}</p> : null}
          <a href="#/" className="button primary">{t('import.toTable')}</a>
        </Card>
      ) : null}
    </div>
  );
}

function Preview({
  stage,
  mode,
  busy,
  error,
  onMode,
  onSheet,
  onCancel,
  onImport,
}: {
  stage: Extract<Stage, { kind: 'checked' }>;
  mode: ImportMode;
  busy: boolean;
  error: unknown;
  onMode: (m: ImportMode) => void;
  onSheet: (i: number) => void;
  onCancel: () => void;
  onImport: (check: ImportCheck, skip: boolean) => Promise<void>;
}) {
  const t = useT();
  const lang = useLang();
  const sheetId = useId();
  const skipId = useId();
  const onlyId = useId();
  const modeName = useId();
  const [skip, setSkip] = useState(false);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const result = useMemo((): { check: ImportCheck } | { refused: { zh: string; en: string } } => {
    try {
      return { check: checkEmployeeSheet(stage.sheets, stage.existing, { mode, sheetIndex: stage.sheetIndex, format: stage.format }) };
    } catch (e) {
      if (e instanceof SheetError) return { refused: { zh: e.zh, en: e.en } };
      throw e;
    }
  }, [stage, mode]);
  const check = 'check' in result ? result.check : undefined;
  const withHeader = useMemo(() => stage.sheets.map((s) => findHeader(s.rows) !== undefined), [stage.sheets]);
  const deferredOnly = useDeferredValue(onlyProblems);
  const shown = useMemo(
    () => (check ? check.rows.filter((r) => !deferredOnly || r.verdict === 'error' || r.verdict === 'update' || r.warnings.length > 0) : []),
    [check, deferredOnly],
  );
  const toWrite = check ? check.counts.new + check.counts.update : 0;

  return (
    <Card title={t('import.checkTitle', { file: stage.fileName })} testId="import-check">
      {stage.sheets.length > 1 ? (
        <p>
          <label htmlFor={sheetId}>{t('import.sheet')}</label>{' '}
          <select
            id={sheetId}
            value={check?.sheetIndex ?? stage.sheetIndex ?? 0}
            disabled={busy}
            onChange={(e) => {
              setSkip(false);
              onSheet(Number(e.target.value));
            }}
            data-testid="import-sheet"
          >
            {stage.sheets.map((s, i) => (
              <option key={i} value={i}>
                {withHeader[i] ? s.name : t('import.sheetNoHeader', { sheet: s.name })}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      {'refused' in result ? (
        <>
          <StatusLine tone="bad">{pickText(lang, result.refused)}</StatusLine>
          <p className="muted">{t('import.nothingImported')}</p>
        </>
      ) : null}
      {check ? (
        <>
          <p data-testid="import-read">
            {stage.format === 'xlsx' ? t('import.read.xlsx', { sheet: check.sheet, row: check.headerRow }) : t('import.read.text', { encoding: stage.format.toUpperCase(), row: check.headerRow })}
          </p>
          <p className="small" data-testid="import-columns">
            <span className="muted">{t('import.used')}</span>{' '}
            {check.used.map((u) => {
              const col = IMPORT_COLUMNS.find((c) => c.key === u.key)!;
              const name = lang === 'en' ? col.en : col.zh;
              return (
                <span key={u.column} className="badge badge-ok col-chip" title={`${columnLetter(u.column)}${check.headerRow}`}>
                  {u.header === name ? name : `${u.header} → ${name}`}
                </span>
              );
            })}
            <br />
            <span className="muted">{t('import.ignored')}</span>{' '}
            {check.ignored.length
              ? check.ignored.map((u) => (
                  <span key={u.column} className="badge badge-neutral col-chip" title={`${columnLetter(u.column)}${check.headerRow}`}>
                    {u.header}
                  </span>
                ))
              : t('import.none')}
          </p>
          <fieldset className="import-mode" disabled={busy}>
            <legend>{t('import.mode')}</legend>
            {(['add', 'update'] as const).map((m) => (
              <label key={m} className="check">
                <input type="radio" name={modeName} value={m} checked={mode === m} onChange={() => onMode(m)} data-testid={`import-mode-${m}`} />
                {t(`import.mode.${m}`)}
              </label>
            ))}
          </fieldset>
          <p
            data-testid="import-summary"
            data-valid={check.valid}
            data-invalid={check.invalid}
            data-new={check.counts.new}
            data-update={check.counts.update}
            data-cases={check.cases}
          >
            {t('import.counts', { rows: check.rows.length, ...check.counts, cases: check.cases })}
          </p>
          <h3>{t('import.previewTitle')}</h3>
          <p className="check">
            <input id={onlyId} type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} data-testid="import-only-problems" />
            <label htmlFor={onlyId}>{t('import.onlyProblems')}</label>
          </p>
          <div className="import-preview-wrap">
            <table className="import-preview" data-testid="import-preview">
              <thead>
                <tr>
                  <th>{t('import.col.row')}</th>
                  <th>{t('import.col.name')}</th>
                  <th>{t('import.col.id')}</th>
                  <th>{t('import.col.verdict')}</th>
                  <th>{t('import.col.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.slice(0, PREVIEW_LIMIT).map((r) => (
                  <PreviewRow key={r.row} r={r} />
                ))}
              </tbody>
            </table>
          </div>
          {shown.length > PREVIEW_LIMIT ? <p className="muted small">{t('import.morePreview', { n: shown.length - PREVIEW_LIMIT })}</p> : null}
          {check.invalid ? (
            <>
              <StatusLine tone="bad">{t('import.hasErrors', { n: check.invalid })}</StatusLine>
              <p className="check">
                <input id={skipId} type="checkbox" checked={skip} disabled={busy} onChange={(e) => setSkip(e.target.checked)} data-testid="import-skip" />
                <label htmlFor={skipId}>{t('import.skip', { n: check.invalid })}</label>
              </p>
            </>
          ) : null}
          {toWrite === 0 ? <p className="muted">{t('import.nothingToDo')}</p> : null}
          <p>
            <button
              type="button"
              className="primary"
              disabled={busy || toWrite === 0 || (check.invalid > 0 && !skip)}
              onClick={() => void onImport(check, skip)}
              data-testid="import-go"
            >
              {busy ? t('import.importing') : t('import.go', { new: check.counts.new, update: check.counts.update })}
            </button>{' '}
            {/* While the transaction runs there is nothing to cancel: it commits whole or not at all. */}
            {busy ? null : (
              <button type="button" onClick={onCancel} data-testid="import-cancel">
                {t('common.cancel')}
              </button>
            )}
          </p>
        </>
      ) : (
        <p>
          <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
        </p>
      )}
      <ErrorText error={error} />
    </Card>
  );
}

function PreviewRow({ r }: { r: ImportRow }) {
  const t = useT();
  const lang = useLang();
  return (
    <tr className={`v-${r.verdict}`} data-testid="import-row" data-row={r.row} data-verdict={r.verdict}>
      <td>{r.row}</td>
      <td>{r.name}</td>
      <td className="mono">{previewId(r)}</td>
      <td>
        <span className={`badge badge-${VERDICT_CLASS[r.verdict]}`}>{t(`import.verdict.${r.verdict}`)}</span>
      </td>
      <td>
        {r.errors.length ? (
          <ul className="bad-text">
            {r.errors.map((e, i) => (
              <li key={i}>{pickText(lang, e)}</li>
            ))}
          </ul>
        ) : null}
        {r.changes.length ? (
          <ul>
            {r.changes.map((c, i) => (
              <li key={i}>
                {pickText(lang, c.label)}：{pickText(lang, c.from)} → {pickText(lang, c.to)}
              </li>
            ))}
          </ul>
        ) : null}
        {r.warnings.length ? (
          <ul className="muted">
            {r.warnings.map((w, i) => (
              <li key={i}>{pickText(lang, w)}</li>
            ))}
          </ul>
        ) : null}
      </td>
    </tr>
  );
}
