/**
 * The portal protocol (content script → background): the content script reads facts off the page and
 * asks; every answer comes from rules/ (one implementation of every rule; the content script's bundle
 * carries neither zod nor rules/).
 */
import { browser } from 'wxt/browser';
import { PORTAL_RECORDS_KEY, REQUEST_SCHEMAS, onMessage, type FocusDraft, type PortalRecordsEntry, type PortalChecklist, type PortalGuidance, type PortalSettings, type TaughtMappings } from '../../utils/messaging';
import { type JzzDb } from '../../storage/db';
import { createRepos } from '../../storage/repos';
import { assertPortalContentScript, parseMessage, type MessageSender } from './storage-handlers';
import { beijingDate } from '../../rules/dates';
import { FIELD_GUIDANCE } from '../../rules/field-rules';
import { BUSINESS_LABELS, incomeAnnotationDraft } from '../../rules/texts';
import { ruleById } from '../../rules/registry';
import { caseChecklist, checklistBusinessFor, itemValidities } from '../../rules/case-facts';
import { answerPortalQuestion, type PortalAnswer } from '../../rules/portal-questions';
import { RULE_WORK_BEFORE_CONTRACT } from '../../rules/field-rules';
import type { Bilingual, IsoDate } from '../../rules/model';
import type { Finding } from '../../rules/rule';
import { portalHostOf } from '../../utils/matches';

/**
 * The income annotation (§六(二) 5) as the page may show it: the guide's template, never the filled-in
 * text (names and the agent's phone are personal data: the side panel shows and copies that). `complete`
 * says whether the side panel has everything for the full text.
 */
export function annotationOf(draft: FocusDraft | null): { text: string; complete: boolean } {
  const { complete } = incomeAnnotationDraft({
    employeeName: draft?.employee.name,
    companyName: draft?.company?.name,
    contact: draft?.company?.agentName,
    phone: draft?.company?.agentPhone,
  });
  return { text: incomeAnnotationDraft({}).text, complete };
}

/** A date as stored or captured (2023-05-15, 2023/5/15, 2023年5月15日) → yyyy-MM-dd, or undefined. */
function isoDateOf(text: string | undefined): string | undefined {
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text ?? '');
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : undefined;
}

/** The labour contract's start of the focus: the case's, else a captured value; null when unknown. */
export function focusContractStart(draft: FocusDraft | null): { date: string; from: 'case' | 'captured' } | null {
  const fromCase = draft?.case?.facts?.contractStart;
  if (fromCase) return { date: fromCase, from: 'case' };
  const captured = isoDateOf(draft?.captured?.contractStart?.value);
  return captured ? { date: captured, from: 'captured' } : null;
}

/**
 * The work-history verdict against the focus's contract start, for the page: the same rules, but the
 * "before the contract" findings are worded without the date and carry no facts of it (the page can
 * read what the content script draws: issue #20). The page's own employer names and dates stay.
 */
export function workVerdictForPage(
  entries: { employer: string; position?: string; start: string; end: string }[],
  today: IsoDate,
  contract: { date: string; from: 'case' | 'captured' } | null,
): PortalAnswer {
  const r = answerPortalQuestion({ kind: 'work', entries, ...(contract ? { contractStart: contract.date } : {}) }, { today });
  if (!contract || r.invalid) return r;
  const findings = r.findings.map((f): Finding => {
    if (f.ruleId !== RULE_WORK_BEFORE_CONTRACT.id) return f;
    const { contractStart: _hidden, ...facts } = f.facts as Record<string, unknown>;
    const e = typeof facts.index === 'number' ? entries[facts.index] : undefined;
    const message: Bilingual = f.passed
      ? { zh: '所有经历均在劳动合同开始日（见侧边栏）或之前结束', en: 'All jobs end on or before the contract start (see the side panel)' }
      : {
          zh: `「${e?.employer ?? ''}」结束于 ${e?.end ?? ''}，晚于劳动合同开始日（见侧边栏）；工作经历只填合同开始前的经历`,
          en: `"${e?.employer ?? ''}" ends ${e?.end ?? ''}, after the contract starts (see the side panel); list only jobs before the contract`,
        };
    return { ...f, message, facts: facts as Finding['facts'] };
  });
  return { ...r, findings, contractFrom: contract.from };
}

export interface PortalHandlerDeps {
  db: JzzDb;
  runtimeId: string;
  /** The storage handlers' getFocusDraft (one implementation of "the employee and case in focus"). */
  focusDraft: (sender: MessageSender) => Promise<FocusDraft | null>;
  now?: () => Date;
  /** Where the page's people are kept for the side panel (browser.storage.session, or a fake). */
  session?: { set(items: Record<string, unknown>): Promise<void> };
}

/** Registers the portal protocol's handlers; each checks that the sender is our content script on the portal. */
export function registerPortalHandlers(on: typeof onMessage, deps: PortalHandlerDeps): void {
  const repos = createRepos(deps.db, { source: 'background' });
  const now = deps.now ?? (() => new Date());
  const guard = (sender: unknown) => assertPortalContentScript(sender as MessageSender, deps.runtimeId);

  on('getPortalSettings', async ({ data, sender }): Promise<PortalSettings> => {
    guard(sender);
    parseMessage(REQUEST_SCHEMAS.getPortalSettings, data);
    const settings = await repos.settings.get().catch(() => null);
    return { lang: settings?.language === 'en' ? 'en' : 'zh-CN', today: beijingDate(now()) };
  });

  on('evaluatePortal', async ({ data, sender }): Promise<PortalAnswer[]> => {
    guard(sender);
    // parseMessage, not .parse(): a malformed request used to come back as zod's raw English JSON dump
    // and was not checked for hostile keys (issue #9's bad-input suite).
    const questions = parseMessage(REQUEST_SCHEMAS.evaluatePortal, data);
    const today = beijingDate(now());
    const contract = questions.some((q) => q.kind === 'work' && q.contractFromFocus)
      ? focusContractStart(await deps.focusDraft(sender as MessageSender).catch(() => null))
      : null;
    // No company name in the suggestion and no contract date in the work verdict: what the content script
    // draws, the page can read (issue #20); the side panel shows both.
    return questions.map((q) => (q.kind === 'work' && q.contractFromFocus ? workVerdictForPage(q.entries, today, contract) : answerPortalQuestion(q, { today })));
  });

  on('getPortalChecklist', async ({ data, sender }): Promise<PortalChecklist> => {
    guard(sender);
    const { module } = parseMessage(REQUEST_SCHEMAS.getPortalChecklist, data);
    const draft = await deps.focusDraft(sender as MessageSender).catch(() => null);
    const business = checklistBusinessFor(module, draft?.case?.business);
    const fromCase = !!draft?.case && draft.case.business === business;
    const list = fromCase && draft?.case ? caseChecklist(draft.case, draft.employee) : caseChecklist({ business, facts: {} });
    // The same §五 verdicts the side panel shows beside each item (issue #18 item 3).
    const shortfalls: PortalChecklist['shortfalls'] = [];
    if (fromCase && draft?.case) {
      const [docs, ticks] = await Promise.all([repos.documents.listFor({ caseId: draft.case.id }), repos.ticks.forCase(draft.case.id)]);
      for (const [itemId, v] of itemValidities(list.items, docs, ticks, beijingDate(now()))) if (!v.ok) shortfalls.push({ itemId, monthsRequired: v.monthsRequired });
    }
    return {
      source: fromCase ? 'case' : 'default',
      business,
      businessLabel: BUSINESS_LABELS[business],
      section: list.section,
      items: [...list.items],
      notes: [...list.notes],
      uploadStandards: [...list.uploadStandards],
      annotation: annotationOf(draft),
      shortfalls,
    };
  });

  // The people a page shows (permit card, employer lists): personal data, kept in extension memory for the
  // side panel only; the tab, URL and host are the sender's, never the page's word.
  on('reportPortalRecords', async ({ data, sender }): Promise<void> => {
    const { tabId, url } = guard(sender);
    const records = parseMessage(REQUEST_SCHEMAS.reportPortalRecords, data);
    const entry: PortalRecordsEntry = { tabId, url: url.slice(0, 2048), host: portalHostOf(url).slice(0, 300), at: now().getTime(), records };
    await (deps.session ?? browser.storage.session).set({ [PORTAL_RECORDS_KEY]: entry });
  });

  on('getPortalGuidance', async ({ data, sender }): Promise<PortalGuidance> => {
    guard(sender);
    const { module, ruleIds } = parseMessage(REQUEST_SCHEMAS.getPortalGuidance, data);
    return {
      fields: FIELD_GUIDANCE.filter((g) => g.modules.includes(module)),
      rules: ruleIds.map((id) => ruleById(id)).filter((r): r is NonNullable<typeof r> => !!r),
    };
  });

  // The taught mappings (issue #17): labels and headings only, so the page learns nothing it does not show.
  on('getPortalMappings', async ({ data, sender }): Promise<TaughtMappings> => {
    guard(sender);
    parseMessage(REQUEST_SCHEMAS.getPortalMappings, data);
    const rows = await repos.portalMappings.list();
    const out: TaughtMappings = { fields: [], pages: [] };
    for (const r of rows) {
      if (r.kind === 'field') out.fields.push({ module: r.module, key: r.key, label: r.label, ...(r.path ? { path: r.path } : {}) });
      else out.pages.push({ module: r.module, heading: r.heading, labels: r.labels });
    }
    return out;
  });
}
