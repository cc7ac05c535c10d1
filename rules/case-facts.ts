/**
 * A stored case → the facts the rules take, and what every view derives from a case with the rules:
 * its checklist, each item's document kind (§五 validity), progress, the children's ages (§六(二) 6) and
 * which business's list a portal module shows. One implementation for the side panel, the case book,
 * the print views and the background's answers to the portal, so no two screens can disagree.
 *
 * The input types are structural (what storage/'s rows hold): rules/ imports nothing of ours.
 */
import { checklist, ChecklistFacts, type Checklist, type ChecklistItem } from './checklist';
import { checkValidity, childAgeOk, type ChildAgeResult, type DocumentKind, type ValidityResult } from './validity';
import type { BusinessType, CaseStatus, Category, IsoDate, PortalModule, TickState } from './model';
import { guideScope, type ApplicantGroup } from './scope';

/** The businesses filed for one employee (the company's own two, §六(一) 1 (1) and §六(六), are the case book's). */
export const EMPLOYEE_BUSINESSES: readonly BusinessType[] = ['new-permit', 'renewal', 'employer-change', 'personal-info-change', 'employee-link'];

/** The businesses filed by the company for itself: registration §六(一) 1 (1) and authority change §六(六). */
const COMPANY_BUSINESSES: ReadonlySet<BusinessType> = new Set(['employer-registration', 'authority-change']);

/** A child as a stored case lists it (§六(二) 6). */
export interface CaseChild {
  readonly name?: string;
  readonly birthDate: string;
}

/** The facts of a stored case that the checklist reads; other stored facts (the pre-check's) pass through unread. */
export type StoredCaseFacts = Omit<ChecklistFacts, 'business' | 'children'> & {
  readonly children?: readonly CaseChild[];
  readonly [other: string]: unknown;
};

/** What a case is, for the rules: its business and its facts. */
export interface CaseLike {
  readonly business: BusinessType;
  readonly facts: StoredCaseFacts;
}

/**
 * A case's facts as checklist() takes them: the number of children (their birth dates stay with the
 * case for the under-16 check); the category falls back to the employee's when the case has none.
 * Only the facts checklist() reads are kept (its schema's keys; the pre-check's facts stay with the case).
 */
export function toChecklistFacts(c: CaseLike, employeeCategory?: Category): ChecklistFacts {
  const rest = Object.fromEntries(
    Object.keys(ChecklistFacts.shape).flatMap((k) => (k !== 'children' && k !== 'business' && c.facts[k] !== undefined ? [[k, c.facts[k]]] : [])),
  ) as Omit<ChecklistFacts, 'business'>;
  const category = c.facts.category ?? employeeCategory;
  return {
    ...rest,
    business: c.business,
    ...(category ? { category } : {}),
    ...(c.facts.children?.length ? { children: c.facts.children.length } : {}),
  };
}

/**
 * The category (§一(三) 1) a filing stands for: the case's own, chosen for that filing, else the
 * employee's. Every view (checklist, case book column and filter, exports) shows this one.
 */
export function filingCategory(c: { readonly facts: StoredCaseFacts } | undefined, employee: { readonly category?: Category } | undefined): Category | undefined {
  return c?.facts.category ?? employee?.category;
}

/**
 * The checklist of a case; the category falls back to the employee's when the case has none. An employee the
 * guide is not for (§七 4: the group the agent chose, or an ID number starting 81/82/83/71) gets the
 * 「按原有条件和程序办理」 notice instead of the Daxing checklist (`outOfScope`).
 */
export function caseChecklist(
  c: CaseLike,
  employee?: { readonly category?: Category; readonly residentId?: string; readonly applicantGroup?: ApplicantGroup },
): Checklist {
  const scope = employee && (employee.applicantGroup || employee.residentId) ? guideScope({ ...(employee.residentId ? { idNumber: employee.residentId } : {}), ...(employee.applicantGroup ? { group: employee.applicantGroup } : {}) }) : undefined;
  return checklist({ ...toChecklistFacts(c, employee?.category), ...(scope && !scope.inScope ? { applicantGroup: scope.group } : {}) });
}

/**
 * The document kind whose validity rule (§五) applies to an item, or undefined for items without a
 * validity period. Contracts (6 months) and ID-like papers (3 months) are told apart as validity.ts does.
 */
export function documentKindOf(item: Pick<ChecklistItem, 'id' | 'validity' | 'kind'>): DocumentKind | undefined {
  if (item.validity === 'none' || item.kind !== 'document') return undefined;
  if (item.id === 'labour-contract') return 'labour-contract';
  if (item.id === 'housing-lease-contract') return 'lease-contract';
  if (item.id === 'beijing-residence-permit') return 'beijing-residence-permit';
  if (item.id === 'employer-licence') return 'business-licence';
  if (/qualification/.test(item.id)) return 'qualification-certificate';
  if (/id-cards?$/.test(item.id)) return 'resident-id-card';
  return item.validity === '6-months' ? 'other-contract' : 'other';
}

/** A case's document as storage keeps it: one per case and checklist item, with the item's validity date. */
export interface ItemDocument {
  readonly itemId?: string;
  readonly validUntil?: IsoDate | 'long-term';
}

/**
 * The §五 verdict, for an upload on `today`, on the document saved for each checklist item (3 months, contracts
 * and leases 6, inclusive; §六(二) 4② for leases). Items without a validity rule, without a saved date, or
 * marked 不适用 are left out. This is the one verdict every view shows next to an item — side panel, the
 * 附件管理 overlay, the 已上传 sync, the eligibility check, the print view and the case book (issue #18 item 3):
 * a ticked 已上传 does not make a short lease good.
 */
export function itemValidities(
  items: readonly Pick<ChecklistItem, 'id' | 'validity' | 'kind'>[],
  documents: readonly ItemDocument[],
  ticks: Readonly<Record<string, { readonly state: TickState }>>,
  today: IsoDate,
): Map<string, ValidityResult> {
  const byItem = new Map(documents.filter((d) => d.itemId && d.validUntil).map((d) => [d.itemId!, d.validUntil!]));
  const out = new Map<string, ValidityResult>();
  for (const item of items) {
    const kind = documentKindOf(item);
    const validUntil = byItem.get(item.id);
    if (!kind || !validUntil || ticks[item.id]?.state === 'na') continue;
    out.set(item.id, checkValidity({ kind, validUntil }, today));
  }
  return out;
}

/** The items whose saved document already fails its §五 rule (see {@link itemValidities}). */
export function failingItems(validities: ReadonlyMap<string, ValidityResult>): string[] {
  return [...validities].filter(([, v]) => !v.ok).map(([id]) => id);
}

/**
 * Whether a case still waits to be filed (not yet submitted, or returned for changes): only then does a
 * suggested filing day mean anything. A voided case gets no dates at all (issue #18 item 5).
 */
export function awaitsFiling(status: CaseStatus): boolean {
  return status === 'draft' || status === 'collecting' || status === 'returned';
}

export interface Progress {
  /** Items ticked 已上传. */
  readonly uploaded: number;
  /** Items ticked 已备好 (ready to upload). */
  readonly ready: number;
  /** Items marked 不适用 — not counted in `total`. */
  readonly na: number;
  /** Items that count: all minus n.a. */
  readonly total: number;
}

/** Progress of a checklist: n uploaded of m (n.a. items left out of m). */
export function progressOf(items: readonly Pick<ChecklistItem, 'id'>[], ticks: Readonly<Record<string, { readonly state: TickState }>>): Progress {
  const count: Record<TickState, number> = { todo: 0, ready: 0, uploaded: 0, na: 0 };
  for (const i of items) count[ticks[i.id]?.state ?? 'todo'] += 1;
  return { uploaded: count.uploaded, ready: count.ready, na: count.na, total: items.length - count.na };
}

/** The under-16 verdict (§六(二) 6) for each listed child, judged on `today`; children born after today are skipped. */
export function childAges(c: { readonly facts: StoredCaseFacts }, today: string): { index: number; name?: string; birthDate: string; result: ChildAgeResult }[] {
  return (c.facts.children ?? []).flatMap((child, index) =>
    child.birthDate <= today ? [{ index, name: child.name, birthDate: child.birthDate, result: childAgeOk(child.birthDate, today) }] : [],
  );
}

/**
 * Which business's list a portal module shows: the focused case's when it belongs there, else the
 * module's default (the company's 附件管理 shows the registration list §六(一) 1 (1); a person's page the
 * new permit's §六(二); an employer-side employee page the link §六(一) 1 (2)).
 */
export function checklistBusinessFor(module: PortalModule, focused: BusinessType | undefined): BusinessType {
  if (module === 'unit-attachments' || module === 'unit-company-info') {
    return focused && COMPANY_BUSINESSES.has(focused) ? focused : 'employer-registration';
  }
  if (focused && !COMPANY_BUSINESSES.has(focused)) return focused;
  return module.startsWith('unit-') ? 'employee-link' : 'new-permit';
}
