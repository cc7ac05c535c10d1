/**
 * The portal fills the case book (issue #17), confirmed here and only here: the people the page showed
 * (the content script's PortalRecords, kept by the background in session memory) against the case book —
 * the personal home page against the employee and case in focus (「保存到案卷」), an employer's list against
 * every employee (「同步到案卷簿」). The plan (rules/portal-records.ts) is previewed old → new with what is
 * shown but not saved (unknown state words verbatim, rows we cannot place, the page we did not read);
 * one confirmation applies all of it or nothing (storage/repos/portal-sync.ts), audited with the page and
 * the day. The portal itself is never written to.
 */
import { useMemo, useState } from 'react';
import { pickText, useLang, useT, type Lang } from './i18n';
import { useCase, useEmployee, useFocus, usePortalSyncSnapshot } from './use-live';
import { useSessionValue } from './use-session-value';
import { useToday } from './use-today';
import { Card, ErrorText, StatusLine } from './ui';
import { caseStatusLabel, holderLabel, maskIdLast4 } from './casebook/labels';
import { getRepos } from '../storage/repos';
import { PORTAL_RECORDS_KEY, PortalRecordsEntry, type TabContext } from '../utils/messaging';
import { matchPerson, planListSync, planPersonSync, type PortalRecords, type SyncChange, type SyncPlan } from '../rules/portal-records';
import type { CaseStatus, HolderStatus } from '../rules/model';

/** The records of the page the active portal tab shows now, else null. */
function useRecordsOf(context: TabContext | null | undefined): PortalRecordsEntry | null {
  const entry = useSessionValue(PORTAL_RECORDS_KEY, PortalRecordsEntry);
  if (!entry || !context) return null;
  // Records of another tab, or of a page this tab has left, are not shown.
  return entry.tabId === context.tabId && entry.url === context.report.url && entry.records.module === context.report.module ? entry : null;
}

export function PortalSyncCard({ context }: { context: TabContext | null | undefined }) {
  const entry = useRecordsOf(context);
  if (!entry) return null;
  // New records start with a fresh state (no confirmation carried over to another page's rows).
  return <Records key={`${entry.url}|${entry.at}`} entry={entry} />;
}

function valueText(lang: Lang, field: string, v: string | null): string {
  if (v === null) return '—';
  if (field === 'holderStatus') return holderLabel(lang, v as HolderStatus);
  if (field === 'status') return caseStatusLabel(lang, v as CaseStatus);
  return v;
}

/** The page the changes came from, for the audit log: module and address without its query. */
function pageOf(entry: PortalRecordsEntry, view: string): string {
  let where = entry.url;
  try {
    const u = new URL(entry.url);
    where = `${u.host}${u.pathname}${u.hash.split('?')[0]}`;
  } catch {
    /* keep the URL as sent */
  }
  return `${view} · ${where}`.slice(0, 300);
}

function Records({ entry }: { entry: PortalRecordsEntry }) {
  const { records } = entry;
  return records.kind === 'person' ? <PersonRecords entry={entry} records={records} /> : <ListRecords entry={entry} records={records} />;
}

function PersonRecords({ entry, records }: { entry: PortalRecordsEntry; records: Extract<PortalRecords, { kind: 'person' }> }) {
  const t = useT();
  const focus = useFocus();
  const employee = useEmployee(focus?.employeeId);
  const kase = useCase(focus?.caseId);
  const [confirmedPerson, setConfirmedPerson] = useState(false);
  const match = matchPerson(records.person, employee ?? undefined, confirmedPerson);
  const plan = useMemo(() => (match.ok && employee ? planPersonSync(records, employee, kase ?? undefined) : null), [match.ok, employee, kase, records]);
  const lang = useLang();
  let head: React.ReactNode = null;
  if (!match.ok) {
    head =
      match.reason === 'needs-confirmation' && employee ? (
        <label className="check" data-testid="records-confirm-person">
          <input type="checkbox" checked={confirmedPerson} onChange={(e) => setConfirmedPerson(e.target.checked)} /> {t('panel.records.confirmPerson', { name: employee.name })}
        </label>
      ) : (
        <StatusLine tone={match.reason === 'no-focus' ? 'warn' : 'bad'} testId="records-refused">
          {match.reason === 'no-focus' ? t('panel.records.noFocus') : pickText(lang, match.text)}
        </StatusLine>
      );
  } else {
    head = <p className="muted small" data-testid="records-match">{t(match.by === 'full' ? 'panel.records.matchFull' : match.by === 'masked' ? 'panel.records.matchMasked' : 'panel.records.matchConfirmed')}</p>;
  }
  return (
    <SyncBody entry={entry} title={t('panel.records.personTitle')} offer={t('panel.records.saveOffer')} head={head} plan={plan} view={t('module.person-overview')} />
  );
}

function ListRecords({ entry, records }: { entry: PortalRecordsEntry; records: Extract<PortalRecords, { kind: 'list' }> }) {
  const t = useT();
  const today = useToday();
  const snapshot = usePortalSyncSnapshot(true);
  const plan = useMemo(() => (snapshot ? planListSync(records, snapshot.employees, snapshot.cases, today) : null), [snapshot, records, today]);
  const view = records.view || t(`module.${records.module}`);
  const head = plan ? (
    <>
      <p className="muted small" data-testid="records-rows">{t('panel.records.rows', { n: plan.rows })}</p>
      {plan.paging ? (
        <StatusLine tone="warn" testId="records-paged">
          {t('panel.records.paged', { page: plan.paging.page, pages: plan.paging.pages })}
        </StatusLine>
      ) : null}
    </>
  ) : null;
  return <SyncBody entry={entry} title={t('panel.records.listTitle', { view })} offer={t('panel.records.syncOffer')} head={head} plan={plan} view={view} />;
}

/** One change of the preview, old → new (a new employee's ID shows its last 4 characters only; exported for tests). */
export function ChangeLine({ c }: { c: SyncChange }) {
  const t = useT();
  const lang = useLang();
  const row = c.row !== null && c.kind !== 'new-employee' ? `${t('panel.records.row', { n: c.row + 1 })} · ` : '';
  const word = c.word ? t('panel.records.word', { word: c.word }) : '';
  if (c.kind === 'new-employee') {
    const until = c.permitValidUntil ? t('panel.records.untilPart', { date: c.permitValidUntil }) : '';
    return <li data-change="new-employee">{t('panel.records.newEmployee', { name: c.name, id: maskIdLast4(c.residentId), status: holderLabel(lang, c.holderStatus), until })}</li>;
  }
  return (
    <li data-change={`${c.kind}.${c.field}`}>
      {row}
      {c.name} · {t(`panel.records.field.${c.field}`)}：<span className="muted">{valueText(lang, c.field, c.before)}</span> → <strong>{valueText(lang, c.field, c.after)}</strong>
      {word}
    </li>
  );
}

function SyncBody({ entry, title, offer, head, plan, view }: { entry: PortalRecordsEntry; title: string; offer: string; head: React.ReactNode; plan: SyncPlan | null; view: string }) {
  const t = useT();
  const lang = useLang();
  const today = useToday();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ tone: 'ok' | 'neutral'; text: string } | null>(null);
  const apply = async () => {
    if (!plan) return;
    setBusy(true);
    setError(null);
    try {
      const done = await getRepos().portalSync.apply(plan.changes, { page: pageOf(entry, view), day: today });
      setResult({ tone: 'ok', text: t('panel.records.done', { created: done.created, updated: done.updated }) });
      setConfirming(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => {
    setConfirming(false);
    setResult({ tone: 'neutral', text: t('panel.records.cancelled') });
  };
  return (
    <Card title={title} testId="portal-records" className="sync">
      <p className="muted small" data-testid="records-host">{t('panel.records.from', { host: entry.host })}</p>
      {head}
      {plan ? (
        <>
          {plan.changes.length ? (
            <>
              <p>{t('panel.records.changes')}</p>
              <ul className="offers" data-testid="records-changes">
                {plan.changes.map((c, i) => (
                  <ChangeLine key={i} c={c} />
                ))}
              </ul>
            </>
          ) : result ? null : (
            <StatusLine tone="ok" testId="records-nothing">{t('panel.records.nothing')}</StatusLine>
          )}
          {plan.notes.length ? (
            <>
              <p className="muted">{t('panel.records.notes')}</p>
              <ul className="muted small" data-testid="records-notes">
                {plan.notes.map((n, i) => (
                  <li key={i}>
                    {n.row !== null ? `${t('panel.records.row', { n: n.row + 1 })} · ` : ''}
                    {n.name ? `${n.name} · ` : ''}
                    {pickText(lang, n.text)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {result ? <StatusLine tone={result.tone} testId="records-result">{result.text}</StatusLine> : null}
          {plan.changes.length === 0 ? null : confirming ? (
            <div className="confirm" role="group" aria-label={offer}>
              <p>
                <strong>{t('panel.records.confirmQuestion', { n: plan.changes.length })}</strong>
              </p>
              <div className="actions">
                <button type="button" className="primary" onClick={() => void apply()} disabled={busy} data-testid="records-confirm" autoFocus>
                  {t('panel.records.confirm')}
                </button>
                <button type="button" onClick={cancel} data-testid="records-cancel">
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" onClick={() => (setConfirming(true), setResult(null))} data-testid="records-offer">
              {offer}
            </button>
          )}
        </>
      ) : null}
      <ErrorText error={error} />
    </Card>
  );
}
