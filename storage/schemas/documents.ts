/** Documents: the zod schemas of its rows and writes (see ./index.ts for the conventions). */
import { z } from 'zod';
import { DocumentKind } from '../../rules/validity';
import {
  Day,
  LIMITS,
  RecordId,
  Timestamp,
  trimmed,
} from './common';

/** Checklist item ids come from rules/ (e.g. 'new-permit.hukou'); kept to a safe alphabet. */
export const ItemId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, { message: '清单项编号无效 / Invalid checklist item id' });

/** The document kinds of rules/validity.ts; 合同类 kinds (CONTRACT_KINDS) need 6 months, the others 3 (§五). */
export { DocumentKind };

/** The last valid day, or 'long-term' (长期, e.g. an ID card of a holder over 46) which never falls below. */
export const ValidUntil = z.union([Day, z.literal('long-term')]);
export type ValidUntil = z.infer<typeof ValidUntil>;

/** The fields a document is written with; the row adds its id, the derived §五 day and its times. */
const DocumentFields = {
  /** Set for every document of an employee, also when it belongs to one of their cases (erasure uses it). */
  employeeId: RecordId.optional(),
  caseId: RecordId.optional(),
  kind: DocumentKind,
  /** The checklist item (rules/checklist.ts id) this document is the material of, e.g. 'housing-lease-contract'; set once at creation. */
  itemId: ItemId.optional(),
  /** Free label to tell two documents of one kind apart (e.g. 「租赁合同（亦庄）」). */
  label: trimmed(LIMITS.label).optional(),
  validUntil: ValidUntil.optional(),
  uploadedOn: Day.optional(),
  note: trimmed(LIMITS.note).optional(),
};

export const DocumentInput = z.strictObject(DocumentFields);
export type DocumentInput = z.input<typeof DocumentInput>;

export const DocumentPatch = z.strictObject({
  kind: DocumentKind.optional(),
  label: trimmed(LIMITS.label).nullable().optional(),
  validUntil: ValidUntil.nullable().optional(),
  uploadedOn: Day.nullable().optional(),
  note: trimmed(LIMITS.note).nullable().optional(),
});
export type DocumentPatch = z.input<typeof DocumentPatch>;

export const DocumentRow = z.strictObject({
  id: RecordId,
  ...DocumentFields,
  /** Derived: first day the document no longer meets its §五 rule; absent without a date or when long-term. */
  fallsBelowRuleOn: Day.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type DocumentRecord = z.infer<typeof DocumentRow>;
