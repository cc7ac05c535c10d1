/** Checklist ticks: the zod schemas of its rows and writes (see ./index.ts for the conventions). */
import { z } from 'zod';
import { TickState } from '../../rules/model';
import { LIMITS, RecordId, Timestamp, trimmed } from './common';
import { ItemId } from './documents';

export const TickInput = z.strictObject({
  state: TickState,
  note: trimmed(LIMITS.note).optional(),
});
export type TickInput = z.input<typeof TickInput>;

export const TickRow = z.strictObject({
  caseId: RecordId,
  itemId: ItemId,
  state: TickState,
  note: trimmed(LIMITS.note).optional(),
  updatedAt: Timestamp,
});
export type Tick = z.infer<typeof TickRow>;
