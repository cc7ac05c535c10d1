/**
 * 导出页面结构（不含个人信息） (issue #17 1): the side panel asks the content script of the active portal tab
 * for the page's structure with every personal text masked (entrypoints/portal.content/page-shape.ts), shows
 * it, and saves it as a file on the agent's click. No network, no new permission: the file is saved from
 * the side panel through a Blob link.
 *
 *   side panel ── exportPageShape ──▶ content script of that tab (answers our own pages only)
 *
 * The answer is parsed here before it is shown (a page cannot forge it, but a bug could send anything).
 */
import { z } from 'zod';

/** Larger than any portal page's structure (a 300-field replica gives about 150 KB). */
const MAX_HTML = 8 * 1024 * 1024;

export const PageShape = z.strictObject({
  /** The file: a standalone HTML document, exactly as saved. */
  html: z.string().min(1).max(MAX_HTML),
  /** The page's address as the file holds it (query and hash parameter values masked). */
  url: z.string().max(4096),
  stats: z.strictObject({
    elements: z.number().int().min(0),
    /** Texts and text attributes kept as vocabulary / masked. */
    keptTexts: z.number().int().min(0),
    maskedTexts: z.number().int().min(0),
    /** Input, select, textarea and data-* values masked. */
    maskedValues: z.number().int().min(0),
    /** Scripts, styles, svg and other elements left out. */
    dropped: z.number().int().min(0),
    /** The page was larger than the exporter copies. */
    truncated: z.boolean(),
  }),
});
export type PageShape = z.infer<typeof PageShape>;

/** The messages of this file (function syntax of @webext-core/messaging). */
export interface PageShapeProtocolMap {
  /** Side panel → the portal tab's content script (tabs.sendMessage): the page's structure, masked. */
  exportPageShape(): PageShape;
}

/** The file's name: the day (Beijing, `yyyy-MM-dd`) and the module (or 未识别). */
export function pageShapeFileName(today: string, module: string | null): string {
  return `页面结构-${today}-${module ?? '未识别'}.html`;
}
