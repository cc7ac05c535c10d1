/**
 * Kept for the existing imports (content script, background): the protocol now lives in messages.ts,
 * which also defines the request schemas and the storage messages (getFocusDraft, saveCaptured).
 *
 * Below: the portal protocol — what the content script asks the background besides storage. The
 * content script imports only the TYPES of this file (its bundle must stay free of zod and rules/:
 * see entrypoints/portal.content/bridge.ts); the background validates every request with the schemas
 * here and answers with rules/ (the one implementation of every rule).
 *
 *   content script                                  background
 *   getPortalSettings()            ──────────▶      { lang, today } (language from the settings)
 *   evaluatePortal([requests])     ──────────▶      rules/ verdicts, one per request
 *   getPortalChecklist({ module }) ──────────▶      checklist() of the case in focus (or the default)
 *   getPortalGuidance({ module, ruleIds }) ───▶     FIELD_GUIDANCE of the module + the rules' texts
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
import { BusinessType, PortalModule, type Bilingual } from '../rules/model';
import type { Finding, RuleMeta } from '../rules/rule';
import type { ChecklistItem } from '../rules/checklist';
import type { FieldGuidance } from '../rules/field-rules';

export { sendMessage, onMessage, removeAllListeners, type ProtocolMap } from './messages';

const Text = (max: number) => z.string().max(max);
/** A date as read off the page: `yyyy-MM-dd` or `yyyy-MM`; rules/ parses it (and refuses nonsense). */
const PageDate = Text(20);

/** One rule evaluation the content script asks for; facts are what it read off the page. */
export const PortalEvalRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('education'),
    entries: z.array(z.strictObject({ level: Text(40), school: Text(200).optional(), start: PageDate, end: PageDate })).max(30),
  }),
  z.strictObject({
    kind: z.literal('work'),
    entries: z.array(z.strictObject({ employer: Text(200), position: Text(100).optional(), start: PageDate, end: PageDate })).max(50),
    /** The labour contract's start; without it the "before the contract" finding is left out. */
    contractStart: PageDate.optional(),
    /**
     * Take the contract's start from the case in focus (or its captured value) in the background: the date
     * is personal data and never goes to the page (issue #20), so those findings come back without it.
     */
    contractFromFocus: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('residentId'), value: Text(40) }),
  z.strictObject({ kind: z.literal('creditCode'), value: Text(40) }),
  z.strictObject({ kind: z.literal('mobile'), value: Text(40) }),
  z.strictObject({
    kind: z.literal('validity'),
    document: z.enum(['resident-id-card', 'beijing-residence-permit', 'labour-contract', 'lease-contract', 'other-contract', 'other']),
    /** The last valid day as typed, or 长期. */
    validUntil: Text(20),
  }),
  z.strictObject({ kind: z.literal('childAge'), birthDate: PageDate }),
  z.strictObject({ kind: z.literal('infoChange'), note: Text(2000) }),
  z.strictObject({ kind: z.literal('permission'), permitType: Text(100), authority: Text(100), opinion: Text(2000) }),
  z.strictObject({ kind: z.literal('permissionOpinion'), intended: z.array(z.enum(['new-permit', 'renewal', 'employer-change', 'personal-info-change'])).max(4) }),
]);
export type PortalEvalRequest = z.input<typeof PortalEvalRequest>;
export const EvaluatePortalRequest = z.array(PortalEvalRequest).max(200);

/** The verdict on one request. `invalid`: the page's value could not be read as the rule needs it. */
export interface PortalEvalResult {
  ok: boolean;
  findings: Finding[];
  invalid?: Bilingual;
  /** validity: the day the document must at least be valid until (§五). */
  mustBeValidUntil?: string;
  monthsRequired?: number;
  /** childAge: age in full years today. */
  age?: number;
  /** permissionOpinion: the suggested opinion text. */
  text?: string;
  /** work with contractFromFocus: where the contract's start came from (the date itself stays in the background). */
  contractFrom?: 'case' | 'captured';
}

export interface PortalSettings {
  lang: 'zh-CN' | 'en';
  /** Today in Beijing, `yyyy-MM-dd` (the day the rules judge by). */
  today: string;
}

export const PortalChecklistRequest = z.strictObject({ module: PortalModule });
export type PortalChecklistRequest = z.input<typeof PortalChecklistRequest>;

/** The checklist shown over 附件管理: the focused case's, or the business's default list. */
export interface PortalChecklist {
  /** 'case': built from the case in focus; 'default': no case in focus, the business's unconditional list. */
  source: 'case' | 'default';
  business: z.infer<typeof BusinessType>;
  businessLabel: Bilingual;
  /** The guide section of the business's material list, e.g. §六(二). */
  section: string;
  items: ChecklistItem[];
  notes: Bilingual[];
  uploadStandards: Bilingual[];
  /**
   * The income annotation (§六(二) 5) as the guide's template only (the page can read what we draw; the
   * filled-in text with names and phone is in the side panel); `complete`: the side panel has the full text.
   */
  annotation: { text: string; complete: boolean };
}

export const PortalGuidanceRequest = z.strictObject({
  module: PortalModule,
  ruleIds: z.array(z.string().max(100)).max(50),
});
export type PortalGuidanceRequest = z.input<typeof PortalGuidanceRequest>;

export interface PortalGuidance {
  /** FIELD_GUIDANCE entries of the module. */
  fields: FieldGuidance[];
  /** The rules asked for by id (section and description), in the order asked; unknown ids are left out. */
  rules: RuleMeta[];
}

/** Content script → background, besides the storage messages of messages.ts. */
export interface PortalProtocolMap {
  getPortalSettings(): PortalSettings;
  evaluatePortal(requests: PortalEvalRequest[]): PortalEvalResult[];
  getPortalChecklist(request: PortalChecklistRequest): PortalChecklist;
  getPortalGuidance(request: PortalGuidanceRequest): PortalGuidance;
}

/** The background's messenger for PortalProtocolMap (a second messenger beside messages.ts's: the type names differ). */
export const portalMessaging = defineExtensionMessaging<PortalProtocolMap>();
