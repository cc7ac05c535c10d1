/**
 * The live checklist of a case (rules/checklist `checklist()`): per item what to upload, who uploads
 * it and where, signature and seal, the validity rule with a date field judged at once (§五), notes and
 * the guide section; tick states todo / ready / uploaded / n.a. saved through the ticks repository;
 * progress n of m. Items done on the portal page the agent is on are marked 本页.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { pickText, useLang, useT } from './i18n';
import { useAutosave } from './use-autosave';
import { useCase, useCasesOfEmployee, useDocuments, useEmployee, useTicks } from './use-live';
import { useToday } from './use-today';
import { Bi, Card, DateField, Dates, ErrorText, StatusLine, ToneIcon, type DateValue, type Tone } from './ui';
import { caseChecklist, childAges, documentKindOf, progressOf } from '../rules/case-facts';
import { itemsOnPage } from '../rules/attachment-rows';
import { getRepos } from '../storage/repos';
import type { DocumentRecord, DocumentPatch, Tick } from '../storage/schemas';
import type { ChecklistItem } from '../rules/checklist';
import { checkValidity, type DocumentKind } from '../rules/validity';
import { checkNoBusinessInProgress } from '../rules/field-rules';
import { TickState, type PortalModule } from '../rules/model';

const STATE_TONE: Record<TickState, Tone> = { todo: 'neutral', ready: 'info', uploaded: 'ok', na: 'neutral' };
const STATE_ICON_TONE: Record<TickState, Tone> = { todo: 'unknown', ready: 'info', uploaded: 'ok', na: 'neutral' };
/** Kinds that may be valid for life (长期): resident ID cards, business licences without a term. */
const LONG_TERM_KINDS: ReadonlySet<DocumentKind> = new Set(['resident-id-card', 'business-licence']);

/** Tick states with the ones just chosen shown at once (the write follows within milliseconds). */
function useTickEditor(caseId: string) {
  const ticks = useTicks(caseId) as Record<string, Tick> | undefined;
  const [pending, setPending] = useState<Record<string, TickState>>({});
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setPending({}), [caseId]);
  useEffect(() => {
    if (!ticks) return;
    setPending((p) => {
      const left = Object.entries(p).filter(([id, s]) => ticks[id]?.state !== s);
      return left.length === Object.keys(p).length ? p : Object.fromEntries(left);
    });
  }, [ticks]);
  const merged: Record<string, Pick<Tick, 'state'>> = { ...(ticks ?? {}) };
  for (const [id, state] of Object.entries(pending)) merged[id] = { state };
  const set = async (itemId: string, state: TickState) => {
    setPending((p) => ({ ...p, [itemId]: state }));
    setError(null);
    try {
      await getRepos().ticks.set(caseId, itemId, { state });
    } catch (e) {
      setPending((p) => {
        const { [itemId]: _drop, ...rest } = p;
        return rest;
      });
      setError(e);
    }
  };
  return { ticks: merged, loaded: ticks !== undefined, set, error };
}

/**
 * The validity date of one item's document (§五: 3 months, contracts 6, inclusive), stored through the
 * documents repository (one document per case and item). The verdict for an upload today shows at once.
 */
function DocumentValidityField({
  caseId,
  item,
  kind,
  doc,
  docsLoaded = true,
  today,
}: {
  caseId: string;
  item: ChecklistItem;
  kind: DocumentKind;
  /** The case's document for this item, if one was saved. */
  doc: DocumentRecord | undefined;
  /** False while the case's documents are still loading (an unsaved date is replayed only then). */
  docsLoaded?: boolean;
  today: string;
}) {
  const t = useT();
  const lang = useLang();
  const createdId = useRef<string | undefined>(undefined);
  const [local, setLocal] = useState<DateValue | undefined>(undefined);
  useEffect(() => {
    if (doc) createdId.current = doc.id;
  }, [doc]);
  useEffect(() => setLocal(undefined), [doc?.validUntil]);
  const saver = useAutosave<DocumentPatch>(`${caseId}:${item.id}`, async (p) => {
    const id = doc?.id ?? createdId.current;
    if (id) return getRepos().documents.update(id, p);
    if (!p.validUntil) return undefined; // nothing to keep yet
    const created = await getRepos().documents.create({ caseId, itemId: item.id, kind, label: item.title.zh.slice(0, 100), validUntil: p.validUntil });
    createdId.current = created.id;
    return created;
  }, { journal: `doc:${caseId}:${item.id}`, replayWhen: docsLoaded });
  const value = local === undefined ? doc?.validUntil : (local ?? undefined);
  const must = checkValidity({ kind, validUntil: 'long-term' }, today);
  const verdict = value ? checkValidity({ kind, validUntil: value }, today) : null;
  return (
    <div className="validity" data-testid={`validity-${item.id}`}>
      <DateField
        compact
        label={t('checklist.validUntil')}
        value={value}
        allowLongTerm={LONG_TERM_KINDS.has(kind)}
        testId={`valid-until-${item.id}`}
        onCommit={(v) => {
          setLocal(v);
          saver.schedule({ validUntil: v });
        }}
        hint={<Dates text={t('checklist.mustBeValidUntil', { date: must.mustBeValidUntil, months: must.monthsRequired })} />}
      />
      {verdict ? (
        <StatusLine tone={verdict.ok ? 'ok' : 'bad'} testId={`validity-verdict-${item.id}`}>
          <Dates text={pickText(lang, verdict.findings[0].message)} />
        </StatusLine>
      ) : null}
      {saver.state === 'error' ? <ErrorText error={saver.error} /> : null}
    </div>
  );
}

/** What an item asks for (signature and seal, validity, the income annotation, its condition): one rendering for every list. */
export function ItemTags({ item }: { item: ChecklistItem }) {
  const t = useT();
  const months = item.validity === '6-months' ? 6 : item.validity === '3-months' ? 3 : 0;
  if (!(item.signatureAndSeal || item.sealRequired || months || item.needsIncomeAnnotation || item.condition)) return null;
  return (
    <p className="item-tags">
      {item.signatureAndSeal ? <span className="tag tag-seal">{t('checklist.signAndSeal')}</span> : item.sealRequired ? <span className="tag tag-seal">{t('checklist.seal')}</span> : null}
      {months ? (
        <span className="tag tag-validity" data-testid={`rule-${item.id}`}>
          {t('checklist.validityRule', { months })}
        </span>
      ) : null}
      {item.needsIncomeAnnotation ? <span className="tag">{t('checklist.annotation')}</span> : null}
      {item.condition ? (
        <span className="tag tag-condition">
          <Bi text={item.condition} />
        </span>
      ) : null}
    </p>
  );
}

function ItemRow({
  item,
  state,
  onState,
  onPage,
  caseId,
  doc,
  docsLoaded,
  today,
}: {
  item: ChecklistItem;
  state: TickState;
  onState: (s: TickState) => void;
  onPage: boolean;
  caseId: string;
  doc: DocumentRecord | undefined;
  docsLoaded: boolean;
  today: string;
}) {
  const t = useT();
  const lang = useLang();
  const selectId = useId();
  const titleId = useId();
  const kind = documentKindOf(item);
  return (
    <li className={`item state-${state}${onPage ? ' on-page' : ''}`} data-item-id={item.id} data-state={state} data-on-page={onPage || undefined}>
      <div className="item-head">
        <ToneIcon tone={STATE_ICON_TONE[state]} />
        <p className="item-title" id={titleId}>
          <Bi text={item.title} />
        </p>
        <label className="visually-hidden" htmlFor={selectId}>
          {t('checklist.stateOf', { item: pickText(lang, item.title) })}
        </label>
        <select id={selectId} className={`tick tick-${STATE_TONE[state]}`} value={state} onChange={(e) => onState(e.target.value as TickState)} data-testid={`tick-${item.id}`}>
          {TickState.options.map((s) => (
            <option key={s} value={s}>
              {t(`checklist.state.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="item-meta">
        {onPage ? <span className="tag tag-page">{t('checklist.onThisPage')}</span> : null}
        <span>{t(item.kind === 'action' ? 'checklist.doneBy' : 'checklist.uploadedBy', { who: t(`checklist.who.${item.uploader}`) })}</span>
        <span aria-hidden="true"> · </span>
        <span>
          <Bi text={item.placeLabel} />
        </span>
      </p>
      <ItemTags item={item} />
      {kind && state !== 'na' ? <DocumentValidityField caseId={caseId} item={item} kind={kind} doc={doc} docsLoaded={docsLoaded} today={today} /> : null}
      <details className="item-more">
        <summary>
          {t('checklist.more')} <span className="section" title={t('checklist.sectionTitle', { section: item.section })}>{item.section}</span>
        </summary>
        {item.notes.length ? (
          <ul className="notes-list">
            {item.notes.map((n, i) => (
              <li key={i}>
                <Bi text={n} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">{t('checklist.noNotes')}</p>
        )}
        <p className="muted small">{t('checklist.source', { section: item.section })}</p>
      </details>
    </li>
  );
}

/** The checklist card of a case; `pageModule` is the module of the active portal tab, if any. */
export function ChecklistCard({ caseId, pageModule }: { caseId: string; pageModule?: PortalModule | null }) {
  const t = useT();
  const lang = useLang();
  const today = useToday();
  const c = useCase(caseId);
  const employee = useEmployee(c?.employeeId);
  const docs = useDocuments({ caseId });
  const { ticks, loaded, set, error } = useTickEditor(caseId);
  const [onlyPage, setOnlyPage] = useState(false);
  const others = useCasesOfEmployee(c?.employeeId);
  const list = useMemo(() => (c ? caseChecklist(c, employee) : undefined), [c, employee]);
  if (!c || !list) return null;
  // §七 4: the guide is not this applicant's — its notice instead of the Daxing checklist (no items, no ticks).
  if (list.outOfScope) {
    return (
      <Card title={t('checklist.title')} testId="checklist">
        <StatusLine tone="warn" testId="guide-out-of-scope">
          <Bi text={list.notes[0]} /> <span className="section">{list.section}</span>
        </StatusLine>
      </Card>
    );
  }
  // §六(二): personal data changes only while no other business of the person is under review.
  const busy =
    c.business === 'personal-info-change' && others
      ? checkNoBusinessInProgress(others.filter((o) => o.id !== c.id).map((o) => o.status)).findings.find((f) => !f.passed)
      : undefined;
  const onPageIds = new Set(itemsOnPage(list.items, pageModule).map((i) => i.id));
  const progress = progressOf(list.items, ticks);
  const kids = childAges(c, today).filter((k) => !k.result.ok);
  const docByItem = new Map((docs ?? []).filter((d) => d.itemId).map((d) => [d.itemId!, d]));
  const shown = onlyPage && onPageIds.size ? list.items.filter((i) => onPageIds.has(i.id)) : list.items;
  const pct = progress.total ? Math.round((progress.uploaded / progress.total) * 100) : 0;

  return (
    <Card
      title={t('checklist.title')}
      testId="checklist"
      actions={
        <span className="section" title={t('checklist.sectionTitle', { section: list.section })}>
          {list.section}
        </span>
      }
    >
      <div className="progress" data-testid="checklist-progress" data-uploaded={progress.uploaded} data-total={progress.total}>
        <p>
          <strong>{t('checklist.progress', { n: progress.uploaded, m: progress.total })}</strong>
          {progress.ready ? <span className="muted">{t('checklist.progressReady', { n: progress.ready })}</span> : null}
          {progress.na ? <span className="muted">{t('checklist.progressNa', { n: progress.na })}</span> : null}
        </p>
        <progress max={100} value={pct} aria-label={t('checklist.progressLabel')} />
      </div>
      {busy ? (
        <StatusLine tone="warn" testId="business-in-progress">
          <Bi text={busy.message} /> <span className="section">{busy.section}</span>
        </StatusLine>
      ) : null}
      {kids.map((k) => (
        <StatusLine key={k.index} tone="warn" testId="child-age-warning">
          <Dates text={pickText(lang, k.result.findings[0].message)} />
        </StatusLine>
      ))}
      {list.notes.map((n, i) => (
        <StatusLine key={i} tone="info">
          <Bi text={n} />
        </StatusLine>
      ))}
      {onPageIds.size ? (
        <div className="page-hint" data-testid="checklist-page-hint">
          <p>{t('checklist.pageHint', { module: t(`module.${pageModule!}`), n: onPageIds.size })}</p>
          <label className="check">
            <input type="checkbox" checked={onlyPage} onChange={(e) => setOnlyPage(e.target.checked)} />
            <span>{t('checklist.onlyThisPage')}</span>
          </label>
        </div>
      ) : null}
      <ErrorText error={error} />
      <ol className="items" aria-busy={!loaded || undefined} data-testid="checklist-items">
        {shown.map((item) => (
          <ItemRow
            key={item.id}
            item={item}
            state={ticks[item.id]?.state ?? 'todo'}
            onState={(s) => void set(item.id, s)}
            onPage={onPageIds.has(item.id)}
            caseId={caseId}
            doc={docByItem.get(item.id)}
            docsLoaded={docs !== undefined}
            today={today}
          />
        ))}
      </ol>
      <details className="standards">
        <summary>{t('checklist.standards')}</summary>
        <ul className="notes-list">
          {list.uploadStandards.map((s, i) => (
            <li key={i}>
              <Bi text={s} />
            </li>
          ))}
        </ul>
        {c.business === 'new-permit' ? (
          <>
            <p className="small">{t('checklist.notNeeded')}</p>
            <ul className="notes-list">
              {list.notNeeded.map((n) => (
                <li key={n.id}>
                  <Bi text={n.title} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </details>
    </Card>
  );
}
