/**
 * Schema version 2's Dexie stores, kept verbatim so Dexie can upgrade databases written by it and so the
 * migration test can create a real v2 database. Never edit: a shipped schema is history.
 *
 * v2 → v3 (issue #16) changed indexes only, no row: the indexes no query of the product used were dropped
 * (employees' name, holderStatus, updatedAt; cases' business, [status+business], updatedAt; documents' kind,
 * validUntil; ticks' state; notes' at; audit's at). employees' permitValidUntil and cases' status stay: the
 * case book's first screen queries them (storage/snapshot.ts loadFirstScreen). Each cost a B-tree write per
 * row on every save and restore (a restore of 20,000 documents wrote 6 index entries per row instead of 3).
 */
export const STORES_V2 = {
  company: 'id',
  employees: 'id, &residentId, residentIdRev, name, holderStatus, permitValidUntil, updatedAt',
  cases: 'id, employeeId, status, business, [status+business], [employeeId+createdAt], updatedAt',
  documents: 'id, employeeId, caseId, kind, validUntil, fallsBelowRuleOn',
  ticks: '[caseId+itemId], caseId, state',
  notes: 'id, employeeId, caseId, at',
  drafts: 'id, employeeId, caseId',
  audit: '++id, [table+recordId], employeeId, at',
  settings: 'id',
  focus: 'id',
} as const;
