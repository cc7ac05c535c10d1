/**
 * The portal protocol (content script → background): the content script reads facts off the page and
 * asks; the rules run here, so that its bundle carries neither zod nor rules/ and every rule has one
 * implementation.
 */
import type { z } from 'zod';
import { EvaluatePortalRequest, PortalChecklistRequest, PortalGuidanceRequest, portalMessaging, type PortalChecklist, type PortalEvalResult, type PortalGuidance, type PortalProtocolMap, type PortalSettings } from '../../storage/messaging';
import { type JzzDb } from '../../storage/db';
import { assertPortalContentScript, parseMessage, type MessageSender } from '../../storage/message-handlers';
import type { FocusDraft } from '../../storage/messages';
import { createRepos } from '../../storage/repos';
import { beijingDate } from '../../rules/dates';
import type { Bilingual, BusinessType, IsoDate, PortalModule } from '../../rules/model';
import type { Finding } from '../../rules/rule';
import { checkEducationHistory, checkInfoChangeNote, checkPermissionRequest, checkWorkHistory, FIELD_GUIDANCE, RULE_WORK_BEFORE_CONTRACT } from '../../rules/field-rules';
import { checkValidity, childAgeOk } from '../../rules/validity';
import { checkCreditCode, checkMobile, checkResidentId } from '../../rules/identity';
import { checklist, type ChecklistFacts } from '../../rules/checklist';
import { BUSINESS_LABELS, incomeAnnotation, permissionRequestOpinion, RULE_INCOME_ANNOTATION } from '../../rules/texts';
import { ruleById } from '../../rules/registry';

// The content script reads facts off the page; the rules run here so that its bundle carries neither
// zod nor rules/ (and so that there is one implementation of every rule).

/** A date beyond any contract: stands in when the contract start is unknown (the finding it feeds is dropped). */
const NO_CONTRACT_START = '2199-12-31';

/** A rules/ input error ("中文 / English") as a bilingual text. */
function invalidOf(e: unknown): Bilingual {
  const issues = (e as { issues?: { message?: string }[] })?.issues;
  const raw = issues?.[0]?.message ?? (e instanceof Error ? e.message : String(e));
  const [zh, en] = raw.split(' / ');
  return { zh, en: en ?? zh };
}

const plain = (findings: readonly Finding[]): Finding[] => findings.map((f) => ({ ...f, facts: { ...f.facts } }));

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
): PortalEvalResult {
  const r = evaluatePortalRequest({ kind: 'work', entries, ...(contract ? { contractStart: contract.date } : {}) }, today);
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

/** Evaluates one request with rules/, judged on `today` (Beijing). Never throws: bad input → `invalid`. */
export function evaluatePortalRequest(r: z.output<typeof EvaluatePortalRequest>[number], today: IsoDate, companyName?: string): PortalEvalResult {
  try {
    switch (r.kind) {
      case 'education': {
        const v = checkEducationHistory(r.entries);
        return { ok: v.ok, findings: plain(v.findings) };
      }
      case 'work': {
        const v = checkWorkHistory(r.entries, r.contractStart || NO_CONTRACT_START);
        const findings = r.contractStart ? v.findings : v.findings.filter((f) => f.ruleId !== RULE_WORK_BEFORE_CONTRACT.id);
        return { ok: !findings.some((f) => !f.passed && f.severity === 'error'), findings: plain(findings) };
      }
      case 'residentId': {
        const v = checkResidentId(r.value, today);
        return { ok: v.ok, findings: plain(v.findings) };
      }
      case 'creditCode': {
        const v = checkCreditCode(r.value);
        return { ok: v.ok, findings: plain(v.findings) };
      }
      case 'mobile': {
        const v = checkMobile(r.value);
        return { ok: v.ok, findings: plain(v.findings) };
      }
      case 'validity': {
        const longTerm = /^(长期|长期有效|long-?term)$/i.test(r.validUntil.trim());
        const v = checkValidity({ kind: r.document, validUntil: longTerm ? 'long-term' : r.validUntil.trim() }, today);
        return { ok: v.ok, findings: plain(v.findings), mustBeValidUntil: v.mustBeValidUntil, monthsRequired: v.monthsRequired };
      }
      case 'childAge': {
        const v = childAgeOk(r.birthDate, today);
        return { ok: v.ok, findings: plain(v.findings), age: v.age };
      }
      case 'infoChange': {
        const v = checkInfoChangeNote(r.note);
        return { ok: v.ok, findings: plain(v.findings) };
      }
      case 'permission': {
        const v = checkPermissionRequest(r);
        return { ok: v.ok, findings: plain(v.findings) };
      }
      case 'permissionOpinion': {
        const intended = r.intended.length ? r.intended : (['new-permit', 'employer-change'] as const);
        return { ok: true, findings: [], text: permissionRequestOpinion({ intended: [...intended], ...(companyName ? { companyName } : {}) }) };
      }
    }
  } catch (e) {
    return { ok: false, findings: [], invalid: invalidOf(e) };
  }
}

/**
 * The checklist facts of a case in focus. storage's CaseFacts use rules/' ChecklistFacts names; only
 * the number of children and the category (falling back to the employee's) differ in shape.
 */
export function checklistFactsOf(draft: FocusDraft, business: BusinessType): ChecklistFacts {
  const { children, category, contractStart: _s, contractEnd: _e, incomeMonths: _i, leavingDate: _l, changeNote: _n, ...rest } = draft.case?.facts ?? {};
  const cat = category ?? draft.employee.category;
  return { ...rest, business, ...(cat ? { category: cat } : {}), ...(children ? { children: children.length } : {}) };
}

const COMPANY_LEVEL: ReadonlySet<BusinessType> = new Set(['employer-registration', 'authority-change']);

/** Which business's list the module shows: the focused case's when it belongs there, else the module's default. */
export function checklistBusiness(module: PortalModule, focused: BusinessType | undefined): BusinessType {
  const unit = module.startsWith('unit-');
  if (module === 'unit-attachments' || module === 'unit-company-info') {
    return focused && COMPANY_LEVEL.has(focused) ? focused : 'employer-registration';
  }
  if (focused && !COMPANY_LEVEL.has(focused)) return focused;
  return unit ? 'employee-link' : 'new-permit';
}

/**
 * The income annotation (§六(二) 5) as the page may show it: the guide's template, never the filled-in
 * text (names and the agent's phone are personal data: the side panel shows and copies that). `complete`
 * says whether the side panel has everything for the full text.
 */
export function annotationOf(draft: FocusDraft | null): { text: string; complete: boolean } {
  const name = draft?.employee.name;
  const company = draft?.company;
  let complete = false;
  if (name && company?.name && company.agentName && company.agentPhone) {
    try {
      incomeAnnotation({ employeeName: name, companyName: company.name, contact: company.agentName, phone: company.agentPhone });
      complete = true;
    } catch {
      /* an unusable phone: the side panel says what is missing */
    }
  }
  const quoted = /「(.+?)」/.exec(RULE_INCOME_ANNOTATION.description.zh)?.[1] ?? RULE_INCOME_ANNOTATION.description.zh;
  return { text: `${quoted}。联系人：XXX，电话：XXX`, complete };
}

export interface PortalHandlerDeps {
  db: JzzDb;
  runtimeId: string;
  /** The storage handlers' getFocusDraft (one implementation of "the employee and case in focus"). */
  focusDraft: (sender: MessageSender) => Promise<FocusDraft | null>;
  now?: () => Date;
}

type PortalOnMessage = typeof portalMessaging.onMessage;

/** Registers the portal protocol's handlers; each checks that the sender is our content script on the portal. */
export function registerPortalHandlers(on: PortalOnMessage, deps: PortalHandlerDeps): void {
  const repos = createRepos(deps.db, { source: 'background' });
  const now = deps.now ?? (() => new Date());
  const guard = (sender: unknown) => assertPortalContentScript(sender as MessageSender, deps.runtimeId);

  on('getPortalSettings', async ({ sender }): Promise<PortalSettings> => {
    guard(sender);
    const settings = await repos.settings.get().catch(() => null);
    return { lang: settings?.language === 'en' ? 'en' : 'zh-CN', today: beijingDate(now()) };
  });

  on('evaluatePortal', async ({ data, sender }): Promise<PortalEvalResult[]> => {
    guard(sender);
    // parseMessage, not .parse(): a malformed request used to come back as zod's raw English JSON dump
    // and was not checked for hostile keys (issue #9's bad-input suite).
    const requests = parseMessage(EvaluatePortalRequest, data);
    const today = beijingDate(now());
    const contract = requests.some((r) => r.kind === 'work' && r.contractFromFocus)
      ? focusContractStart(await deps.focusDraft(sender as MessageSender).catch(() => null))
      : null;
    // No company name in the suggestion and no contract date in the work verdict: what the content script
    // draws, the page can read (issue #20); the side panel shows both.
    return requests.map((r) => (r.kind === 'work' && r.contractFromFocus ? workVerdictForPage(r.entries, today, contract) : evaluatePortalRequest(r, today)));
  });

  on('getPortalChecklist', async ({ data, sender }): Promise<PortalChecklist> => {
    guard(sender);
    const { module } = parseMessage(PortalChecklistRequest, data);
    const draft = await deps.focusDraft(sender as MessageSender).catch(() => null);
    const business = checklistBusiness(module, draft?.case?.business);
    const fromCase = !!draft?.case && draft.case.business === business;
    const list = checklist(fromCase && draft ? checklistFactsOf(draft, business) : { business });
    return {
      source: fromCase ? 'case' : 'default',
      business,
      businessLabel: BUSINESS_LABELS[business],
      section: list.section,
      items: [...list.items],
      notes: [...list.notes],
      uploadStandards: [...list.uploadStandards],
      annotation: annotationOf(draft),
    };
  });

  on('getPortalGuidance', async ({ data, sender }): Promise<PortalGuidance> => {
    guard(sender);
    const { module, ruleIds } = parseMessage(PortalGuidanceRequest, data);
    return {
      fields: FIELD_GUIDANCE.filter((g) => g.modules.includes(module)),
      rules: ruleIds.map((id) => ruleById(id)).filter((r): r is NonNullable<typeof r> => !!r),
    };
  });
}

export type { PortalProtocolMap };
