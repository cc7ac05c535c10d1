/**
 * The one typed message protocol of the extension (WXT's convention: utils/messaging.ts), for
 * @webext-core/messaging. Every request that crosses a trust boundary has a zod schema here; the
 * background parses it on arrival and checks the sender before touching anything
 * (entrypoints/background/storage-handlers.ts, portal-handlers.ts). Rule questions the content script
 * asks are declared in rules/portal-questions.ts, beside the rules that answer them.
 *
 * The content script imports only the TYPES of this file (its bundle carries no zod, no rules/ and no
 * Dexie; see entrypoints/portal.content/bridge.ts); extension pages and the background import it whole.
 *
 *   content script                           background
 *   ─────────────                            ──────────
 *   getPortalSettings()        ──────────▶   { lang, today }
 *   evaluatePortal([q…])       ──────────▶   rules/ verdicts, one per question (rules/portal-questions.ts)
 *   getPortalChecklist({module})─────────▶   the checklist of the case in focus (or the business's default)
 *   getPortalGuidance({…})     ──────────▶   FIELD_GUIDANCE of the module + the rules' texts
 *   reportPage(report)         ──────────▶   keeps the tab's page context in browser.storage.session
 *   reportPortalRecords(r)     ──────────▶   keeps the people the page shows (permit card, lists) for the side panel
 *   side panel / case book
 *   getPortalMappings()        ──────────▶   what the agent taught the adapter (labels, headings; no personal data)
 *   getActivePortalContext()   ──────────▶   the latest portal tab context, or null
 *   runReminderCheck()         ──────────▶   the daily reminder check, now (badge, notifications)
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
import { BusinessType, PortalModule, type Bilingual } from '../rules/model';
import type { ChecklistItem } from '../rules/checklist';
import type { FieldGuidance } from '../rules/field-rules';
import type { RuleMeta } from '../rules/rule';
import { PortalQuestions, type PortalQuestion, type PortalAnswer } from '../rules/portal-questions';
import { PortalRecords } from '../rules/portal-records';
import { CapturedValue, type Case, type CompanyProfile, type Employee } from '../storage/schemas';
import type { Reminder } from '../rules/deadline-events';

// ---------------------------------------------------------------------------------------------
// The page context: what the content script reports about a portal tab

/** One row of a 附件管理 page's 附件列表: the attachment's name as shown and its 当前状态 (已上传 / 未上传 / other). */
export const AttachmentRow = z.object({
  name: z.string().max(200),
  status: z.enum(['uploaded', 'missing', 'unknown']),
});
export type AttachmentRow = z.infer<typeof AttachmentRow>;

/**
 * What the content script recognised on a portal tab: the module and the fields it found or missed.
 * The background keeps the latest report per tab in `browser.storage.session` (extension memory, never
 * the page's storage) so the side panel can show diagnostics.
 */
export const PageReport = z.object({
  url: z.string().max(2048),
  title: z.string().max(500),
  module: PortalModule.nullable(),
  /** Field keys of fields.ts found on the page / expected for the module but not found. */
  fieldsFound: z.array(z.string().max(100)).max(500),
  fieldsMissing: z.array(z.string().max(100)).max(500),
  /** Why the page was (not) recognised, for the user's copy-paste report. */
  reasons: z.array(z.string().max(300)).max(50),
  /**
   * 附件管理 pages only (person-attachments, unit-attachments): the rows of 附件列表 in page order, as read
   * off the page — 已上传 → 'uploaded', 未上传 → 'missing', anything else → 'unknown'. The side panel offers
   * to tick the matching checklist items (after one confirmation). Absent on other pages.
   */
  attachments: z.array(AttachmentRow).max(100).optional(),
  /**
   * The 身份证号 the page's form shows (个人基础信息): the side panel says at once whether it is the person in
   * focus (issue #18 item 4). Kept in the extension's session storage only, like the rest of the report.
   */
  residentIdOnPage: z.string().max(40).optional(),
  /**
   * What was recognised through the agent's teaching (issue #17): the taught page heading that named the
   * module, and the fields found under a taught label. Absent when nothing taught applied.
   */
  taught: z
    .strictObject({
      page: z.string().max(30).optional(),
      fields: z.array(z.strictObject({ key: z.string().max(100), label: z.string().max(30) })).max(100),
    })
    .optional(),
  reportedAt: z.number(),
});
export type PageReport = z.infer<typeof PageReport>;

export const TabContext = z.object({
  tabId: z.number(),
  report: PageReport,
});
export type TabContext = z.infer<typeof TabContext>;

/** Key in browser.storage.session holding the most recently active portal tab's context. */
export const ACTIVE_PORTAL_CONTEXT_KEY = 'activePortalContext';

/**
 * The people a portal page shows (the personal home page's permit card and businesses, an employer's
 * list), as the background keeps them for the side panel: the tab, URL and host come from the sender.
 * Personal data, so only in `browser.storage.session` (extension memory), never in the page; the side
 * panel offers 「保存到案卷」 / 「同步到案卷簿」 from it and writes only after the agent confirms.
 */
export const PortalRecordsEntry = z.strictObject({
  tabId: z.number().int(),
  url: z.string().max(2048),
  host: z.string().max(300),
  at: z.number(),
  records: PortalRecords,
});
export type PortalRecordsEntry = z.infer<typeof PortalRecordsEntry>;

/** Key in browser.storage.session of the latest PortalRecordsEntry (one at a time: the page the agent is on). */
export const PORTAL_RECORDS_KEY = 'portalRecords';

// ---------------------------------------------------------------------------------------------
// Requests and answers

/** Requests without a payload accept only `undefined` / `null`. */
const NoPayload = z.union([z.undefined(), z.null()]);

/**
 * The employee and case in focus with their captured values: what the background's portal answers are computed from
 * (never sent to the content script: since issue #20 fills and captures are previewed and saved by the side panel, and
 * the message that once carried this to the page's process is gone).
 */
export interface FocusDraft {
  employee: Pick<
    Employee,
    'id' | 'name' | 'residentId' | 'gender' | 'birthDate' | 'phone' | 'category' | 'holderStatus' | 'permitValidUntil' | 'applicantGroup'
  >;
  case: Pick<
    Case,
    'id' | 'business' | 'status' | 'facts' | 'submittedOn' | 'acceptedOn' | 'decidedOn' | 'permitValidFrom' | 'permitValidUntil'
  > | null;
  company: Pick<CompanyProfile, 'name' | 'creditCode' | 'localityOffice' | 'agentName' | 'agentPhone'> | null;
  /** Captured values: the employee's draft overlaid with the case's (the case wins on the same key). */
  captured: Record<string, CapturedValue>;
}

export interface PortalSettings {
  lang: 'zh-CN' | 'en';
  /** Today in Beijing, `yyyy-MM-dd` (the day the rules judge by). */
  today: string;
}

const PortalChecklistRequest = z.strictObject({ module: PortalModule });
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
  /**
   * Items of the case whose saved document already fails its §五 validity rule (rules/case-facts.ts
   * itemValidities), with the months the rule asks for: the overlay marks them even when the page says
   * 已上传. No dates: they are the case's, and the page can read what we draw (issue #20).
   */
  shortfalls: { itemId: string; monthsRequired: 3 | 6 }[];
}

const PortalGuidanceRequest = z.strictObject({
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

/** What one reminder check did: the reminders due, the notifications it showed, the badge it set. */
export interface ReminderCheckResult {
  today: string;
  due: Reminder[];
  /** Notification ids created by this check. */
  notified: string[];
  badge: string;
}

/**
 * The taught mappings as the content script applies them (storage/schemas/portal-mappings.ts rows without
 * ids and dates): labels, headings and structural paths only.
 */
export interface TaughtMappings {
  fields: { module: z.infer<typeof PortalModule>; key: string; label: string; path?: string }[];
  pages: { module: z.infer<typeof PortalModule>; heading: string; labels: string[] }[];
}

/** The protocol map (function syntax of @webext-core/messaging). */
export interface ProtocolMap {
  /** Content script → background: language and today's date. */
  getPortalSettings(): PortalSettings;
  /** Content script → background: rules/ verdicts on facts read off the page, one per question. */
  evaluatePortal(questions: PortalQuestion[]): PortalAnswer[];
  /** Content script → background: the checklist of the case in focus (or the default). */
  getPortalChecklist(request: PortalChecklistRequest): PortalChecklist;
  /** Content script → background: FIELD_GUIDANCE of the module and the texts of some rules. */
  getPortalGuidance(request: PortalGuidanceRequest): PortalGuidance;
  /** Content script → background: what this tab was recognised as. */
  reportPage(report: PageReport): void;
  /** Content script → background: the people the page shows, for the side panel's 保存到案卷 / 同步到案卷簿. */
  reportPortalRecords(records: PortalRecords): void;
  /** Content script → background: the taught mappings (issue #17). */
  getPortalMappings(): TaughtMappings;
  /** Side panel / case book → background: the portal tab the agent is working in, if any. */
  getActivePortalContext(): TabContext | null;
  /** Case book → background: run the daily reminder check now (badge and notifications belong to the background). */
  runReminderCheck(): ReminderCheckResult;
}

export type MessageType = keyof ProtocolMap;

/** The request schema of every message; each handler parses its payload with it before anything else. */
export const REQUEST_SCHEMAS = {
  evaluatePortal: PortalQuestions,
  reportPage: PageReport,
  reportPortalRecords: PortalRecords,
  getActivePortalContext: NoPayload,
  getPortalSettings: NoPayload,
  getPortalChecklist: PortalChecklistRequest,
  getPortalGuidance: PortalGuidanceRequest,
  runReminderCheck: NoPayload,
  getPortalMappings: NoPayload,
} as const satisfies Record<MessageType, z.ZodType>;

/** The messenger of extension pages and the background (the content script makes its own from the types). */
export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

// ---------------------------------------------------------------------------------------------
// Side panel → the content script of a portal tab (tabs.sendMessage): teaching the adapter (issue #17)

/** Start the element picker: for a field (the agent picks its input or label) or for the page (its heading). */
/** `name`: the field's name for the picker's prompt (from rules/portal-fields.ts: the content script carries no such table). */
export type StartPortalPicker = { kind: 'field'; key: string; name: string } | { kind: 'page' };

/**
 * What the picker learned, read off the page (untrusted: the side panel validates it with the mapping schemas
 * before showing and saving it). `cancelled`: Esc; `no-label`: the picked element has no label text near it.
 */
export type PickResult =
  | { ok: true; kind: 'field'; label: string; path: string }
  | { ok: true; kind: 'page'; heading: string; labels: string[] }
  | { ok: false; reason: 'cancelled' | 'no-label' | 'busy' };

/** Messages to a portal tab's content script; it checks the sender (our own extension pages) and the shape without zod. */
export interface PortalTabProtocolMap {
  startPortalPicker(request: StartPortalPicker): PickResult;
  /** The taught mappings changed: fetch them again and look at the page again. */
  portalMappingsChanged(): void;
}
