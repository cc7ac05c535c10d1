/** Captured drafts (values the content script read off portal pages): the zod schemas of its rows and writes (see ./index.ts for the conventions). */
import { z } from 'zod';
import { PortalModule } from '../../rules/model';
import { LIMITS, RecordId, Timestamp } from './common';

/** Field keys from the content script's fields.ts. */
export const FieldKey = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9._-]{0,63}$/, { message: '字段名无效 / Invalid field key' });

export const CapturedValue = z.strictObject({
  value: z.string().max(LIMITS.capturedValue),
  module: PortalModule.nullable(),
  capturedAt: Timestamp,
});
export type CapturedValue = z.infer<typeof CapturedValue>;

export const CapturedFields = z
  .record(FieldKey, CapturedValue)
  .refine((r) => Object.keys(r).length <= LIMITS.capturedFieldsPerRecord, {
    message: `采集字段过多（上限 ${LIMITS.capturedFieldsPerRecord}） / Too many captured fields (max ${LIMITS.capturedFieldsPerRecord})`,
  });

/**
 * One capture: the values the content script read off a portal page for the employee (and case) in
 * focus — the saveCaptured message and the drafts repository take the same shape.
 */
export const CaptureInput = z.strictObject({
  /** The employee the content script got from getFocusDraft; refused if focus moved since. */
  employeeId: RecordId,
  caseId: RecordId.optional(),
  module: PortalModule.nullable(),
  /** Field key (content script's fields.ts) → the text as shown on the page. */
  fields: z
    .record(FieldKey, CapturedValue.shape.value)
    .refine((r) => Object.keys(r).length <= LIMITS.capturedFieldsPerRecord, {
      message: `一次采集的字段过多（上限 ${LIMITS.capturedFieldsPerRecord}） / Too many fields in one capture (max ${LIMITS.capturedFieldsPerRecord})`,
    }),
});
export type CaptureInput = z.input<typeof CaptureInput>;

export const DraftRow = z.strictObject({
  /** 'employee:<employeeId>' or 'case:<caseId>'. */
  id: z.string().regex(/^(employee|case):[A-Za-z0-9_-]{1,64}$/, { message: '草稿编号无效 / Invalid draft id' }),
  employeeId: RecordId,
  caseId: RecordId.optional(),
  fields: CapturedFields,
  updatedAt: Timestamp,
});
export type Draft = z.infer<typeof DraftRow>;
