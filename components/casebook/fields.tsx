/**
 * Form fields of the case book that autosave: the value is checked as typed, and only a valid value is
 * handed on (the autosaver keeps a failed patch for retrying, so an invalid one must never reach it);
 * an invalid value shows why, and the stored value stays as it was.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { pickText, useLang } from '../i18n';
import { ToneIcon } from '../ui';
import type { Bilingual } from '../../rules/model';

/** The first issue of a zod result as a bilingual text (our messages are written 「中文 / English」). */
export function zodMessage(result: z.ZodSafeParseResult<unknown>): Bilingual | null {
  if (result.success) return null;
  const msg = result.error.issues[0]?.message ?? '';
  const [zh, en] = msg.includes(' / ') ? msg.split(' / ') : [msg, msg];
  if (result.error.issues[0]?.code === 'too_small') return { zh: '不能为空', en: 'Must not be empty' };
  if (result.error.issues[0]?.code === 'too_big') return { zh: '内容过长', en: 'Too long' };
  return { zh, en };
}

export function TextField({
  label,
  value,
  onCommit,
  validate,
  multiline,
  hint,
  testId,
  className,
  mono,
}: {
  label: ReactNode;
  value: string | undefined;
  /** Called with every valid value ('' = cleared). */
  onCommit: (v: string) => void;
  validate?: (v: string) => Bilingual | null;
  multiline?: boolean;
  hint?: ReactNode;
  testId?: string;
  className?: string;
  mono?: boolean;
}) {
  const id = useId();
  const lang = useLang();
  const [text, setText] = useState(value ?? '');
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setText(value ?? '');
  }, [value, editing]);
  const problem = validate ? validate(text) : null;
  const props = {
    id,
    value: text,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? `${id}-err` : hint ? `${id}-hint` : undefined,
    'data-testid': testId,
    className: mono ? 'mono' : undefined,
    onFocus: () => setEditing(true),
    onBlur: () => setEditing(false),
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const v = e.target.value;
      setText(v);
      if (!validate || !validate(v)) onCommit(v);
    },
  };
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={3} {...props} /> : <input type="text" autoComplete="off" {...props} />}
      {hint && !problem ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p className="field-error" role="alert" id={`${id}-err`}>
          <ToneIcon tone="bad" />
          <span>{pickText(lang, problem)}{lang === 'en' ? ' Not saved.' : '（未保存）'}</span>
        </p>
      ) : null}
    </div>
  );
}
