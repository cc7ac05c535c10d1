/**
 * Settings: the company profile (credit code checked as typed, locality office picked from the guide's
 * offices), wage figure overrides (e.g. the 2025 figure with its publication date), reminder lead times,
 * language, and backups (export with an optional passphrase; import = dry run shown first, then one
 * all-or-nothing transaction, using storage/backup.ts — a bad file gets the storage's own message).
 */
import { browser } from 'wxt/browser';
import { PortalMappingsCard } from './PortalMappingsCard';
import { beijingDate } from '../../rules/dates';
import { useEffect, useId, useMemo, useState } from 'react';
import { pickText, useLang, useT, type Lang } from '../i18n';
import { Card, ErrorText, NumberField, SaveState, StatusLine, WriteProgress } from '../ui';
import { auditReplayFilter, useAutosave } from '../use-autosave';
import { useCompany, useSettings } from '../use-live';
import { getRepos } from '../../storage/repos';
import { getDb } from '../../storage/db';
import { requestPersistence, storageUsage, type PersistenceResult, type StorageUsage } from '../../storage/durability';
import { applyImport, exportBackup, planImport, readBackupBlob, type BackupFile, type ImportPlan, type ImportProgress } from '../../storage/backup';
import { CompanyPatch, Phone, WageOverride } from '../../storage/schemas';
import { checkCreditCode } from '../../rules/identity';
import { passphraseStrength } from '../../utils/passphrase';
import { LOCALITIES } from '../../rules/localities';
import { wageStandard, wageTable } from '../../rules/wages';
import { HolidayNoticeError, parseHolidayNotice, summarizeArrangement } from '../../rules/holiday-notice';
import { calendarCoverage, type HolidayArrangement } from '../../rules/calendar';
import { DEFAULT_LOCALITY_BUFFER_WORKDAYS } from '../../rules/deadlines';
import { useDeadlineSettings } from '../use-deadline-settings';
import { EmployerCard } from './EmployerCard';
import { sendMessage, type ReminderCheckResult } from '../../utils/messaging';
import type { ReminderLeads } from '../../storage/schemas';
import type { Bilingual } from '../../rules/model';
import { TextField, zodMessage } from './fields';
import { downloadText } from './download';

export function CompanyCard() {
  const t = useT();
  const company = useCompany();
  const [draft, setDraft] = useState<Record<string, string>>({});
  const exists = !!company;
  // Journaled (only edits of an existing profile are scheduled, so replay waits for it to load).
  const saver = useAutosave<CompanyPatch>('company', (p) => (exists ? getRepos().company.update(p) : getRepos().company.save({ name: '', creditCode: '', ...draft, ...p } as never)), {
    journal: 'company',
    replayFilter: auditReplayFilter('company', 'company'),
    replayWhen: exists,
  });
  const localityId = useId();
  const value = (k: 'name' | 'creditCode' | 'localityOffice' | 'agentName' | 'agentPhone') => draft[k] ?? company?.[k] ?? '';
  const creditProblem = (v: string): Bilingual | null => {
    // An untouched new profile is not an error yet (the card says both fields are needed before it saves).
    if (!v.trim()) return exists ? { zh: '请填写统一社会信用代码', en: 'Enter the unified social credit code' } : null;
    const r = checkCreditCode(v);
    return r.ok ? null : r.findings[0].message;
  };
  const nameProblem = (v: string): Bilingual | null => (v.trim() ? (v.length > 200 ? { zh: '名称过长', en: 'Name too long' } : null) : exists ? { zh: '请填写单位名称', en: 'Enter the company name' } : null);
  const commit = (k: keyof CompanyPatch, v: string) => {
    const next = { ...draft, [k]: v };
    setDraft(next);
    if (exists) saver.schedule({ [k]: v } as CompanyPatch);
    else {
      const name = next.name ?? '';
      const code = next.creditCode ?? '';
      // A new profile needs both required fields; until then the values wait here (nothing half-saved).
      if (name.trim() && code.trim() && !nameProblem(name) && !creditProblem(code)) saver.schedule(next as CompanyPatch);
    }
  };
  const office = LOCALITIES.find((l) => l.name === value('localityOffice'));
  return (
    <Card title={t('settings.company.title')} testId="settings-company" actions={<SaveState state={saver.state} error={saver.error} />}>
      {!exists ? <p className="muted small">{t('settings.company.first')}</p> : null}
      <div className="form-grid">
        <TextField label={t('settings.company.name')} value={value('name')} validate={nameProblem} onCommit={(v) => commit('name', v)} testId="company-name" />
        <TextField label={t('settings.company.creditCode')} value={value('creditCode')} validate={creditProblem} onCommit={(v) => commit('creditCode', v)} mono testId="company-credit-code" />
        <div className="field">
          <label htmlFor={localityId}>{t('settings.company.locality')}</label>
          <select id={localityId} value={value('localityOffice')} onChange={(e) => commit('localityOffice', e.target.value)} data-testid="company-locality">
            <option value="">{t('settings.company.pickLocality')}</option>
            {LOCALITIES.map((l) => (
              <option key={l.name} value={l.name}>
                {l.name}
              </option>
            ))}
          </select>
          {office ? <p className="hint">{office.address} · {office.phones.join('、')} · {office.email}</p> : null}
        </div>
        <TextField label={t('settings.company.agent')} value={value('agentName')} validate={(v) => (v.length > 50 ? { zh: '姓名过长', en: 'Name too long' } : null)} onCommit={(v) => commit('agentName', v)} testId="company-agent" />
        <TextField label={t('settings.company.agentPhone')} value={value('agentPhone')} validate={(v) => (v === '' ? null : zodMessage(Phone.safeParse(v)))} onCommit={(v) => commit('agentPhone', v)} testId="company-agent-phone" />
      </div>
    </Card>
  );
}

function WagesCard({ today }: { today: string }) {
  const t = useT();
  const lang = useLang();
  const settings = useSettings();
  const overrides = useMemo(() => settings?.wageOverrides ?? [], [settings]);
  const table = useMemo(() => wageTable(overrides.map(({ source: _s, ...o }) => o)), [overrides]);
  const standard = useMemo(() => {
    try {
      return wageStandard(today, overrides.map(({ source: _s, ...o }) => o));
    } catch {
      return undefined;
    }
  }, [today, overrides]);
  const [form, setForm] = useState({ year: String(Number(today.slice(0, 4)) - 1), monthly: '', annual: '', publishedOn: '', source: '' });
  const [problem, setProblem] = useState<Bilingual | null>(null);
  const [error, setError] = useState<unknown>(null);
  const add = async () => {
    const candidate = {
      year: Number(form.year),
      monthly: Number(form.monthly),
      ...(form.annual.trim() ? { annual: Number(form.annual) } : {}),
      // The day the agent enters the figure when no publication date is given: a case accepted earlier is
      // then judged with the figure in force at the time (rules/wages.ts).
      publishedOn: form.publishedOn.trim() || today,
      ...(form.source.trim() ? { source: form.source.trim() } : {}),
    };
    const parsed = WageOverride.safeParse(candidate);
    if (!parsed.success || !form.monthly.trim()) {
      const first = parsed.success ? undefined : parsed.error.issues[0];
      const field = first?.path[0] === 'publishedOn' ? t('settings.wages.published') : first?.path[0] === 'year' ? t('settings.wages.year') : t('settings.wages.monthly');
      setProblem({ zh: `${field}无效：${zodMessage(parsed)?.zh ?? '请填写'}`, en: `${field} is invalid: ${zodMessage(parsed)?.en ?? 'required'}` });
      return;
    }
    setProblem(null);
    try {
      await getRepos().settings.update({ wageOverrides: [...overrides.filter((o) => o.year !== parsed.data.year), parsed.data].sort((a, b) => a.year - b.year) });
      setForm({ ...form, monthly: '', annual: '', publishedOn: '', source: '' });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card title={t('settings.wages.title')} testId="settings-wages">
      {standard ? <StatusLine tone={standard.fallback ? 'warn' : 'info'}>{pickText(lang, standard.findings[0].message)}</StatusLine> : null}
      <table className="wages">
        <thead>
          <tr>
            <th>{t('settings.wages.year')}</th>
            <th>{t('settings.wages.monthly')}</th>
            <th>{t('settings.wages.annual')}</th>
            <th>{t('settings.wages.published')}</th>
            <th>{t('settings.wages.origin')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {table.map((f) => (
            <tr key={f.year} data-testid={`wage-${f.year}`}>
              <td>{f.year}</td>
              <td>{f.monthly.toLocaleString()}</td>
              <td>{f.annual.toLocaleString()}{f.annualDerived ? ' *' : ''}</td>
              <td>{f.publishedOn}{f.publicationAssumed ? ` ${t('settings.wages.assumed')}` : ''}</td>
              <td>{f.origin === 'user' ? t('settings.wages.user') : t('settings.wages.builtIn')}</td>
              <td>
                {f.origin === 'user' ? (
                  <button type="button" onClick={() => getRepos().settings.update({ wageOverrides: overrides.filter((o) => o.year !== f.year) }).catch(setError)}>
                    {t('common.delete')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('settings.wages.note')}</p>
      <form
        className="wage-add"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        {(['year', 'monthly', 'annual', 'publishedOn', 'source'] as const).map((k) => (
          <label key={k}>
            {t(`settings.wages.${k === 'publishedOn' ? 'published' : k}`)}
            <input value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })} placeholder={k === 'publishedOn' ? t('settings.wages.publishedDefault') : k === 'annual' || k === 'source' ? t('settings.optional') : ''} data-testid={`wage-${k}`} />
          </label>
        ))}
        <button type="submit" data-testid="wage-add">{t('settings.wages.add')}</button>
      </form>
      {problem ? <ErrorText error={problem} /> : null}
      <ErrorText error={error} />
    </Card>
  );
}

function RemindersCard() {
  const t = useT();
  const lang = useLang();
  const leads = useSettings()?.reminders;
  const [saved, setSaved] = useState(false);
  const [result, setResult] = useState<ReminderCheckResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof ReminderLeads, n: number) =>
    getRepos()
      .settings.update({ reminders: { [k]: n } })
      .then(() => setSaved(true), setError);
  return (
    <Card title={t('settings.reminders.title')} testId="settings-reminders">
      <p className="muted small">{t('settings.reminders.intro')}</p>
      {leads ? (
        <div className="form-grid">
          <NumberField label={t('settings.reminders.windowOpens')} value={leads.windowOpens} min={0} max={120} unit={t('settings.reminders.unitOpens')} onChange={(n) => n !== null && void set('windowOpens', n)} required testId="lead-window" />
          <NumberField label={t('settings.reminders.lastSafeDay')} value={leads.lastSafeDay} min={0} max={60} unit={t('settings.reminders.unit')} onChange={(n) => n !== null && void set('lastSafeDay', n)} required testId="lead-last-safe" />
          <NumberField label={t('settings.reminders.documents')} value={leads.documents} min={0} max={120} unit={t('settings.reminders.unit')} onChange={(n) => n !== null && void set('documents', n)} required testId="lead-documents" />
        </div>
      ) : null}
      {saved ? <p className="save-state">{t('case.field.saved')}</p> : null}
      <p>
        <button
          type="button"
          onClick={() => sendMessage('runReminderCheck', undefined).then(setResult, setError)}
          data-testid="check-now"
        >
          {t('settings.reminders.checkNow')}
        </button>{' '}
        {result ? <span data-testid="check-result">{t('settings.reminders.result', { due: result.due.length, notified: result.notified.length })}</span> : null}
      </p>
      {result?.due.length ? (
        <ul className="small">
          {result.due.slice(0, 10).map((r) => (
            <li key={r.key}>{pickText(lang, r.title)}</li>
          ))}
        </ul>
      ) : null}
      <ErrorText error={error} />
    </Card>
  );
}

/**
 * 节假日安排: the agent pastes the State Council notice, sees the year read from it (days off grouped into runs,
 * make-up working days), confirms, and the year becomes official everywhere (stored in the settings row, so
 * backed up; every context registers it before computing). Unreadable or contradictory text stores nothing.
 */
function HolidaysCard({ today }: { today: string }) {
  const t = useT();
  const lang = useLang();
  const settings = useSettings();
  const applied = useDeadlineSettings();
  const textId = useId();
  const stored = useMemo(() => settings?.holidayArrangements ?? [], [settings]);
  const [text, setText] = useState('');
  const [parsed, setParsed] = useState<HolidayArrangement | null>(null);
  const [problems, setProblems] = useState<readonly Bilingual[] | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const coverage = calendarCoverage();
  const covered = new Set([...coverage.years, ...stored.map((a) => a.year)]);
  let next = Math.max(Number(today.slice(0, 4)), coverage.lastYear);
  while (covered.has(next)) next += 1;
  const read = () => {
    setSaved(null);
    setError(null);
    try {
      setParsed(parseHolidayNotice(text));
      setProblems(null);
    } catch (e) {
      setParsed(null);
      setProblems(e instanceof HolidayNoticeError ? e.problems : [{ zh: String(e), en: String(e) }]);
    }
  };
  const confirm = async (a: HolidayArrangement) => {
    try {
      const list = [...stored.filter((x) => x.year !== a.year), { year: a.year, holidays: [...a.holidays], workdays: [...a.workdays] }].sort((x, y) => x.year - y.year);
      await getRepos().settings.update({ holidayArrangements: list });
      setSaved(a.year);
      setParsed(null);
      setText('');
    } catch (e) {
      setError(e);
    }
  };
  const summary = parsed ? summarizeArrangement(parsed) : null;
  return (
    <Card title={t('settings.holidays.title')} testId="settings-holidays">
      <p className="muted small">{t('settings.holidays.intro')}</p>
      <p className="small" data-testid="holidays-coverage">
        {t('settings.holidays.coverage', {
          first: coverage.firstYear,
          last: coverage.lastYear,
          entered: stored.length ? stored.map((a) => a.year).join('、') : t('common.none'),
          next,
        })}
      </p>
      {applied?.error ? <ErrorText error={applied.error} /> : null}
      <div className="field">
        <label htmlFor={textId}>{t('settings.holidays.paste')}</label>
        <textarea id={textId} rows={6} value={text} onChange={(e) => setText(e.target.value)} data-testid="holidays-text" />
      </div>
      <p>
        <button type="button" disabled={!text.trim()} onClick={read} data-testid="holidays-read">
          {t('settings.holidays.read')}
        </button>
      </p>
      {problems ? (
        <div role="alert" data-testid="holidays-problems">
          <StatusLine tone="bad">{t('settings.holidays.unreadable')}</StatusLine>
          <ul className="small">
            {problems.map((p, i) => (
              <li key={i}>{pickText(lang, p)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {parsed && summary ? (
        <div className="plan" data-testid="holidays-parsed">
          <h3>{t('settings.holidays.parsed', { year: parsed.year })}</h3>
          <table className="wages">
            <tbody>
              <tr>
                <th>{t('settings.holidays.off')}</th>
                <td>
                  <ul className="plain">
                    {summary.runs.map((r) => (
                      <li key={r.from} data-testid="holidays-run">
                        {r.days === 1 ? r.from : `${r.from} – ${r.to}`} <span className="muted">{t('settings.holidays.days', { n: r.days })}</span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
              <tr>
                <th>{t('settings.holidays.work')}</th>
                <td data-testid="holidays-workdays">{summary.workdays.length ? summary.workdays.join('、') : t('common.none')}</td>
              </tr>
            </tbody>
          </table>
          <p className="muted small">{pickText(lang, summary.text)}</p>
          {stored.some((a) => a.year === parsed.year) ? <StatusLine tone="warn">{t('settings.holidays.replaces', { year: parsed.year })}</StatusLine> : null}
          <p>
            <button type="button" className="primary" onClick={() => void confirm(parsed)} data-testid="holidays-confirm">
              {t('settings.holidays.confirm')}
            </button>{' '}
            <button type="button" onClick={() => setParsed(null)}>{t('settings.holidays.cancel')}</button>
          </p>
        </div>
      ) : null}
      {saved !== null ? <StatusLine tone="ok">{t('settings.holidays.saved', { year: saved })}</StatusLine> : null}
      <h3>{t('settings.holidays.stored')}</h3>
      {stored.length === 0 ? <p className="muted small">{t('settings.holidays.none')}</p> : null}
      <ul className="plain" data-testid="holidays-stored">
        {stored.map((a) => (
          <li key={a.year} data-testid={`holidays-year-${a.year}`}>
            <strong>{a.year}</strong> <span className="muted small">{pickText(lang, summarizeArrangement(a).text)}</span>{' '}
            {removing === a.year ? (
              <span role="alertdialog" aria-label={t('settings.holidays.removeConfirm', { year: a.year })}>
                <span className="small">{t('settings.holidays.removeConfirm', { year: a.year })}</span>{' '}
                <button
                  type="button"
                  className="danger"
                  onClick={() =>
                    getRepos()
                      .settings.update({ holidayArrangements: stored.filter((x) => x.year !== a.year) })
                      .then(() => setRemoving(null), setError)
                  }
                  data-testid="holidays-remove-confirm"
                >
                  {t('common.confirm')}
                </button>
                <button type="button" onClick={() => setRemoving(null)}>{t('common.cancel')}</button>
              </span>
            ) : (
              <button type="button" onClick={() => setRemoving(a.year)} data-testid="holidays-remove">
                {t('common.delete')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ErrorText error={error} />
    </Card>
  );
}

/** 属地初审预留: the working days the recommended latest day leaves for the locality's first review. */
function BufferCard() {
  const t = useT();
  const settings = useSettings();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <Card title={t('settings.buffer.title')} testId="settings-buffer">
      {settings ? (
        <NumberField
          label={t('settings.buffer.label')}
          value={settings.localityBufferWorkdays ?? DEFAULT_LOCALITY_BUFFER_WORKDAYS}
          min={0}
          max={60}
          unit={t('settings.buffer.unit')}
          required
          onChange={(n) => n !== null && void getRepos().settings.update({ localityBufferWorkdays: n }).then(() => setSaved(true), setError)}
          testId="buffer-workdays"
        />
      ) : null}
      <p className="muted small">{t('settings.buffer.explain')}</p>
      {saved ? <p className="save-state">{t('case.field.saved')}</p> : null}
      <ErrorText error={error} />
    </Card>
  );
}

function LanguageCard() {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const [error, setError] = useState<unknown>(null);
  return (
    <Card title={t('settings.language.title')}>
      <div className="field">
        <label htmlFor={id}>{t('settings.language.label')}</label>
        <select id={id} value={lang} onChange={(e) => getRepos().settings.update({ language: e.target.value as Lang }).catch(setError)} data-testid="settings-language">
          <option value="zh-CN">简体中文</option>
          <option value="en">English</option>
        </select>
      </div>
      <ErrorText error={error} />
    </Card>
  );
}

function BackupCard() {
  const t = useT();
  const lang = useLang();
  const passId = useId();
  const maskId = useId();
  const fileId = useId();
  const importPassId = useId();
  const [passphrase, setPassphrase] = useState('');
  const [passphraseAgain, setPassphraseAgain] = useState('');
  const againId = useId();
  const strengthId = useId();
  const [mask, setMask] = useState(false);
  const [notice, setNotice] = useState<Bilingual | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const [file, setFile] = useState<File | null>(null);
  const [importPass, setImportPass] = useState('');
  const [plan, setPlan] = useState<{ file: BackupFile; plan: ImportPlan } | null>(null);
  const [skipConflicts, setSkipConflicts] = useState(false);
  const [importError, setImportError] = useState<unknown>(null);
  const [done, setDone] = useState<ImportPlan | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [cancel, setCancel] = useState<AbortController | null>(null);
  const [cancelling, setCancelling] = useState(false);

  const dryRun = async (f: File | null, pass: string) => {
    setPlan(null);
    setDone(null);
    setImportError(null);
    if (!f) return;
    setBusy(true);
    try {
      const parsed = await readBackupBlob(f, pass ? { passphrase: pass } : {});
      setPlan({ file: parsed, plan: await planImport(getDb(), parsed) });
    } catch (e) {
      setImportError(e);
    } finally {
      setBusy(false);
    }
  };

  const strength = passphrase ? passphraseStrength(passphrase) : undefined;
  const passShort = strength?.level === 'too-short';
  const mismatch = passphrase !== '' && passphraseAgain !== passphrase;
  return (
    <Card title={t('settings.backup.title')} testId="settings-backup">
      <h3>{t('settings.backup.export')}</h3>
      <div className="form-row">
        <label htmlFor={passId}>{t('settings.backup.passphrase')}</label>
        <input
          id={passId}
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => {
            setPassphrase(e.target.value);
            setNotice(null);
          }}
          aria-invalid={passShort || undefined}
          aria-describedby={strength ? strengthId : undefined}
          data-testid="backup-passphrase"
        />
      </div>
      {passphrase ? (
        <>
          <div className="form-row">
            <label htmlFor={againId}>{t('settings.backup.passphraseAgain')}</label>
            <input
              id={againId}
              type="password"
              autoComplete="new-password"
              value={passphraseAgain}
              onChange={(e) => setPassphraseAgain(e.target.value)}
              aria-invalid={(passphraseAgain !== '' && mismatch) || undefined}
              data-testid="backup-passphrase-again"
            />
          </div>
          {strength ? (
            <p className="small passphrase-strength" id={strengthId} data-testid="backup-strength" data-level={strength.level}>
              <meter min={0} max={4} low={2} high={3} optimum={4} value={strength.score} aria-label={t('settings.backup.strength')} />{' '}
              {t('settings.backup.strength')}：{t(`settings.backup.strength.${strength.level}`)}
              {strength.hints.length && !passShort ? <span className="muted">（{strength.hints.map((h) => pickText(lang, h)).join('；')}）</span> : null}
            </p>
          ) : null}
        </>
      ) : null}
      <div className="form-row">
        <input id={maskId} type="checkbox" checked={mask} onChange={(e) => setMask(e.target.checked)} />
        <label htmlFor={maskId}>{t('settings.backup.mask')}</label>
        <button
          type="button"
          className="primary"
          disabled={passShort || mismatch || busy}
          onClick={async () => {
            setExportError(null);
            try {
              const r = await exportBackup(getDb(), { mask, appVersion: browser.runtime.getManifest().version, ...(passphrase ? { passphrase } : {}) });
              downloadText(r.filename, r.text, 'application/json');
              setNotice(r.notice);
            } catch (e) {
              setExportError(e);
            }
          }}
          data-testid="backup-export"
        >
          {t('settings.backup.exportButton')}
        </button>
      </div>
      {passShort ? <ErrorText error={{ zh: '口令至少 8 个字符', en: 'The passphrase needs at least 8 characters' }} /> : null}
      {!passShort && mismatch && passphraseAgain !== '' ? <ErrorText error={{ zh: '两次输入的口令不一致', en: 'The two passphrases differ' }} /> : null}
      {!passShort && mismatch && passphraseAgain === '' ? <p className="muted small" data-testid="backup-again-hint">{t('settings.backup.typeAgain')}</p> : null}
      {notice ? (
        <StatusLine tone="warn" testId="backup-notice">{pickText(lang, notice)}</StatusLine>
      ) : (
        <p className="muted small">{passphrase ? t('settings.backup.exportHintEncrypted') : t('settings.backup.exportHint')}</p>
      )}
      <ErrorText error={exportError} />

      <h3>{t('settings.backup.import')}</h3>
      <div className="form-row">
        <label className="button file-button">
          {t('settings.backup.choose')}
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden-file"
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setFile(f);
              void dryRun(f, importPass);
              e.target.value = '';
            }}
            data-testid="backup-file"
          />
        </label>
        <span className="muted">{file?.name ?? ''}</span>
        <label htmlFor={importPassId}>{t('settings.backup.importPassphrase')}</label>
        <input id={importPassId} type="password" autoComplete="off" value={importPass} onChange={(e) => setImportPass(e.target.value)} data-testid="backup-import-passphrase" />
        <button type="button" disabled={!file || busy} onClick={() => void dryRun(file, importPass)}>
          {t('settings.backup.reread')}
        </button>
      </div>
      <ErrorText error={importError} />
      {plan ? (
        <div className="plan" data-testid="backup-plan">
          <p>{t('settings.backup.planTitle', { at: beijingDate(new Date(plan.plan.exportedAt)), version: plan.plan.appVersion })}</p>
          <table className="wages">
            <thead>
              <tr>
                <th />
                <th>{t('settings.backup.add')}</th>
                <th>{t('settings.backup.update')}</th>
                <th>{t('settings.backup.unchanged')}</th>
                <th>{t('settings.backup.skipped')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(plan.plan.tables).map(([table, p]) => (
                <tr key={table}>
                  <th>{t(`casebook.audit.table.${table}` as never)}</th>
                  <td>{p.add}</td>
                  <td>{p.update}</td>
                  <td>{p.unchanged}</td>
                  <td>{p.skipped}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {plan.plan.conflicts.length ? (
            <>
              <StatusLine tone="bad">{t('settings.backup.conflicts', { n: plan.plan.conflicts.length })}</StatusLine>
              <ul className="small">
                {plan.plan.conflicts.slice(0, 20).map((c) => (
                  <li key={`${c.table}:${c.id}`}>{pickText(lang, c.message)}</li>
                ))}
              </ul>
              <p className="check">
                <input type="checkbox" id={`${fileId}-skip`} checked={skipConflicts} onChange={(e) => setSkipConflicts(e.target.checked)} />
                <label htmlFor={`${fileId}-skip`}>{t('settings.backup.skipConflicts')}</label>
              </p>
            </>
          ) : null}
          <button
            type="button"
            className="primary"
            disabled={busy || (plan.plan.conflicts.length > 0 && !skipConflicts)}
            onClick={async () => {
              setBusy(true);
              setImportError(null);
              const controller = new AbortController();
              setCancel(controller);
              try {
                // One transaction written in chunks: the bar moves between them; cancel rolls everything back.
                setDone(await applyImport(getDb(), plan.file, { conflicts: skipConflicts ? 'skip' : 'abort', onProgress: setProgress, signal: controller.signal }));
                setPlan(null);
              } catch (e) {
                setImportError(e);
              } finally {
                setBusy(false);
                setProgress(null);
                setCancel(null);
                setCancelling(false);
              }
            }}
            data-testid="backup-apply"
          >
            {t('settings.backup.apply')}
          </button>
          {progress && cancel ? <WriteProgress progress={progress} onCancel={() => {
            cancel.abort();
            setCancelling(true);
          }} cancelling={cancelling} testId="backup-progress" /> : null}
        </div>
      ) : null}
      {done ? <StatusLine tone="ok">{t('settings.backup.done')}</StatusLine> : null}
    </Card>
  );
}

export function SettingsView({ today }: { today: string }) {
  return (
    <div className="cb-settings" data-testid="settings-view">
      <div className="cb-col">
        <CompanyCard />
        <EmployerCard today={today} />
        <LanguageCard />
        <BufferCard />
        <RemindersCard />
      </div>
      <div className="cb-col">
        <WagesCard today={today} />
        <HolidaysCard today={today} />
        <BackupCard />
        {/* Issue #17: taught portal mappings and the 页面适配包 (PortalMappingsCard.tsx). */}
        <PortalMappingsCard />
        <StorageCard />
      </div>
    </div>
  );
}

/**
 * Whether the browser promised to keep our database under storage pressure (asked once when the case
 * book opens), and how much space it uses: without the promise, regular backups are the only safety.
 */
function StorageCard() {
  const t = useT();
  const [state, setState] = useState<{ persisted: PersistenceResult; usage: StorageUsage | null } | null>(null);
  useEffect(() => {
    let alive = true;
    void Promise.all([requestPersistence(), storageUsage().catch(() => null)]).then(([persisted, usage]) => alive && setState({ persisted, usage }));
    return () => {
      alive = false;
    };
  }, []);
  if (!state) return null;
  const mb = state.usage ? (state.usage.usageBytes / 1024 / 1024).toFixed(1) : null;
  return (
    <Card title={t('settings.storage.title')} testId="settings-storage">
      <StatusLine tone={state.persisted === 'granted' ? 'ok' : 'warn'}>
        {t(state.persisted === 'granted' ? 'settings.storage.persisted' : 'settings.storage.notPersisted')}
      </StatusLine>
      {mb !== null ? <p className="muted small">{t('settings.storage.used', { mb })}</p> : null}
    </Card>
  );
}
