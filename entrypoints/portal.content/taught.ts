/**
 * What the agent taught the adapter (issue #17 part 3), applied on top of the built-in tables: a taught page
 * (its heading and the labels around it) names the module before pages.ts MODULES is asked, and a taught
 * label of a field comes first in fields.ts FIELDS for pages of the module it was taught on (a built-in
 * label the agent gave to another field stops naming its old one there). Everything is matched by the
 * texts the page shows, never by generated ids, so a re-rendered page is found again.
 *
 * The mappings come from the background (getPortalMappings: the content script cannot open the extension's
 * database); they hold labels, headings, modules and structural paths only.
 */
import type { PortalModule } from '../../rules/model';
import type { TaughtMappings } from '../../utils/messaging';
import { FIELDS, relabel } from './fields';
import { normaliseLabel, type PageEvidence, type Recognition } from './pages';

const BUILTIN = new Map(FIELDS.map((f) => [f.key, [...f.labels]]));
const EMPTY: TaughtMappings = { fields: [], pages: [] };

let mappings: TaughtMappings = EMPTY;
let applied = JSON.stringify([null, []]);

const str = (v: unknown, max: number): string | null => (typeof v === 'string' && v.length <= max ? normaliseLabel(v) || null : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v.slice(0, 500) : []);

/**
 * Takes the background's answer (shape-checked here without zod: anything odd is dropped). Returns whether it
 * differs from what was applied before (nothing to look at again otherwise: the usual case, nothing taught).
 */
export function setTaught(m: unknown): boolean {
  const o = (typeof m === 'object' && m !== null ? m : {}) as Record<string, unknown>;
  const fields: TaughtMappings['fields'] = [];
  for (const f of list(o.fields) as Record<string, unknown>[]) {
    const label = str(f?.label, 30);
    if (label && typeof f.module === 'string' && typeof f.key === 'string' && BUILTIN.has(f.key)) fields.push({ module: f.module as PortalModule, key: f.key, label });
  }
  const pages: TaughtMappings['pages'] = [];
  for (const p of list(o.pages) as Record<string, unknown>[]) {
    const heading = str(p?.heading, 30);
    if (!heading || typeof p.module !== 'string') continue;
    const labels = list(p.labels).map((l) => str(l, 30)).filter((l): l is string => !!l).slice(0, 12);
    pages.push({ module: p.module as PortalModule, heading, labels });
  }
  const changed = JSON.stringify({ fields, pages }) !== JSON.stringify(mappings);
  mappings = { fields, pages };
  return changed;
}

/**
 * The module of a page the agent taught: one of its headings (or a visible text, the heading as picked) and
 * at least half of the labels learned with it. The best match wins; null when no taught page fits.
 */
export function recogniseTaught(evidence: PageEvidence): (Recognition & { heading: string }) | null {
  if (!mappings.pages.length) return null;
  const titles = new Set([...evidence.headings, ...evidence.texts].map(normaliseLabel));
  const body = new Set([...evidence.labels, ...evidence.tableHeaders].map(normaliseLabel));
  let best: { page: TaughtMappings['pages'][number]; hits: number } | null = null;
  for (const page of mappings.pages) {
    if (!titles.has(page.heading)) continue;
    const hits = page.labels.filter((l) => body.has(l)).length;
    if (hits * 2 < page.labels.length) continue;
    if (!best || hits > best.hits) best = { page, hits };
  }
  if (!best) return null;
  const { page, hits } = best;
  return {
    module: page.module,
    side: page.module.startsWith('unit-') ? 'unit' : 'person',
    heading: page.heading,
    reasons: [`${page.module}: taught page (heading ${page.heading}, ${hits}/${page.labels.length} labels)`],
  };
}

/**
 * Puts the labels taught for `module` first in FIELDS (and in every labelsOf list), and takes them away from
 * the built-in entries of other keys; `null` (no module) restores the built-in table. Returns the taught
 * fields of the module.
 */
export function applyTaughtFields(module: PortalModule | null): TaughtMappings['fields'] {
  const taught = module ? mappings.fields.filter((f) => f.module === module) : [];
  const key = JSON.stringify([module, taught]);
  if (key === applied) return taught;
  applied = key;
  const claimed = new Set(taught.map((t) => t.label));
  for (const def of FIELDS) {
    const own = taught.filter((t) => t.key === def.key).map((t) => t.label);
    const builtin = (BUILTIN.get(def.key) ?? []).filter((l) => !claimed.has(l));
    def.labels.splice(0, def.labels.length, ...own, ...builtin);
  }
  relabel();
  return taught;
}

/** The taught fields shown on the page (`seen`: its labels and table headers), for the diagnostics. */
export function taughtSeen(taught: TaughtMappings['fields'], seen: ReadonlySet<string>): { key: string; label: string }[] {
  return taught.filter((t) => seen.has(t.label)).map((t) => ({ key: t.key, label: t.label }));
}
