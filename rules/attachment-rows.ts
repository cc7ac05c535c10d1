/**
 * The one table from the portal's 附件管理 row names to the checklist items of rules/checklist.ts,
 * used by the content script (row marks, the page's checklist) and by the side panel (which rows
 * tick which items). Pure data and functions with type imports only, so the content script may bundle
 * it without pulling in zod or date-fns (tests/unit/portal/features.test.ts allows exactly this module).
 */
import type { ChecklistItem } from './checklist';
import type { PortalModule } from './model';
/**
 * 附件管理 rows (portal wording) → checklist item ids of rules/checklist.ts. The first matching entry
 * wins, so the specific names (子女…, 单位诚信声明) come before the general ones. SPA and classic rows
 * are worded differently (户口本首页及本人页 / 申请人户口本首页及本人页; 营业执照 / 营业执照（副本）).
 */
export const ATTACHMENT_SLOTS: readonly { readonly pattern: RegExp; readonly items: readonly string[] }[] = [
  { pattern: /出生医学证明/, items: ['child-birth-certificate'] },
  { pattern: /子女身份证/, items: ['child-id-card'] },
  { pattern: /子女户口/, items: ['child-hukou-pages'] },
  { pattern: /离婚/, items: ['divorce-custody-proof'] },
  { pattern: /户口本|户口簿/, items: ['hukou-pages'] },
  { pattern: /单位诚信声明/, items: ['employer-integrity-statement'] },
  { pattern: /诚信声明/, items: ['applicant-integrity-statement'] },
  { pattern: /借住声明/, items: ['housing-relative-statement'] },
  {
    pattern: /住所证明|租赁合同|房屋所有权|不动产|居住证/,
    items: [
      'housing-proof', 'housing-own-deed', 'housing-own-online-contract', 'marriage-certificate', 'housing-landlord-deed',
      'housing-landlord-id-card', 'housing-lease-contract', 'housing-rural-owner-hukou', 'housing-employer-property-proof',
      'housing-employer-lease', 'housing-employer-residence-proof', 'housing-relative-deed', 'housing-relative-id-cards', 'beijing-residence-permit',
    ],
  },
  { pattern: /应税收入|纳税记录|纳税证明|个税/, items: ['income-records-recent', 'income-records-3-years', 'income-records-permit-period', 'tax-records-3-years'] },
  { pattern: /学历认证/, items: ['diploma-verification-report'] },
  { pattern: /学位认证/, items: ['degree-verification-report'] },
  { pattern: /学历证书/, items: ['diploma-certificate'] },
  { pattern: /学位证书/, items: ['degree-certificate'] },
  { pattern: /考试合格/, items: ['title-exam-record'] },
  { pattern: /职称评审/, items: ['title-review-form'] },
  { pattern: /任职通知/, items: ['title-appointment-notice'] },
  { pattern: /职称/, items: ['title-certificate'] },
  { pattern: /获奖证书/, items: ['award-certificate'] },
  { pattern: /获奖/, items: ['award-evidence'] },
  { pattern: /情况报告/, items: ['written-report'] },
  { pattern: /落地转化说明/, items: ['ip-commercialisation-statement'] },
  { pattern: /转化.*佐证/, items: ['ip-commercialisation-evidence'] },
  { pattern: /专利|著作权/, items: ['patent-certificates'] },
  { pattern: /离职证明/, items: ['leaving-certificate'] },
  { pattern: /营业执照|法人证书|登记证书/, items: ['employer-licence'] },
  { pattern: /资质/, items: ['employer-qualification-certificate', 'employer-qualification-proof'] },
  { pattern: /产值贡献|涉税信息|完税证明/, items: ['employer-output-contribution', 'employer-output-contribution-current-year'] },
  { pattern: /经办人身份证/, items: ['employer-agent-id-card'] },
  { pattern: /劳动合同|聘用合同/, items: ['labour-contract'] },
  // §六(一) 1 (1): ⑥ and ⑦ are merged and uploaded as 其他材料; §六(四) 1: the leaving certificate may go there too.
  { pattern: /其他材料|验资报告/, items: ['employer-other-materials', 'employer-capital-verification', 'leaving-certificate', 'changed-info-originals'] },
];

/** The checklist item ids a 附件管理 row name stands for ([] when the row is not one we know). */
export function slotItems(rowName: string): readonly string[] {
  return ATTACHMENT_SLOTS.find((s) => s.pattern.test(rowName))?.items ?? [];
}

// ---------------------------------------------------------------------------------------------
/**
 * Matching a page's rows to a case: matches the rows of a 附件管理 page's 附件列表 (as the content script reports them) to the checklist
 * items of the case in focus, by title keywords. Pure: no DOM, no storage.
 *
 * Only items uploaded on that page take part (item.module === the page's module), so the personal
 * page's 「诚信声明」 never ticks the employer's 「单位诚信声明」. A row matches
 *  0. the items rules/attachment-rows.ts names for it — the same table the overlay marks rows by, so
 *     the panel and the page never disagree about a row the table knows;
 * and only for a row the table does not know (the portal renamed it):
 *  1. items of its keyword group: 住所证明 → every housing item of the case (the portal has one row for
 *     the whole proof, §六(二) 4), 应税收入 → the income records, 其他材料 → items uploaded as 其他材料;
 *  2. otherwise items whose title contains the row's name, or whose title's core is contained in it —
 *     names compared without brackets, quotes, spaces and the 申请人/单位 prefixes.
 * A row can match several items (住所证明 ⇒ deed, landlord ID and lease); the UI asks once before ticking.
 */

/** A 附件列表 row's 当前状态 as the page words it: 已上传, 未上传, or anything else (kept as unknown). */
export function attachmentRowStatus(text: string): 'uploaded' | 'missing' | 'unknown' {
  return text.includes('已上传') ? 'uploaded' : text.includes('未上传') ? 'missing' : 'unknown';
}

/**
 * What the page says of a checklist item, from the rows matched to it: 'uploaded' when any of its rows is
 * 已上传, 'missing' when it has rows but none is, 'no-row' when the page has no row for it. One answer for
 * the 附件管理 overlay and the side panel's basic checklist.
 */
export function pageStateOf(matches: readonly AttachmentMatch[], itemId: string): 'uploaded' | 'missing' | 'no-row' {
  const rows = matches.filter((m) => m.itemIds.includes(itemId));
  if (!rows.length) return 'no-row';
  return rows.some((m) => m.row.status === 'uploaded') ? 'uploaded' : 'missing';
}

/** A row of 附件列表 as the content script reads it (utils/messaging.ts AttachmentRow). */
interface AttachmentRow {
  readonly name: string;
  readonly status: 'uploaded' | 'missing' | 'unknown';
}

export interface AttachmentMatch {
  readonly row: AttachmentRow;
  /** Checklist item ids the row stands for, in checklist order. */
  readonly itemIds: readonly string[];
}

/**
 * Where each 附件管理 page takes its uploads. The employer's page also takes the registration
 * attachments: employers registered before the upgrade upload them again there (§六(一) 1 (1) ①'s note).
 */
const PAGE_PLACES: Partial<Record<PortalModule, readonly string[]>> = {
  'person-attachments': ['applicant-attachments', 'applicant-other-materials'],
  'unit-attachments': ['employer-attachments', 'employer-other-materials', 'registration-attachments'],
};

/** The items done on the page of `module` (highlighted in the panel while the agent is on it). */
export function itemsOnPage<T extends Pick<ChecklistItem, 'place' | 'module'>>(items: readonly T[], module: PortalModule | null | undefined): T[] {
  if (!module) return [];
  const places = PAGE_PLACES[module];
  return items.filter((i) => (places ? places.includes(i.place) : i.module === module));
}

const HOUSING_IDS = /^(housing-|beijing-residence-permit$|marriage-certificate$)/;

/** Whether a checklist item is part of the housing proof of §六(二) 4 (住所证明). */
export function isHousingProofItem(itemId: string): boolean {
  return HOUSING_IDS.test(itemId);
}

/** Keyword groups: a row whose name contains `keyword` stands for the items `pick` selects. */
const GROUPS: readonly { keyword: RegExp; pick: (i: ChecklistItem) => boolean }[] = [
  { keyword: /住所证明|住房证明|居住证明/, pick: (i) => HOUSING_IDS.test(i.id) },
  { keyword: /应税收入|收入材料|收入证明|纳税记录/, pick: (i) => i.needsIncomeAnnotation },
  { keyword: /^其他(有关)?材料/, pick: (i) => i.place === 'employer-other-materials' || i.place === 'applicant-other-materials' },
];

/** The part before the first bracket, without quotes, spaces and the applicant/employer prefixes. */
export function coreName(s: string): string {
  return s
    .replace(/[（(［\[].*$/, '')
    .replace(/[《》「」『』"“”'‘’\s]/g, '')
    .replace(/^(申请人|单位|本人)/, '')
    .trim();
}

function plain(s: string): string {
  return s.replace(/[《》「」『』"“”'‘’\s]/g, '');
}

/**
 * For each row, the checklist items it stands for; rows that match nothing are left out. `module` is
 * the page's module (person-attachments / unit-attachments); without it every item takes part.
 */
export function matchAttachmentRows(
  rows: readonly AttachmentRow[],
  items: readonly ChecklistItem[],
  module?: PortalModule | null,
): AttachmentMatch[] {
  const onPage = (module ? itemsOnPage(items, module) : items).filter((i) => i.kind === 'document');
  const out: AttachmentMatch[] = [];
  for (const row of rows) {
    const name = plain(row.name);
    const core = coreName(row.name);
    if (core.length < 2) continue;
    const slot = slotItems(row.name);
    const group = GROUPS.find((g) => g.keyword.test(core));
    let hits: ChecklistItem[];
    if (slot.length) hits = onPage.filter((i) => slot.includes(i.id));
    else if (group) hits = onPage.filter(group.pick);
    else {
      hits = onPage.filter((i) => {
        const title = plain(i.title.zh);
        const itemCore = coreName(i.title.zh);
        return title.includes(core) || (itemCore.length >= 2 && (name.includes(itemCore) || core.includes(itemCore)));
      });
    }
    if (hits.length) out.push({ row, itemIds: hits.map((i) => i.id) });
  }
  return out;
}

/**
 * The items the page lists as 已上传 that are not yet ticked uploaded (or n.a.): what the panel offers
 * to tick, each with the row names it came from.
 */
export function uploadedOffers(
  matches: readonly AttachmentMatch[],
  ticks: Readonly<Record<string, { state: string } | undefined>>,
): { itemId: string; rows: string[] }[] {
  const byItem = new Map<string, string[]>();
  for (const m of matches) {
    if (m.row.status !== 'uploaded') continue;
    for (const id of m.itemIds) {
      const state = ticks[id]?.state;
      if (state === 'uploaded' || state === 'na') continue;
      byItem.set(id, [...(byItem.get(id) ?? []), m.row.name]);
    }
  }
  return [...byItem].map(([itemId, rowNames]) => ({ itemId, rows: rowNames }));
}
