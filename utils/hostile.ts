/**
 * Keys that can rewrite an object's prototype when a parsed object is later spread or assigned.
 * JSON.parse creates `"__proto__"` as an ordinary own key and zod 4 silently drops it from records, so
 * input crossing a trust boundary (messages from the portal tab, backup files) is checked explicitly.
 */
export const HOSTILE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The first hostile own key anywhere in `value` (depth-limited), or undefined. */
export function findHostileKey(value: unknown, depth = 0): string | undefined {
  if (depth > 32 || typeof value !== 'object' || value === null) return undefined;
  for (const key of Object.keys(value)) {
    if (HOSTILE_KEYS.has(key)) return key;
    const hit = findHostileKey((value as Record<string, unknown>)[key], depth + 1);
    if (hit) return hit;
  }
  return undefined;
}
