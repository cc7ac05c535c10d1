/**
 * iCalendar line folding (RFC 5545 §3.1): a content line longer than 75 octets is split into lines of at
 * most 75 octets (CRLF not counted), each continuation starting with one space, which counts toward its 75.
 * Octets of UTF-8, and never inside a character: a Chinese character is 3 octets, an emoji 4, and a fold
 * between the bytes of one makes calendar programs show garbage.
 */

import { createEvents } from 'ics';
import { addDays } from '../rules/dates';
import type { IsoDate } from '../rules/model';

const LIMIT = 75;
const encoder = new TextEncoder();
const octets = (ch: string) => (ch.length === 2 ? 4 : encoder.encode(ch).length);

/** Joins folded lines back into content lines (a CRLF followed by a space or tab is removed). */
export function unfoldIcs(text: string): string {
  return text.replace(/\r?\n[ \t]/g, '');
}

/** One content line folded at 75 octets, lines joined by CRLF. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = octets(ch);
    if (size + n > LIMIT) {
      out.push(current);
      current = ' ';
      size = 1;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n');
}

/** A whole iCalendar text folded at 75 octets (whatever folding it had before), with CRLF line ends. */
export function foldIcs(text: string): string {
  const lines = unfoldIcs(text).split(/\r?\n/);
  const trailing = lines.length > 0 && lines[lines.length - 1] === '';
  if (trailing) lines.pop();
  return lines.map(foldLine).join('\r\n') + (trailing ? '\r\n' : '');
}

/** One all-day calendar entry. */
export interface IcsEvent {
  uid: string;
  date: IsoDate;
  summary: string;
  description?: string;
  categories?: string[];
}

/**
 * An iCalendar file of all-day events, written by the `ics` package (RFC 5545 escaping, line folding,
 * CRLF). UIDs are stable so that importing a newer export updates entries instead of duplicating them.
 */
export function toIcs(events: readonly IcsEvent[], options: { calendarName: string; now: Date }): string {
  const stamp = options.now.getTime();
  const dateArray = (d: IsoDate): [number, number, number] => {
    const [y, m, day] = d.split('-').map(Number);
    return [y, m, day];
  };
  const { error, value } = createEvents(
    events.map((e) => ({
      uid: e.uid,
      start: dateArray(e.date),
      end: dateArray(addDays(e.date, 1)),
      title: e.summary,
      ...(e.description ? { description: e.description } : {}),
      ...(e.categories?.length ? { categories: e.categories } : {}),
      transp: 'TRANSPARENT' as const,
      created: stamp,
    })),
    { productId: 'bj-work-residence-permit-assistant/casebook', calName: options.calendarName, method: 'PUBLISH' },
  );
  if (error || value === null) throw error ?? new Error('ICS');
  // The package folds by characters; RFC 5545 §3.1 folds at 75 octets of UTF-8 (utils/ics.ts).
  return foldIcs(value);
}
