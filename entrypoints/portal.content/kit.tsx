/** @jsxImportSource @/entrypoints/portal.content/jsx */
/**
 * Small helpers the features share: asking rules/ without waiting (answers re-render the feature when
 * they arrive), loading the guide's texts for a module, and finding where a section starts.
 */
import type { PortalGuidance } from '../../utils/messaging';
import type { PortalAnswer as PortalEvalResult, PortalQuestion as PortalEvalRequest } from '../../rules/portal-questions';
import type { FeatureEnv } from './runtime';
import { isOurs } from './dom';

/** The cached verdict on `req`, or undefined while it is being asked (the feature refreshes when it arrives). */
export function verdict(env: FeatureEnv, req: PortalEvalRequest): PortalEvalResult | undefined {
  const cached = env.bridge.cached(req);
  if (cached) return cached;
  void env.bridge.evaluate(req).then(() => {
    if (!env.signal.aborted) env.refreshSoon();
  });
  return undefined;
}

/** The module's FIELD_GUIDANCE and the texts of `ruleIds`, loaded once; `get()` is null until they arrive. */
export function guidance(env: FeatureEnv, ruleIds: string[] = []): { get(): PortalGuidance | null } {
  let loaded: PortalGuidance | null = null;
  void env.bridge.guidanceFor(env.page.module, ruleIds).then((g) => {
    loaded = g;
    if (!env.signal.aborted) env.refreshSoon();
  });
  return { get: () => loaded };
}

/** The guidance text of one rule on this module (its FIELD_GUIDANCE entry) in the UI language, with its section. */
export function fieldRule(env: FeatureEnv, g: PortalGuidance | null, ruleId: string): { text: string; section: string } | null {
  const entry = g?.fields.find((f) => f.ruleId === ruleId);
  return entry ? { text: env.pick(entry.text), section: entry.section } : null;
}

/** A rule's one-line description and section (from the registry), in the UI language. */
export function ruleText(env: FeatureEnv, g: PortalGuidance | null, ruleId: string): { text: string; section: string } | null {
  const rule = g?.rules.find((r) => r.id === ruleId);
  return rule ? { text: env.pick(rule.description), section: rule.section } : null;
}

/** The visible heading element that says one of `texts` (not a menu entry or breadcrumb link). */
export function headingSaying(env: FeatureEnv, texts: string[]): Element | null {
  const candidates = env
    .scan()
    .elementsSaying(texts)
    .filter((el) => !el.closest('nav, li, a, button, [role=menu], [role=menubar], [role=navigation], [role=link], th, label'));
  return candidates[candidates.length - 1] ?? null;
}

/** The nearest shown ancestor-or-self of `el` (a hidden file input's visible box). */
export function shownBox(env: FeatureEnv, el: Element): Element | null {
  for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
    if (!isOurs(e) && env.scan().shown(e)) return e;
  }
  return null;
}

/** Where a mark goes inside a table cell: its first own element (the SPA's .cell box), else the cell. */
export function cellAnchor(cell: Element): Element {
  let first = cell.firstElementChild;
  while (first && isOurs(first)) first = first.nextElementSibling;
  return first ?? cell;
}

export const brandOf = (env: FeatureEnv): string => env.t('portal.brand');
