/**
 * Small building blocks of the side panel and the case book: status badges that never rely on colour
 * alone (an icon and a word), a date field that refuses impossible dates, a copy button, a card with a
 * heading, and the way storage errors are shown.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { pickText, useLang, useT } from './i18n';
import { parseDateText } from './date-input';
import { userMessage } from '../storage/errors';
import type { Bilingual } from '../rules/model';
import { copyText } from './copy-text';

export type Tone = 'ok' | 'warn' | 'bad' | 'unknown' | 'info' | 'neutral';

const ICON: Record<Tone, string> = { ok: '✓', warn: '!', bad: '✕', unknown: '?', info: 'i', neutral: '·' };

/** An icon in a circle; the tone's colour is decoration, the icon and the text carry the meaning. */
export function ToneIcon({ tone }: { tone: Tone }) {
  return (
    <span className={`tone-icon tone-${tone}`} aria-hidden="true">
      {ICON[tone]}
    </span>
  );
}

/** A status word with its icon, e.g. ✓ 符合 / ✕ 不足 6 个月. */
export function StatusBadge({ tone, children, testId }: { tone: Tone; children: ReactNode; testId?: string }) {
  return (
    <span className={`badge badge-${tone}`} data-tone={tone} data-testid={testId}>
      <ToneIcon tone={tone} />
      <span>{children}</span>
    </span>
  );
}

/** A line of explanation with a leading status icon (findings, verdicts). */
export function StatusLine({ tone, children, testId }: { tone: Tone; children: ReactNode; testId?: string }) {
  return (
    <p className={`status-line status-${tone}`} data-tone={tone} data-testid={testId}>
      <ToneIcon tone={tone} />
      <span>{children}</span>
    </p>
  );
}

/** A section of the panel: a card with a heading that names the region for screen readers. */
export function Card({ title, children, testId, actions, className }: { title: ReactNode; children: ReactNode; testId?: string; actions?: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`card ${className ?? ''}`} aria-labelledby={id} data-testid={testId}>
      <div className="card-head">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

const ISO_DATE = /(\d{4}-\d{2}-\d{2})/;

/** A text whose yyyy-MM-dd dates never break across lines (2027-\n05-27 reads badly in a narrow panel). */
export function Dates({ text }: { text: string }) {
  const parts = text.split(ISO_DATE);
  if (parts.length === 1) return <>{text}</>;
  return (
    <>
      {parts.map((part, i) =>
        i % 2 ? (
          <span key={i} className="nowrap">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** A bilingual text from rules/ in the UI language (dates kept on one line). */
export function Bi({ text }: { text: Bilingual }) {
  return <Dates text={pickText(useLang(), text)} />;
}

/** A storage (or any) error as one sentence in the UI language; nothing when there is no error. */
export function ErrorText({ error, id }: { error: unknown; id?: string }) {
  const lang = useLang();
  if (!error) return null;
  return (
    <p className="field-error" role="alert" id={id}>
      <ToneIcon tone="bad" />
      <span>{typeof error === 'object' && error !== null && 'zh' in error && 'en' in error && !(error instanceof Error) ? pickText(lang, error as Bilingual) : userMessage(error, lang)}</span>
    </p>
  );
}

/**
 * Copies `text`; says 已复制 (politely, for screen readers too) for two seconds. When the clipboard
 * refuses, says 复制失败 and shows the text to copy by hand until the next try.
 */
export function CopyButton({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);
  return (
    <span className="copy">
      <button type="button" onClick={async () => setState((await copyText(text)) ? 'copied' : 'failed')} data-testid={testId}>
        {label}
      </button>
      <span className="copy-state" aria-live="polite">
        {state === 'copied' ? `✓ ${t('common.copied')}` : state === 'failed' ? t('panel.copyFailed') : ''}
      </span>
      {state === 'failed' ? (
        <textarea className="copy-fallback" readOnly value={text} aria-label={t('panel.copyByHand')} data-testid={testId ? `${testId}-fallback` : undefined} />
      ) : null}
    </span>
  );
}

/** The value a DateField commits: a date, 'long-term', or null (cleared). */
export type DateValue = string | 'long-term' | null;

const COMPLETE_SHAPE = /^(\d{8}|\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)$/;

/**
 * A date typed as text. Every valid change is handed to `onCommit` at once (the caller autosaves it);
 * an impossible or unreadable date shows why and commits nothing, so the saved date stays as it was.
 * The text follows `value` whenever the field is not being edited (another tab may change it).
 */
export function DateField({
  label,
  value,
  onCommit,
  allowLongTerm,
  hint,
  testId,
  compact,
}: {
  label: ReactNode;
  value: string | undefined;
  onCommit: (v: DateValue) => void;
  allowLongTerm?: boolean;
  hint?: ReactNode;
  testId?: string;
  compact?: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const shown = value === 'long-term' ? t('case.field.longTerm') : (value ?? '');
  const [text, setText] = useState(shown);
  const [editing, setEditing] = useState(false);
  const [touched, setTouched] = useState(false);
  const lastCommitted = useRef(value);
  useEffect(() => {
    if (!editing) setText(shown);
  }, [shown, editing]);

  const parsed = parseDateText(text, { allowLongTerm });
  const showError = parsed.kind === 'invalid' && (touched || COMPLETE_SHAPE.test(text.trim()));
  const describedBy = [hint ? `${id}-hint` : '', showError ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;

  const commit = (next: string) => {
    const p = parseDateText(next, { allowLongTerm });
    const v: DateValue | undefined = p.kind === 'date' ? p.value : p.kind === 'long-term' ? 'long-term' : p.kind === 'empty' ? null : undefined;
    if (v === undefined) return;
    if ((v ?? undefined) === lastCommitted.current) return;
    lastCommitted.current = v ?? undefined;
    onCommit(v);
  };
  useEffect(() => {
    lastCommitted.current = value;
  }, [value]);

  return (
    <div className={`field date-field${compact ? ' compact' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        placeholder={allowLongTerm ? t('case.field.datePlaceholderLongTerm') : t('case.field.datePlaceholder')}
        value={text}
        aria-invalid={showError || undefined}
        aria-describedby={describedBy}
        data-testid={testId}
        onFocus={() => setEditing(true)}
        onChange={(e) => {
          setText(e.target.value);
          commit(e.target.value);
        }}
        onBlur={() => {
          setEditing(false);
          setTouched(true);
          // Normalise what was typed (2027/3/7 → 2027-03-07) once the agent leaves the field.
          if (parsed.kind === 'date') setText(parsed.value);
          if (parsed.kind === 'long-term') setText(t('case.field.longTerm'));
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') setTouched(true);
        }}
      />
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {showError && parsed.kind === 'invalid' ? (
        <p className="field-error" role="alert" id={`${id}-err`} data-testid={testId ? `${testId}-error` : undefined}>
          <ToneIcon tone="bad" />
          <span>
            {pickText(lang, parsed.message)}
            {t('case.field.notSaved')}
          </span>
        </p>
      ) : null}
    </div>
  );
}

/** A yes / no / not answered select for an optional boolean fact. */
export function YesNoField({ label, value, onChange, testId }: { label: ReactNode; value: boolean | undefined; onChange: (v: boolean | null) => void; testId?: string }) {
  const t = useT();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value === undefined ? '' : value ? 'yes' : 'no'}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value === 'yes')}
      >
        <option value="">{t('case.field.unanswered')}</option>
        <option value="yes">{t('case.field.yes')}</option>
        <option value="no">{t('case.field.no')}</option>
      </select>
    </div>
  );
}

/** A labelled select over `options` (value → label); '' is "not chosen" when `emptyLabel` is given. */
export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  emptyLabel,
  testId,
}: {
  label: ReactNode;
  value: V | undefined;
  options: readonly { value: V; label: string }[];
  onChange: (v: V | null) => void;
  emptyLabel?: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} data-testid={testId} onChange={(e) => onChange(e.target.value === '' ? null : (e.target.value as V))}>
        {emptyLabel !== undefined || value === undefined ? <option value="">{emptyLabel ?? ''}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The autosave state next to a form: 正在保存… / 已保存 / the error. */
export function SaveState({ state, error, quiet }: { state: 'idle' | 'pending' | 'saving' | 'error'; error: unknown; quiet?: boolean }) {
  const t = useT();
  // 已自动保存 only once something was saved here: an untouched (or refused) form has saved nothing.
  const savedOnce = useRef(false);
  if (state === 'pending' || state === 'saving') savedOnce.current = true;
  if (state === 'error') return <ErrorText error={error} />;
  return (
    <p className="save-state" aria-live="polite" data-state={state}>
      {state !== 'idle' ? t('case.field.saving') : quiet || !savedOnce.current ? '' : t('case.field.saved')}
    </p>
  );
}

/** Full-width digits (０–９) as typed by Chinese input methods, read as ASCII digits. */
function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).trim();
}

/**
 * A whole number between `min` and `max` (months, counts). What the agent types stays on screen;
 * only a valid number (or an empty field, which clears the value) is passed on, anything else shows
 * why and changes nothing.
 */
export function NumberField({
  label,
  value,
  min,
  max,
  unit,
  onChange,
  required,
  money,
  testId,
}: {
  label: ReactNode;
  value: number | undefined;
  min: number;
  max: number;
  unit?: string;
  /** Called with each valid number, and with null when the field is emptied (unless `required`). */
  onChange: (v: number | null) => void;
  /** An empty field is refused like a bad number instead of clearing the value. */
  required?: boolean;
  /** Amounts in yuan: up to two decimals, thousands separators allowed. */
  money?: boolean;
  testId?: string;
}) {
  const t = useT();
  const id = useId();
  const errorId = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [invalid, setInvalid] = useState(false);
  const last = useRef(value);
  useEffect(() => {
    // Follow changes made elsewhere (another tab), but not while the agent's own text is invalid.
    if (value !== last.current) {
      last.current = value;
      setText(value === undefined ? '' : String(value));
      setInvalid(false);
    }
  }, [value]);
  const change = (raw: string) => {
    setText(raw);
    const s = money ? asciiDigits(raw).replace(/[,，]/g, '').replace(/．/g, '.') : asciiDigits(raw);
    if (s === '' && !required) {
      setInvalid(false);
      last.current = undefined;
      onChange(null);
      return;
    }
    const n = (money ? /^\d{1,9}(\.\d{1,2})?$/ : /^\d{1,6}$/).test(s) ? Number(s) : NaN;
    if (!Number.isFinite(n) || n < min || n > max) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    last.current = n;
    onChange(n);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <span className="number-field">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          value={text}
          size={money ? 10 : 6}
          maxLength={money ? 14 : 8}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
          data-testid={testId}
          onChange={(e) => change(e.target.value)}
          // Show full-width digits as the number that was saved once the agent leaves the field.
          onBlur={() => !invalid && setText(last.current === undefined ? '' : String(last.current))}
        />
        {unit ? <span className="muted small">{unit}</span> : null}
      </span>
      {invalid ? <ErrorText id={errorId} error={{ zh: t(money ? 'field.money.invalid' : 'field.number.invalid', { min, max }), en: t(money ? 'field.money.invalid' : 'field.number.invalid', { min, max }) }} /> : null}
    </div>
  );
}

/**
 * Rows written of the total by a running all-or-nothing write (a backup restore, a spreadsheet import), with
 * its cancel button: cancelling before the commit rolls the one transaction back, so nothing changes.
 */
export function WriteProgress({ progress, onCancel, cancelling, testId }: { progress: { done: number; total: number }; onCancel: () => void; cancelling: boolean; testId?: string }) {
  const t = useT();
  const text = t('progress.rows', { done: progress.done, total: progress.total });
  return (
    <div className="write-progress" data-testid={testId} data-done={progress.done} data-total={progress.total}>
      <progress max={Math.max(1, progress.total)} value={progress.done} aria-label={t('progress.label')} aria-valuetext={text} />
      <span className="small">{text}</span>
      <button type="button" onClick={onCancel} disabled={cancelling} data-testid={testId ? `${testId}-cancel` : undefined}>
        {t('common.cancel')}
      </button>
      <span className="muted small">{t('progress.cancelHint')}</span>
    </div>
  );
}
