/**
 * On a 附件管理 page with no case in focus (issue #18 item 11): the business's basic checklist — the same
 * list the overlay on that page shows (rules/case-facts.ts caseChecklist with no facts) — with what the page
 * says of each item, so an agent who opens the panel mid-upload gets help at once; and, on the applicant's
 * page, the offer to keep it as a case (add the employee: the new case form then proposes this business).
 */
import { useMemo } from 'react';
import { pickText, useLang, useT } from './i18n';
import { Bi, Card, StatusLine, ToneIcon } from './ui';
import { ItemTags } from './ChecklistCard';
import { caseChecklist, checklistBusinessFor } from '../rules/case-facts';
import { itemsOnPage, matchAttachmentRows, pageStateOf } from '../rules/attachment-rows';
import { BUSINESS_LABELS } from '../rules/texts';
import type { PageReport } from '../utils/messaging';
import type { PortalModule } from '../rules/model';

const STATE_TONE = { uploaded: 'ok', missing: 'bad', 'no-row': 'unknown' } as const;

/** The modules this card serves: the two 附件管理 pages. */
export function isAttachmentsPage(module: PortalModule | null | undefined): module is 'person-attachments' | 'unit-attachments' {
  return module === 'person-attachments' || module === 'unit-attachments';
}

export function PageChecklistCard({ report, onKeepAsCase }: { report: PageReport & { module: 'person-attachments' | 'unit-attachments' }; onKeepAsCase?: () => void }) {
  const t = useT();
  const lang = useLang();
  const business = checklistBusinessFor(report.module, undefined);
  const businessName = pickText(lang, BUSINESS_LABELS[business]);
  const list = useMemo(() => caseChecklist({ business, facts: {} }), [business]);
  const here = itemsOnPage(list.items, report.module).filter((i) => i.kind === 'document');
  const matches = matchAttachmentRows(report.attachments ?? [], list.items, report.module);
  const stateOf = (id: string) => pageStateOf(matches, id);
  const uploaded = here.filter((i) => stateOf(i.id) === 'uploaded').length;
  return (
    <Card
      title={t('panel.pageList.title', { business: businessName })}
      testId="page-checklist"
      actions={<span className="section">{list.section}</span>}
    >
      <StatusLine tone="info">{t('panel.pageList.basic')}</StatusLine>
      <p data-testid="page-checklist-summary">{t('panel.pageList.summary', { n: here.length, uploaded, missing: here.length - uploaded })}</p>
      <ol className="items" data-testid="page-checklist-items">
        {here.map((item) => {
          const state = stateOf(item.id);
          return (
            <li key={item.id} className="item" data-item-id={item.id} data-page-state={state}>
              <div className="item-head">
                <ToneIcon tone={STATE_TONE[state]} />
                <p className="item-title">
                  <Bi text={item.title} />
                </p>
                <span className="muted small">{t(`panel.pageList.state.${state}`)}</span>
              </div>
              <ItemTags item={item} />
            </li>
          );
        })}
      </ol>
      {list.notes.map((n, i) => (
        <StatusLine key={i} tone="info">
          <Bi text={n} />
        </StatusLine>
      ))}
      {onKeepAsCase ? (
        <div className="row">
          <button type="button" className="primary" onClick={onKeepAsCase} data-testid="page-checklist-keep">
            {t('panel.pageList.keep', { business: businessName })}
          </button>
        </div>
      ) : null}
    </Card>
  );
}
