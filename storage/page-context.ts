/**
 * What the content script reports about a portal tab: the module it recognised and the fields it
 * found or missed. The background keeps the latest report per tab in `browser.storage.session`
 * (extension memory, never the page's storage) so the side panel can show diagnostics.
 */
import { z } from 'zod';
import { PortalModule } from '../rules/model';

/** One row of a 附件管理 page's 附件列表: the attachment's name as shown and its 当前状态 (已上传 / 未上传 / other). */
export const AttachmentRow = z.object({
  name: z.string().max(200),
  status: z.enum(['uploaded', 'missing', 'unknown']),
});
export type AttachmentRow = z.infer<typeof AttachmentRow>;

export const PageReport = z.object({
  url: z.string().max(2048),
  title: z.string().max(500),
  module: PortalModule.nullable(),
  /** Field keys of fields.ts found on the page / expected for the module but not found. */
  fieldsFound: z.array(z.string().max(100)).max(500),
  fieldsMissing: z.array(z.string().max(100)).max(500),
  /** Why the page was (not) recognised, for the user's copy-paste report. */
  reasons: z.array(z.string().max(300)).max(50),
  /**
   * 附件管理 pages only (person-attachments, unit-attachments): the rows of 附件列表 in page order, as read
   * off the page — 已上传 → 'uploaded', 未上传 → 'missing', anything else → 'unknown'. The side panel offers
   * to tick the matching checklist items (after one confirmation). Absent on other pages.
   */
  attachments: z.array(AttachmentRow).max(100).optional(),
  reportedAt: z.number(),
});
export type PageReport = z.infer<typeof PageReport>;

export const TabContext = z.object({
  tabId: z.number(),
  report: PageReport,
});
export type TabContext = z.infer<typeof TabContext>;

/** Key in browser.storage.session holding the most recently active portal tab's context. */
export const ACTIVE_PORTAL_CONTEXT_KEY = 'activePortalContext';
