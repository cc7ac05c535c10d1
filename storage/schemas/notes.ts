/** Notes: the zod schemas of its rows and writes (see ./index.ts for the conventions). */
import { z } from 'zod';
import { LIMITS, RecordId, Timestamp, required } from './common';

export const NoteInput = z
  .strictObject({
    /**
     * Chosen by a composer before its first save, so that a draft replayed after a crash updates the
     * note it already became instead of adding a second one.
     */
    id: RecordId.optional(),
    employeeId: RecordId.optional(),
    caseId: RecordId.optional(),
    text: required(LIMITS.notes),
  })
  .refine((n) => Boolean(n.employeeId || n.caseId), {
    message: '备注必须属于员工或业务 / A note belongs to an employee or a case',
    path: ['employeeId'],
  });
export type NoteInput = z.input<typeof NoteInput>;

export const NoteRow = z.strictObject({
  id: RecordId,
  employeeId: RecordId.optional(),
  caseId: RecordId.optional(),
  text: required(LIMITS.notes),
  /** When the note was written. */
  at: Timestamp,
  updatedAt: Timestamp,
});
export type Note = z.infer<typeof NoteRow>;
