/**
 * The audit history (storage's audit log, written with every change) of an employee or of one case — the
 * case's row, its checklist ticks, documents and notes — newest first: when, from where, what changed.
 */
import { useMemo, useState } from 'react';
import { pickText, useLang, useT, type MessageKey } from '../i18n';
import { catalogs } from '../i18n/translate';
import { CHECKLIST_ITEMS, type ChecklistItemId } from '../../rules/checklist';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../../rules/validity';
import { Card } from '../ui';
import { useAuditLog, useDocuments, useNotes } from '../use-live';
import type { AuditEntry } from '../../storage/schemas';
import type { Lang } from '../i18n';
import { HOUSING_LABELS, type BusinessType, type CaseStatus, type HolderStatus, type HousingOption } from '../../rules/model';
import { maskPhone } from '../../utils/mask';
import { BUSINESSES, CASE_STATUSES, HOLDER_STATUSES, beijingDateTime, businessLabel, caseStatusLabel, holderLabel, maskIdLast4 } from './labels';

const FIELD: Record<string, [string, string]> = {
  name: ['姓名', 'name'], residentId: ['身份证号', 'resident ID'], phone: ['电话', 'phone'], category: ['申报类别', 'category'],
  holderStatus: ['持证状态', 'holder status'], permitValidUntil: ['证件有效期至', 'permit valid until'], permitValidFrom: ['证件有效期起', 'permit valid from'],
  notes: ['备注', 'notes'], status: ['办理状态', 'status'], submittedOn: ['提交日期', 'submitted on'], acceptedOn: ['受理日期', 'accepted on'],
  decidedOn: ['办结日期', 'decided on'], validUntil: ['有效期至', 'valid until'], state: ['勾选状态', 'state'], text: ['内容', 'text'], kind: ['材料类型', 'kind'],
  label: ['名称', 'label'], note: ['备注', 'note'], business: ['业务类型', 'business'], itemId: ['材料', 'item'], facts: ['申报情况', 'facts'],
  housing: ['住所证明', 'housing'], children: ['随往子女', 'children'], fields: ['采集的字段', 'captured fields'], module: ['页面', 'page'],
};

const HIDDEN = new Set(['updatedAt', 'createdAt', 'id', 'residentIdRev', 'fallsBelowRuleOn', 'employeeId', 'caseId', 'gender', 'birthDate', 'at']);

function fieldName(path: string, lang: string): string {
  const parts = path.split('.');
  const last = parts[parts.length - 1];
  const f = FIELD[last];
  const name = f ? (lang === 'en' ? f[1] : f[0]) : last;
  return parts[0] === 'facts' && parts.length > 1 ? `${lang === 'en' ? 'facts' : '情况'}·${name}` : name;
}

/** Fields holding a resident ID or a phone number, under any of the names the repositories and captured drafts use. */
const ID_KEYS = new Set(['residentId', 'childResidentId', 'spouseResidentId', 'agentResidentId']);
const PHONE_KEYS = new Set(['phone', 'agentPhone', 'mobile', 'agentMobile']);
// Anything that looks like a resident ID (18 or 15 characters) or a mainland mobile number, wherever it sits:
// a captured draft or an object value shown as JSON must not spell one out either.
const ID_LIKE = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const PHONE_LIKE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const maskAll = (s: string) => s.replace(ID_LIKE, (m) => maskIdLast4(m)).replace(PHONE_LIKE, (m) => maskPhone(m));

/**
 * A value as the agent reads it: labels for codes, IDs and phones masked (the log shows changes, not personal
 * data; there is no reveal here — the employee page has its own).
 */
export function auditValue(path: string, v: unknown, lang: Lang): string {
  if (v === null || v === undefined) return '—';
  const key = path.split('.').pop()!;
  if (typeof v === 'string') {
    if (ID_KEYS.has(key)) return maskIdLast4(v);
    if (PHONE_KEYS.has(key)) return maskPhone(v);
    if (key === 'status' && (CASE_STATUSES as readonly string[]).includes(v)) return caseStatusLabel(lang, v as CaseStatus);
    if (key === 'business' && (BUSINESSES as readonly string[]).includes(v)) return businessLabel(lang, v as BusinessType);
    if (key === 'holderStatus' && (HOLDER_STATUSES as readonly string[]).includes(v)) return holderLabel(lang, v as HolderStatus);
    if (key === 'itemId' && v in CHECKLIST_ITEMS) return pickText(lang, CHECKLIST_ITEMS[v as ChecklistItemId].title);
    if (key === 'kind' && v in DOCUMENT_KIND_LABELS) return pickText(lang, DOCUMENT_KIND_LABELS[v as DocumentKind]);
    if (key === 'housing' && v in HOUSING_LABELS) return pickText(lang, HOUSING_LABELS[v as HousingOption]);
    // Codes the forms show with a label (住所证明 rented → 租住（住宅）, 勾选状态 uploaded → 已上传 …): the same label here.
    const form = key === 'state' ? 'checklist.state' : key === 'titleObtainedBy' ? 'facts.titleBy' : `facts.${key}`;
    const label = catalogs[lang][`${form}.${v}` as MessageKey];
    if (label) return label;
  }
  if (typeof v === 'boolean') return lang === 'en' ? (v ? 'yes' : 'no') : v ? '是' : '否';
  if (key === 'facts' && typeof v === 'object') return Object.keys(v as object).map((k) => fieldName(`facts.${k}`, lang)).join('、') || (lang === 'en' ? 'none yet' : '尚未填写');
  // Masked before shortening, so that a cut can never leave part of a number unmasked.
  const s = maskAll(typeof v === 'string' ? v : JSON.stringify(v));
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** What one audit entry changed (exported for tests). */
export function Changes({ e }: { e: AuditEntry }) {
  const lang = useLang();
  if (e.op === 'create' || e.op === 'import') {
    const keys = Object.keys(e.after ?? {}).filter((k) => !HIDDEN.has(k));
    return <div className="muted">{keys.slice(0, 6).map((k) => `${fieldName(k, lang)}：${auditValue(k, e.after![k], lang)}`).join('；')}</div>;
  }
  if (e.op !== 'update') return null;
  const keys = Object.keys(e.after ?? {}).filter((k) => !HIDDEN.has(k));
  return (
    <ul className="audit-changes">
      {keys.map((k) => (
        <li key={k}>
          {fieldName(k, lang)}：<span className="muted">{auditValue(k, e.before?.[k], lang)}</span> → {auditValue(k, e.after?.[k], lang)}
        </li>
      ))}
    </ul>
  );
}

export function AuditCard({ employeeId, caseId }: { employeeId?: string; caseId?: string }) {
  const t = useT();
  const [limit, setLimit] = useState(30);
  const byEmployee = useAuditLog(employeeId ? { employeeId, limit: 1000 } : { table: 'cases', recordId: caseId ?? '-', limit: 1000 });
  const docs = useDocuments(caseId ? { caseId } : undefined);
  const notes = useNotes(caseId ? { caseId } : undefined);
  const entries = useMemo(() => {
    if (!byEmployee) return undefined;
    if (!caseId) return byEmployee;
    const ids = new Set([...(docs ?? []).map((d) => d.id), ...(notes ?? []).map((n) => n.id)]);
    return byEmployee.filter(
      (e) =>
        (e.table === 'cases' && e.recordId === caseId) ||
        (e.table === 'ticks' && e.recordId.startsWith(`${caseId}|`)) ||
        ((e.table === 'documents' || e.table === 'notes') && (ids.has(e.recordId) || e.after?.caseId === caseId)),
    );
  }, [byEmployee, caseId, docs, notes]);
  const opKey: Record<AuditEntry['op'], MessageKey> = { create: 'casebook.audit.op.create', update: 'casebook.audit.op.update', delete: 'casebook.audit.op.delete', erase: 'casebook.audit.op.delete', import: 'casebook.audit.op.import' };
  const tableKey = (tb: AuditEntry['table']) => `casebook.audit.table.${tb}` as MessageKey;
  const sourceKey = (s: AuditEntry['source']) => `casebook.audit.source.${s}` as MessageKey;
  return (
    <Card title={t('casebook.audit.title')} testId="audit-card">
      {entries && entries.length === 0 ? <p className="muted">{t('casebook.audit.none')}</p> : null}
      <ol className="audit">
        {(entries ?? []).slice(0, limit).map((e) => (
          <li key={e.id} data-testid="audit-entry">
            <span className="mono muted">{beijingDateTime(e.at)}</span> <strong>{t(opKey[e.op])}</strong> {t(tableKey(e.table))}
            {e.table === 'ticks' ? <span className="muted"> {e.recordId.split('|')[1]}</span> : null}
            <span className="muted small"> · {t(sourceKey(e.source))}</span>
            {/* Read off a portal page (同步到案卷簿 / 保存到案卷): which page, which Beijing day. */}
            {e.origin ? <span className="muted small" data-testid="audit-origin"> · {t('casebook.audit.origin', { page: e.origin.page, day: e.origin.day })}</span> : null}
            <Changes e={e} />
          </li>
        ))}
      </ol>
      {entries && entries.length > limit ? (
        <button type="button" onClick={() => setLimit(limit + 50)}>
          {t('casebook.audit.more', { n: entries.length - limit })}
        </button>
      ) : null}
    </Card>
  );
}
