/**
 * Fill from draft / capture to draft, confirmed here and only here (issue #20: the portal page can
 * read what we draw in it, and lay decoys over our buttons). The offer comes from the content script
 * (the page's fields and their current values); this card shows the preview with the draft's values,
 * names the page's host, checks that the page shows the employee in focus (by resident ID), and on the
 * agent's confirmation sends the ticked values to that tab (fill) or saves the page's values to the
 * draft (capture). Nothing is saved or submitted on the portal.
 */
import { useMemo, useState } from 'react';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { useT } from './i18n';
import { useCase, useCompany, useDraft, useEmployee, useFocus } from './use-live';
import { clearPendingAction, usePendingAction } from './use-pending-action';
import { draftValue } from './draft-values';
import { Card, CopyButton, ErrorText, StatusLine } from './ui';
import { getRepos } from '../storage/repos';
import { idKey, type FillOutcome, type OfferedField, type PendingPortalAction, type PortalActionProtocolMap } from '../utils/portal-actions';

const actions = defineExtensionMessaging<PortalActionProtocolMap>();

interface Row extends OfferedField {
  value: string;
}

export function PortalActionCard() {
  const pending = usePendingAction();
  if (!pending) return null;
  // A new offer starts with a fresh state.
  return <PendingAction key={pending.id} pending={pending} />;
}

function PendingAction({ pending }: { pending: PendingPortalAction }) {
  const t = useT();
  const focus = useFocus();
  const employee = useEmployee(focus?.employeeId);
  const kase = useCase(focus?.caseId);
  const company = useCompany();
  const ownDraft = useDraft(focus?.employeeId);
  const caseDraft = useDraft(focus?.employeeId, focus?.caseId);
  const [ticks, setTicks] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ tone: 'ok' | 'warn' | 'bad'; text: string } | null>(null);
  const { offer } = pending;

  const rows = useMemo<Row[]>(() => {
    if (!employee || offer.kind !== 'fill') return [];
    const captured = { ...(ownDraft?.fields ?? {}), ...(focus?.caseId ? (caseDraft?.fields ?? {}) : {}) };
    const sources = { employee, case: kase ?? null, company: company ?? null, captured };
    return offer.fields.map((f) => ({ ...f, value: draftValue(f.key, sources) })).filter((r) => r.value);
  }, [employee, kase, company, ownDraft, caseDraft, focus?.caseId, offer]);

  const title = t(offer.kind === 'fill' ? 'panel.action.fillTitle' : 'panel.action.captureTitle', { who: employee?.name ?? '' });
  const cancel = () => void clearPendingAction(pending.id);
  const from = <p className="muted small" data-testid="action-host">{t('panel.action.from', { host: pending.host })}</p>;
  const wrap = (body: React.ReactNode) => (
    <Card title={title} testId="portal-action" className="portal-action">
      {from}
      {body}
      <ErrorText error={error} />
    </Card>
  );

  if (result) {
    return wrap(
      <>
        <StatusLine tone={result.tone} testId="action-result">{result.text}</StatusLine>
        <div className="actions">
          <button type="button" onClick={cancel}>{t('common.close')}</button>
        </div>
      </>,
    );
  }
  if (!focus?.employeeId || !employee) {
    return wrap(
      <>
        <StatusLine tone="warn">{t('panel.action.noFocus')}</StatusLine>
        <div className="actions"><button type="button" onClick={cancel}>{t('common.cancel')}</button></div>
      </>,
    );
  }
  // The page must show the person in focus (when it shows an ID number at all).
  if (offer.residentIdOnPage && idKey(offer.residentIdOnPage) !== idKey(employee.residentId)) {
    return wrap(
      <>
        <StatusLine tone="bad" testId="action-other-person">{t('panel.action.otherPerson')}</StatusLine>
        <div className="actions"><button type="button" onClick={cancel}>{t('common.cancel')}</button></div>
      </>,
    );
  }

  if (offer.kind === 'capture') {
    const save = async () => {
      setBusy(true);
      setError(null);
      try {
        const r = await getRepos().drafts.saveCaptured({
          employeeId: employee.id,
          ...(focus.caseId ? { caseId: focus.caseId } : {}),
          module: offer.module,
          fields: Object.fromEntries(offer.fields.map((f) => [f.key, f.value])),
        });
        setResult({ tone: 'ok', text: t('panel.action.saved', { saved: r.saved, unchanged: r.unchanged }) });
      } catch (e) {
        setError(e);
      } finally {
        setBusy(false);
      }
    };
    return wrap(
      <>
        <table className="action-table" data-testid="capture-preview">
          <thead>
            <tr><th>{t('panel.action.col.field')}</th><th>{t('panel.action.col.page')}</th></tr>
          </thead>
          <tbody>
            {offer.fields.map((f) => (
              <tr key={f.key}><td>{f.label}</td><td>{f.value}</td></tr>
            ))}
          </tbody>
        </table>
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void save()} data-testid="capture-save">
            {t('panel.action.save')}
          </button>
          <button type="button" onClick={cancel}>{t('common.cancel')}</button>
        </div>
      </>,
    );
  }

  const isOn = (r: Row) => ticks[`${r.key}#${r.index}`] ?? (r.current === '' && r.mode !== 'manual');
  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      const chosen = rows.filter((r) => r.mode !== 'manual' && r.current !== r.value && isOn(r));
      const outcome: FillOutcome = await actions.sendMessage(
        'applyPortalFill',
        { actionId: pending.id, rows: chosen.map((r) => ({ key: r.key, index: r.index, value: r.value })) },
        pending.tabId,
      );
      if (outcome.refused) {
        setResult({ tone: 'bad', text: t(outcome.refused === 'person' ? 'panel.action.otherPerson' : 'panel.action.stale') });
      } else {
        const failed = outcome.failed.length ? ` ${t('panel.action.failed', { fields: outcome.failed.join('、') })}` : '';
        setResult({ tone: outcome.failed.length ? 'warn' : 'ok', text: `${t('panel.action.filled', { count: outcome.filled })}${failed}` });
      }
    } catch {
      setResult({ tone: 'bad', text: t('panel.action.stale') });
    } finally {
      setBusy(false);
    }
  };
  if (!rows.length) {
    return wrap(
      <>
        <StatusLine tone="neutral">{t('panel.action.nothing')}</StatusLine>
        <div className="actions"><button type="button" onClick={cancel}>{t('common.close')}</button></div>
      </>,
    );
  }
  return wrap(
    <>
      <p className="muted small">{t('panel.action.explain')}</p>
      <table className="action-table" data-testid="fill-preview">
        <thead>
          <tr>
            <th>{t('panel.action.col.field')}</th>
            <th>{t('panel.action.col.page')}</th>
            <th>{t('panel.action.col.draft')}</th>
            <th>{t('panel.action.col.action')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const id = `${r.key}#${r.index}`;
            return (
              <tr key={id} data-field={r.key}>
                <td>{r.label}</td>
                <td>{r.current || '—'}</td>
                <td>{r.value}</td>
                <td>
                  {r.mode === 'manual' ? (
                    <span>
                      {t('panel.action.manual')} <CopyButton text={r.value} label={t('common.copy')} />
                    </span>
                  ) : r.current === r.value ? (
                    t('panel.action.same')
                  ) : (
                    <label>
                      <input type="checkbox" checked={isOn(r)} onChange={(e) => setTicks({ ...ticks, [id]: e.target.checked })} />
                      {r.current ? t('panel.action.overwrite') : t('panel.action.fill')}
                    </label>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void apply()} data-testid="fill-apply">
          {t('panel.action.apply')}
        </button>
        <button type="button" onClick={cancel}>{t('common.cancel')}</button>
      </div>
    </>,
  );
}
