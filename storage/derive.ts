/**
 * Fields storage/ computes instead of asking for: gender and birth date from the resident ID, the
 * reversed ID for suffix search, and the day a document falls below its §五 validity rule.
 */
import type { IsoDate } from '../rules/model';
import { fallsBelowRuleOn } from './dates';
import { checkResidentId } from './identity';
import { CONTRACT_KINDS, type DocumentKind } from '../rules/validity';
import type { ChecklistFacts } from '../rules/checklist';
import type { Case, Gender, ValidUntil } from './schemas';

export function reverseString(s: string): string {
  return [...s].reverse().join('');
}

/** The ID-derived fields of an employee row. Throws on an ID that the validator refuses. */
export function deriveFromResidentId(residentId: string): {
  residentId: string;
  residentIdRev: string;
  gender: Gender;
  birthDate: IsoDate;
} {
  const r = checkResidentId(residentId);
  if (!r.ok) throw new Error(r.message);
  return { residentId: r.normalized, residentIdRev: reverseString(r.normalized), gender: r.gender, birthDate: r.birthDate };
}

/** Months of validity §五 asks for at upload: 6 for 合同类 kinds (leases too, §六(二) 4②), 3 otherwise. */
export function monthsRequired(kind: DocumentKind): 3 | 6 {
  return CONTRACT_KINDS.has(kind) ? 6 : 3;
}

/** `fallsBelowRuleOn` for a document; undefined without a validity date or when valid long-term. */
export function deriveFallsBelow(kind: DocumentKind, validUntil: ValidUntil | undefined): IsoDate | undefined {
  if (!validUntil || validUntil === 'long-term') return undefined;
  return fallsBelowRuleOn(validUntil, monthsRequired(kind));
}

/**
 * A case's facts as rules/checklist.ts `checklist()` takes them (it wants the number of children; the
 * birth dates stay here for the under-16 check).
 */
export function toChecklistFacts(c: Pick<Case, 'business' | 'facts'>): ChecklistFacts {
  const { children, contractStart: _s, contractEnd: _e, incomeMonths: _i, leavingDate: _l, changeNote: _n, ...rest } = c.facts;
  return { business: c.business, ...rest, ...(children ? { children: children.length } : {}) };
}
