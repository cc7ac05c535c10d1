/**
 * The few date helpers storage/ needs, on top of rules/dates.ts (integer calendar arithmetic, no host
 * time zone involved: the tests run under TZ=UTC and TZ=Asia/Shanghai).
 */
import { beijingDate } from '../rules/dates';
import type { IsoDate } from '../rules/model';

/** Today in Beijing (where the agent files), as `yyyy-MM-dd`, whatever the machine's time zone. */
export function today(now: Date): IsoDate {
  return beijingDate(now);
}

