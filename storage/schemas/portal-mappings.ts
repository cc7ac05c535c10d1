/**
 * Taught portal mappings (issue #17 part 3): what the agent showed the adapter on a page it did not
 * know — a field's visible label, or a page's heading and labels with the module it is. Only the
 * portal's own words and a structural path are kept: never a value, never a generated id. Every text is
 * checked to look like a label (short, no digit runs, no markup) so that neither a slip of the picker
 * nor a hostile 页面适配包 can carry personal data or script into the database.
 */
import { z } from 'zod';
import { PortalModule } from '../../rules/model';
import { PORTAL_FIELD_KEYS } from '../../rules/portal-fields';
import { RecordId, Timestamp } from './common';

/** Longest label / heading kept (the content script indexes texts up to 24 characters). */
export const MAPPING_LIMITS = { label: 24, heading: 30, pageLabels: 12, path: 300, pathSteps: 12 } as const;

const LETTER = /\p{L}/u;
const DIGIT_RUN = /\d{3,}/;
const MARKUP = /[<>&"'`\\{}]|javascript:|data:|on[a-z]+\s*=/i;
const CONTROL = /[\p{Cc}\p{Cf}]/u;

/**
 * A word the portal shows as a label, column header or heading, as normaliseLabel leaves it. Refused, each
 * with its reason: long texts (a value, a sentence), runs of 3+ digits (ID numbers, phones, dates),
 * e-mail addresses, markup or script, control characters, and texts without any letter. No message quotes the text.
 */
export const PageWord = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: '不能为空 / Must not be empty' })
    .superRefine((s, ctx) => {
      const no = (zh: string, en: string) => ctx.addIssue({ code: 'custom', message: `${zh} / ${en}` });
      if (MARKUP.test(s)) return no('含 HTML 或脚本字符，不能作为标签', 'contains markup or script characters');
      if (DIGIT_RUN.test(s)) return no('含连续数字，可能是证件号、电话或日期，不能作为标签', 'contains a run of digits (an ID, phone or date?)');
      if (s.includes('@')) return no('像是邮箱地址，不能作为标签', 'looks like an e-mail address');
      if (CONTROL.test(s)) return no('含控制字符，不能作为标签', 'contains control characters');
      // The text itself is never quoted back: a long text may be a value with personal data.
      if (s.length > max) return no(`过长（最多 ${max} 字），不像标签`, `too long for a label (at most ${max} characters)`);
      if (!LETTER.test(s)) return no('不含文字，不像标签', 'has no letters');
    });

/**
 * Where the label sits, by structure only: `tag(.class)*` steps from the outside in, joined by ' > '. Class
 * names with digits (generated: `el-id-1024-7`, `css-1x2y`) and ids are never part of it.
 */
export const StructuralPath = z
  .string()
  .max(MAPPING_LIMITS.path)
  .regex(new RegExp(`^[a-z][a-z0-9-]*(?:\\.[A-Za-z_-]+)*(?: > [a-z][a-z0-9-]*(?:\\.[A-Za-z_-]+)*){0,${MAPPING_LIMITS.pathSteps - 1}}$`), {
    message: '结构路径格式无效（只允许标签名和不含数字的类名） / Invalid structural path (tag names and digit-free classes only)',
  });

const FieldKey = z.enum(PORTAL_FIELD_KEYS as [string, ...string[]], { message: '未知的字段 / Unknown field' });

/** A field taught on a module's page: the page shows `key` under the label `label`. */
export const TaughtFieldInput = z.strictObject({
  kind: z.literal('field'),
  module: PortalModule,
  key: FieldKey,
  label: PageWord(MAPPING_LIMITS.label),
  path: StructuralPath.optional(),
});

/** A page taught as a module: its heading, and the labels/column headers that identify it with the heading. */
export const TaughtPageInput = z.strictObject({
  kind: z.literal('page'),
  module: PortalModule,
  heading: PageWord(MAPPING_LIMITS.heading),
  labels: z.array(PageWord(MAPPING_LIMITS.label)).max(MAPPING_LIMITS.pageLabels),
});

export const PortalMappingInput = z.discriminatedUnion('kind', [TaughtFieldInput, TaughtPageInput]);
export type PortalMappingInput = z.infer<typeof PortalMappingInput>;

const Stamps = { id: RecordId, createdAt: Timestamp, updatedAt: Timestamp };
export const PortalMappingRow = z.discriminatedUnion('kind', [TaughtFieldInput.extend(Stamps), TaughtPageInput.extend(Stamps)]);
export type PortalMapping = z.infer<typeof PortalMappingRow>;

/** What the agent may edit in settings: a field's label; a page's heading and labels. */
export const FieldMappingPatch = z.strictObject({ label: PageWord(MAPPING_LIMITS.label) });
export const PageMappingPatch = z.strictObject({
  heading: PageWord(MAPPING_LIMITS.heading).optional(),
  labels: z.array(PageWord(MAPPING_LIMITS.label)).max(MAPPING_LIMITS.pageLabels).optional(),
});
export type PortalMappingPatch = z.infer<typeof FieldMappingPatch> | z.infer<typeof PageMappingPatch>;

// ---------------------------------------------------------------------------------------------
// 页面适配包: the mappings one agent shares with a colleague (a file, never a network request)

export const PORTAL_PACK_FORMAT = 'jzz-portal-pack';
export const PORTAL_PACK_VERSION = 1;
/** Limits of a pack file: a real one is a few KB. */
export const PORTAL_PACK_LIMITS = { maxChars: 64 * 1024, maxMappings: 200 } as const;

export const PortalPack = z.strictObject({
  format: z.literal(PORTAL_PACK_FORMAT),
  version: z.literal(PORTAL_PACK_VERSION),
  exportedAt: Timestamp,
  mappings: z.array(PortalMappingInput).max(PORTAL_PACK_LIMITS.maxMappings),
});
export type PortalPack = z.infer<typeof PortalPack>;

/** FNV-1a of a text, 8 hex digits: a heading's share of a page mapping's id (ids carry no Chinese). */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * The natural id of a mapping: one field mapping per module and key (teaching again replaces it), one page
 * mapping per module and heading. A pack's entries replace the rows with the same id.
 */
export function portalMappingId(m: PortalMappingInput): string {
  return m.kind === 'field' ? `f-${m.module}-${m.key}` : `p-${m.module}-${hash(m.heading)}`;
}
