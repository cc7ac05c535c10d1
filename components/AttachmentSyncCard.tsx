/**
 * On a 附件管理 page: the rows the page shows 已上传 whose checklist items are not ticked yet, offered
 * for ticking — after one confirmation, never silently, and naming the page's host (any page on the
 * portal's hosts can make such rows). Rows come from the content script's page
 * report (PageReport.attachments); matching is components/attachment-match.ts.
 */
import { useMemo, useState } from 'react';
import { pickText, useLang, useT } from './i18n';
import { useCase, useDocuments, useEmployee, useTicks } from './use-live';
import { useToday } from './use-today';
import { Card, Dates, ErrorText, StatusLine } from './ui';
import { caseChecklist, itemValidities } from '../rules/case-facts';
import { matchAttachmentRows, uploadedOffers } from '../rules/attachment-rows';
import { getRepos } from '../storage/repos';
import type { PageReport } from '../utils/messaging';
import { portalHostOf } from '../utils/matches';

export function AttachmentSyncCard({ caseId, report }: { caseId: string; report: PageReport }) {
  const t = useT();
  const lang = useLang();
  const c = useCase(caseId);
  const employee = useEmployee(c?.employeeId);
  const ticks = useTicks(caseId);
  const docs = useDocuments({ caseId });
  const today = useToday();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);
  const list = useMemo(() => (c ? caseChecklist(c, employee) : undefined), [c, employee]);
  if (!c || !list || !ticks || !docs || !report.attachments) return null;

  const matches = matchAttachmentRows(report.attachments, list.items, report.module);
  const offers = uploadedOffers(matches, ticks);
  const titleOf = (id: string) => pickText(lang, list.items.find((i) => i.id === id)!.title);
  const uploadedRows = report.attachments.filter((r) => r.status === 'uploaded').length;
  // The §五 verdict of each offered item's saved document: 已上传 on the page does not make a short lease good.
  const validities = itemValidities(list.items, docs, ticks, today);
  const failing = offers.filter((o) => validities.get(o.itemId)?.ok === false).length;

  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      for (const o of offers) await getRepos().ticks.set(caseId, o.itemId, { state: 'uploaded' });
      setDone(offers.length);
      setConfirming(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('panel.sync.title')} testId="attachment-sync" className="sync">
      {offers.length === 0 ? (
        <StatusLine tone="ok">{done ? t('panel.sync.done', { n: done }) : t('panel.sync.nothing', { n: uploadedRows })}</StatusLine>
      ) : (
        <>
          {/* Rows come from page content: say which page (issue #20). */}
          <p className="muted small" data-testid="sync-host">{t('panel.sync.fromHost', { host: portalHostOf(report.url) })}</p>
          <p>{t('panel.sync.found', { n: offers.length })}</p>
          <ul className="offers" data-testid="sync-offers">
            {offers.map((o) => (
              <li key={o.itemId} data-offer-id={o.itemId}>
                <span className="offer-item">{titleOf(o.itemId)}</span>
                <span className="muted small">{t('panel.sync.fromRow', { rows: o.rows.join('、') })}</span>
                {validities.get(o.itemId)?.ok === false ? (
                  <StatusLine tone="bad" testId={`sync-validity-${o.itemId}`}>
                    <Dates text={pickText(lang, validities.get(o.itemId)!.findings[0].message)} />
                  </StatusLine>
                ) : null}
              </li>
            ))}
          </ul>
          {confirming ? (
            <div className="confirm" role="group" aria-label={t('panel.sync.confirmTitle')}>
              <p>
                <strong>{t('panel.sync.confirmQuestion', { n: offers.length })}</strong>
              </p>
              {failing ? (
                <StatusLine tone="bad" testId="sync-validity-warning">
                  {t('panel.sync.validityWarning', { n: failing })}
                </StatusLine>
              ) : null}
              <div className="actions">
                <button type="button" className="primary" onClick={() => void apply()} disabled={busy} data-testid="sync-confirm" autoFocus>
                  {t('panel.sync.confirm')}
                </button>
                <button type="button" onClick={() => setConfirming(false)} data-testid="sync-cancel">
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" onClick={() => (setConfirming(true), setDone(null))} data-testid="sync-offer">
              {t('panel.sync.offer', { n: offers.length })}
            </button>
          )}
        </>
      )}
      <ErrorText error={error} />
      <p className="muted small">{t('panel.sync.note')}</p>
    </Card>
  );
}
