/**
 * The portal protocol (content script → background): the content script reads facts off the page and
 * asks; every answer comes from rules/ (one implementation of every rule; the content script's bundle
 * carries neither zod nor rules/).
 */
import { REQUEST_SCHEMAS, onMessage, type FocusDraft, type PortalChecklist, type PortalGuidance, type PortalSettings } from '../../utils/messaging';
import { type JzzDb } from '../../storage/db';
import { createRepos } from '../../storage/repos';
import { assertPortalContentScript, parseMessage, type MessageSender } from './storage-handlers';
import { beijingDate } from '../../rules/dates';
import { FIELD_GUIDANCE } from '../../rules/field-rules';
import { BUSINESS_LABELS, incomeAnnotationDraft } from '../../rules/texts';
import { ruleById } from '../../rules/registry';
import { caseChecklist, checklistBusinessFor } from '../../rules/case-facts';
import { answerPortalQuestion, type PortalAnswer } from '../../rules/portal-questions';

/** The income annotation (§六(二) 5) from the focus, or the guide's template when a part is missing. */
function annotationOf(draft: FocusDraft | null): { text: string; complete: boolean } {
  const { text, complete } = incomeAnnotationDraft({
    employeeName: draft?.employee.name,
    companyName: draft?.company?.name,
    contact: draft?.company?.agentName,
    phone: draft?.company?.agentPhone,
  });
  return { text, complete };
}

export interface PortalHandlerDeps {
  db: JzzDb;
  runtimeId: string;
  /** The storage handlers' getFocusDraft (one implementation of "the employee and case in focus"). */
  focusDraft: (sender: MessageSender) => Promise<FocusDraft | null>;
  now?: () => Date;
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
    const companyName = questions.some((q) => q.kind === 'permissionOpinion') ? (await repos.company.get().catch(() => undefined))?.name : undefined;
    return questions.map((q) => answerPortalQuestion(q, { today, ...(companyName ? { companyName } : {}) }));
  });

  on('getPortalChecklist', async ({ data, sender }): Promise<PortalChecklist> => {
    guard(sender);
    const { module } = parseMessage(REQUEST_SCHEMAS.getPortalChecklist, data);
    const draft = await deps.focusDraft(sender as MessageSender).catch(() => null);
    const business = checklistBusinessFor(module, draft?.case?.business);
    const fromCase = !!draft?.case && draft.case.business === business;
    const list = fromCase && draft?.case ? caseChecklist(draft.case, draft.employee) : caseChecklist({ business, facts: {} });
    return {
      source: fromCase ? 'case' : 'default',
      business,
      businessLabel: BUSINESS_LABELS[business],
      section: list.section,
      ...(fromCase && draft ? { employeeName: draft.employee.name } : {}),
      items: [...list.items],
      notes: [...list.notes],
      uploadStandards: [...list.uploadStandards],
      annotation: annotationOf(draft),
    };
  });

  on('getPortalGuidance', async ({ data, sender }): Promise<PortalGuidance> => {
    guard(sender);
    const { module, ruleIds } = parseMessage(REQUEST_SCHEMAS.getPortalGuidance, data);
    return {
      fields: FIELD_GUIDANCE.filter((g) => g.modules.includes(module)),
      rules: ruleIds.map((id) => ruleById(id)).filter((r): r is NonNullable<typeof r> => !!r),
    };
  });
}
