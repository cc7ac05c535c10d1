/**
 * Matches the rows of a 附件管理 page's 附件列表 (as the content script reports them) to the checklist
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
import type { ChecklistItem } from '../rules/checklist';
import type { PortalModule } from '../rules/model';
import type { AttachmentRow } from '../utils/messaging';
import { slotItems } from '../rules/attachment-rows';

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
