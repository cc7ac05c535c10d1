/**
 * The few date helpers storage/ needs, on top of rules/dates.ts (integer calendar arithmetic, no host
 * time zone involved: the tests run under TZ=UTC and TZ=Asia/Shanghai).
 */
import { addDays, addMonths, beijingDate } from '../rules/dates';
import type { IsoDate } from '../rules/model';

export { addDays, addMonths };

/** Today in Beijing (where the agent files), as `yyyy-MM-dd`, whatever the machine's time zone. */
export function today(now: Date): IsoDate {
  return beijingDate(now);
}

/** An instant as the ISO timestamp stored everywhere in the database (UTC, milliseconds, 'Z'). */
export function timestamp(now: Date): string {
  return now.toISOString();
}

/**
 * The first day on which a document valid until `validUntil` no longer has `months` months of
 * validity left (§五: "有效期限须超过3个月以上（含），其中合同类材料为6个月以上（含）").
 * Reading: provided on day D, the document passes when D + months ≤ validUntil (both inclusive), so
 * it falls below the rule on the first D with D + months > validUntil. Month-end clamping makes
 * "validUntil − months" inexact (01-31 + 3 months = 04-30), hence the short forward search.
 */
export function fallsBelowRuleOn(validUntil: IsoDate, months: number): IsoDate {
  let d = addMonths(validUntil, -months); // always passes: clamping only ever moves it earlier
  for (;;) {
    const next = addDays(d, 1);
    if (addMonths(next, months) > validUntil) return next;
    d = next;
  }
}
