/**
 * What the case components compute from stored rows with rules/ — pure functions, shared by the side
 * panel and the case book so that both show the same checklist, progress and warnings.
 */
import { checklist, type Checklist, type ChecklistItem } from '../rules/checklist';
import { childAgeOk, type ChildAgeResult, type DocumentKind } from '../rules/validity';
import type { BusinessType, TickState } from '../rules/model';
import { toChecklistFacts } from '../storage/derive';
import type { Case, Employee, Tick } from '../storage/schemas';

/** The businesses filed for one employee (the company's own two, §六(一) 1 (1) and §六(六), are the case book's). */
export const EMPLOYEE_BUSINESSES: readonly BusinessType[] = ['new-permit', 'renewal', 'employer-change', 'personal-info-change', 'employee-link'];

/** The checklist of a case; the category falls back to the employee's when the case has none. */
export function caseChecklist(c: Pick<Case, 'business' | 'facts'>, employee?: Pick<Employee, 'category'>): Checklist {
  const facts = toChecklistFacts(c);
  const category = c.facts.category ?? employee?.category;
  return checklist({ ...facts, ...(category ? { category } : {}) });
}

/**
 * The document kind whose validity rule (§五) applies to an item, or undefined for items without a
 * validity period. Contracts (6 months) and ID-like papers (3 months) are told apart as rules/validity.ts does.
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
export function progressOf(items: readonly Pick<ChecklistItem, 'id'>[], ticks: Readonly<Record<string, Pick<Tick, 'state'>>>): Progress {
  const count: Record<TickState, number> = { todo: 0, ready: 0, uploaded: 0, na: 0 };
  for (const i of items) count[ticks[i.id]?.state ?? 'todo'] += 1;
  return { uploaded: count.uploaded, ready: count.ready, na: count.na, total: items.length - count.na };
}

/** The under-16 verdict (§六(二) 6) for each listed child, judged on `today`; children born after today are skipped. */
export function childAges(c: Pick<Case, 'facts'>, today: string): { index: number; name?: string; birthDate: string; result: ChildAgeResult }[] {
  return (c.facts.children ?? []).flatMap((child, index) =>
    child.birthDate <= today ? [{ index, name: child.name, birthDate: child.birthDate, result: childAgeOk(child.birthDate, today) }] : [],
  );
}
