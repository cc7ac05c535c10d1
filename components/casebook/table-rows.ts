/**
 * The case book table's filters and sort orders over the rows rules/deadline-events.ts computes
 * (storage/snapshot.ts types them with the database's rows).
 */
import { z } from 'zod';
import type { BusinessType } from '../../rules/model';
import { filingCategory } from '../../rules/case-facts';
import type { DeadlineState } from '../../rules/deadlines';
import type { CaseBookRow } from '../../storage/snapshot';
import type { Case, Employee } from '../../storage/schemas';

/** The table's renewal / employer-change filter: a deadline state, or 'window-open' (a renewal may be filed now). */
export type PermitFilter = 'any' | 'not-yet-open' | 'open' | 'closing-soon' | 'missed' | 'expired' | 'window-open';

/** The table's filters; every field optional ('' / undefined = no filter). */
export interface RowFilter {
  /** Name (contains) or ID digits (the ID contains them; ≥ 4 characters of 0-9/X). */
  text?: string;
  holderStatus?: Employee['holderStatus'] | '';
  /** Latest case's status. */
  caseStatus?: Case['status'] | 'no-case' | '';
  /** Latest case's business. */
  business?: BusinessType | '';
  category?: NonNullable<Employee['category']> | '';
  /** Renewal / employer-change state; 'window-open' = open or closing soon (a renewal may be filed now). */
  permit?: PermitFilter | '';
  /** Next deadline within this many working days (overdue ones included). */
  withinWorkdays?: number;
}

/** The rows matching every filter given. */
export function filterRows(rows: readonly CaseBookRow[], f: RowFilter): CaseBookRow[] {
  const text = (f.text ?? '').trim();
  const idQuery = /^[0-9Xx]{4,18}$/.test(text) ? text.toUpperCase() : undefined;
  return rows.filter((r) => {
    const e = r.employee;
    if (text && !(idQuery ? e.residentId.includes(idQuery) || e.name.includes(text) : e.name.includes(text))) return false;
    if (f.holderStatus && e.holderStatus !== f.holderStatus) return false;
    if (f.caseStatus) {
      if (f.caseStatus === 'no-case' ? r.latestCase : r.latestCase?.status !== f.caseStatus) return false;
    }
    if (f.business && r.latestCase?.business !== f.business) return false;
    if (f.category && filingCategory(r.latestCase, r.employee) !== f.category) return false;
    if (f.permit && f.permit !== 'any') {
      const st = r.permit?.state;
      if (f.permit === 'window-open' ? !(r.permit?.business === 'renewal' && (st === 'open' || st === 'closing-soon')) : st !== f.permit) return false;
    }
    if (f.withinWorkdays !== undefined && !(r.next && r.next.workdaysLeft <= f.withinWorkdays)) return false;
    return true;
  });
}

export const SortKey = z.enum(['name', 'residentId', 'holderStatus', 'permitValidUntil', 'permit', 'case', 'next', 'updatedAt']);
export type SortKey = z.infer<typeof SortKey>;

const collator = new Intl.Collator('zh-CN-u-co-pinyin');
const PERMIT_ORDER: Record<DeadlineState, number> = { missed: 0, 'closing-soon': 1, open: 2, 'not-yet-open': 3, expired: 4 };

/** A sorted copy; rows without the key go last whichever the direction; ties by name then id. */
export function sortRows(rows: readonly CaseBookRow[], key: SortKey, descending = false): CaseBookRow[] {
  const val = (r: CaseBookRow): string | number | undefined => {
    switch (key) {
      case 'name':
        return r.employee.name;
      case 'residentId':
        return r.employee.residentId;
      case 'holderStatus':
        return r.employee.holderStatus;
      case 'permitValidUntil':
        return r.employee.permitValidUntil;
      case 'permit':
        return r.permit ? PERMIT_ORDER[r.permit.state] * 10000 + r.permit.workdaysToRecommendedLatestDay : undefined;
      case 'case':
        return r.latestCase ? `${r.latestCase.status}|${r.latestCase.business}` : undefined;
      case 'next':
        return r.next?.date;
      case 'updatedAt':
        return r.latestCase && r.latestCase.updatedAt > r.employee.updatedAt ? r.latestCase.updatedAt : r.employee.updatedAt;
    }
  };
  const keyed = rows.map((r) => ({ r, v: val(r) }));
  keyed.sort((a, b) => {
    if (a.v === undefined || b.v === undefined) {
      if (a.v !== b.v) return a.v === undefined ? 1 : -1;
    } else {
      const x = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : key === 'name' ? collator.compare(String(a.v), String(b.v)) : String(a.v).localeCompare(String(b.v));
      if (x !== 0) return descending ? -x : x;
    }
    return collator.compare(a.r.employee.name, b.r.employee.name) || a.r.id.localeCompare(b.r.id);
  });
  return keyed.map((k) => k.r);
}

