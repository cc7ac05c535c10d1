/**
 * Documents with validity (§五) of an employee or a case: each with its verdict for an upload today
 * (3 months, contracts 6, inclusive) and the day it falls below the rule; add, edit the date, delete.
 * The checklist card (components/ChecklistCard) records the dates of checklist items; documents added
 * there show here too.
 */
import { useId, useState } from 'react';
import { pickText, useLang, useT } from '../i18n';
import { Card, DateField, ErrorText, StatusBadge } from '../ui';
import { useDocuments } from '../use-live';
import { getRepos } from '../../storage/repos';
import { checkValidity, DOCUMENT_KIND_LABELS, DocumentKind } from '../../rules/validity';
import type { DocumentRecord } from '../../storage/schemas';

function Verdict({ doc, today }: { doc: DocumentRecord; today: string }) {
  const t = useT();
  const lang = useLang();
  if (!doc.validUntil) return <span className="muted">{t('casebook.docs.noDate')}</span>;
  const v = checkValidity({ kind: doc.kind, validUntil: doc.validUntil }, today);
  return (
    <StatusBadge tone={v.ok ? 'ok' : 'bad'} testId="doc-verdict">
      <span title={pickText(lang, v.findings[0].message)}>{v.ok ? t('casebook.docs.ok', { months: v.monthsRequired }) : t('casebook.docs.short', { months: v.monthsRequired })}</span>
    </StatusBadge>
  );
}

function DocRow({ doc, today }: { doc: DocumentRecord; today: string }) {
  const t = useT();
  const lang = useLang();
  const [error, setError] = useState<unknown>(null);
  const [confirm, setConfirm] = useState(false);
  return (
    <li className="doc-row" data-testid="document">
      <div className="doc-title">
        <strong>{pickText(lang, DOCUMENT_KIND_LABELS[doc.kind])}</strong>
        {doc.label ? <span className="muted"> · {doc.label}</span> : null}
      </div>
      <DateField
        compact
        label={t('casebook.docs.validUntil')}
        value={doc.validUntil}
        allowLongTerm
        onCommit={(v) => getRepos().documents.update(doc.id, { validUntil: v }).then(() => setError(null), setError)}
      />
      <div className="doc-verdict">
        <Verdict doc={doc} today={today} />
        {doc.fallsBelowRuleOn ? <span className="muted small">{t('casebook.docs.fallsBelow', { date: doc.fallsBelowRuleOn })}</span> : null}
      </div>
      {confirm ? (
        <span>
          <button type="button" className="danger" onClick={() => getRepos().documents.remove(doc.id).catch(setError)}>
            {t('common.confirm')}
          </button>
          <button type="button" onClick={() => setConfirm(false)}>{t('common.cancel')}</button>
        </span>
      ) : (
        <button type="button" onClick={() => setConfirm(true)} aria-label={`${t('common.delete')} ${pickText(lang, DOCUMENT_KIND_LABELS[doc.kind])}`}>
          {t('common.delete')}
        </button>
      )}
      <ErrorText error={error} />
    </li>
  );
}

export function DocumentsCard({ owner, today }: { owner: { employeeId: string } | { caseId: string }; today: string }) {
  const t = useT();
  const lang = useLang();
  const docs = useDocuments(owner);
  const kindId = useId();
  const labelId = useId();
  const [kind, setKind] = useState<DocumentKind>('resident-id-card');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<unknown>(null);
  const sorted = [...(docs ?? [])].sort((a, b) => (a.fallsBelowRuleOn ?? '9999').localeCompare(b.fallsBelowRuleOn ?? '9999'));
  return (
    <Card title={t('casebook.docs.title')} testId="documents-card">
      <p className="muted small">{t('casebook.docs.rule')}</p>
      {sorted.length === 0 && docs ? <p className="muted">{t('casebook.docs.none')}</p> : null}
      <ul className="docs">
        {sorted.map((d) => (
          <DocRow key={d.id} doc={d} today={today} />
        ))}
      </ul>
      <form
        className="doc-add"
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await getRepos().documents.create({ ...owner, kind, ...(label.trim() ? { label: label.trim() } : {}) });
            setLabel('');
            setError(null);
          } catch (err) {
            setError(err);
          }
        }}
      >
        <label htmlFor={kindId}>{t('casebook.docs.kind')}</label>
        <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)} data-testid="doc-kind">
          {DocumentKind.options.map((k) => (
            <option key={k} value={k}>
              {pickText(lang, DOCUMENT_KIND_LABELS[k])}
            </option>
          ))}
        </select>
        <label htmlFor={labelId}>{t('casebook.docs.label')}</label>
        <input id={labelId} value={label} maxLength={100} onChange={(e) => setLabel(e.target.value)} />
        <button type="submit" data-testid="doc-add">{t('casebook.docs.add')}</button>
      </form>
      <ErrorText error={error} />
    </Card>
  );
}
