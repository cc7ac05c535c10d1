/** Labels and tones of the case book's values, in the UI language. */
import type { BusinessType, CaseStatus, Category, HolderStatus } from '../../rules/model';
import type { DeadlineState } from '../../rules/deadlines';
import { BUSINESS_LABELS } from '../../rules/texts';
import { STATUS_LABELS } from '../../storage/repos';
import { HOLDER_LABELS } from '../../rules/texts';
import { PERMIT_STATE_LABELS } from './exports';
import { maskIdLast4 } from '../../utils/mask';
import { EVENT_LABELS, type EventKind } from '../../rules/deadline-events';
import type { Lang } from '../i18n';
import type { Tone } from '../ui';

import { pickText as pick } from '../../utils/bilingual';

export const holderLabel = (lang: Lang, s: HolderStatus) => pick(lang, HOLDER_LABELS[s]);
export const caseStatusLabel = (lang: Lang, s: CaseStatus) => pick(lang, STATUS_LABELS[s]);
export const businessLabel = (lang: Lang, b: BusinessType) => pick(lang, BUSINESS_LABELS[b]);
export const eventLabel = (lang: Lang, k: EventKind) => pick(lang, EVENT_LABELS[k]);
export const permitStateLabel = (lang: Lang, s: DeadlineState) => pick(lang, PERMIT_STATE_LABELS[s]);
export const categoryLabel = (lang: Lang, c: Category) => (c === 'recommended' ? (lang === 'en' ? 'Recommended' : '推荐') : lang === 'en' ? `Cat. ${c}` : `${c} 类`);

export const HOLDER_STATUSES: readonly HolderStatus[] = ['none', 'applying', 'holder', 'suspended', 'expired', 'cancelled'];
export const CASE_STATUSES: readonly CaseStatus[] = ['draft', 'collecting', 'employer-review', 'locality-review', 'district-review', 'approved', 'returned', 'voided'];
export const BUSINESSES: readonly BusinessType[] = ['new-permit', 'renewal', 'employer-change', 'personal-info-change', 'employee-link', 'employer-registration', 'authority-change'];
export const CATEGORIES: readonly Category[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'recommended'];

export function permitTone(s: DeadlineState): Tone {
  return s === 'missed' || s === 'expired' ? 'bad' : s === 'closing-soon' ? 'warn' : s === 'open' ? 'info' : 'neutral';
}

export function holderTone(s: HolderStatus): Tone {
  return s === 'holder' ? 'ok' : s === 'suspended' ? 'warn' : s === 'expired' || s === 'cancelled' ? 'bad' : 'neutral';
}

export function caseTone(s: CaseStatus): Tone {
  return s === 'approved' ? 'ok' : s === 'returned' ? 'bad' : s === 'voided' ? 'neutral' : s === 'draft' ? 'neutral' : 'info';
}

/** Working days left as words: 「还有 5 个工作日」/「今天」/「已过 3 个工作日」. */
export function workdaysText(
  t: (k: 'casebook.wd.left' | 'casebook.wd.today' | 'casebook.wd.none' | 'casebook.wd.late', p?: Record<string, number>) => string,
  n: number,
  date: string,
  today: string,
): string {
  // Zero working days left on a weekend or holiday is not "today": the day is still ahead, with no working day before it.
  if (n === 0) return t(date === today ? 'casebook.wd.today' : 'casebook.wd.none');
  return n > 0 ? t('casebook.wd.left', { n }) : t('casebook.wd.late', { n: -n });
}

export { maskIdLast4 };

/** An ISO instant as Beijing time, 2026-11-27 09:05. */
export function beijingDateTime(iso: string): string {
  const ms = Date.parse(iso) + 8 * 3600_000;
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}
