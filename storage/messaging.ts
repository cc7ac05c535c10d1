/**
 * The typed message protocol between the content script, the side panel / case book and the
 * background (@webext-core/messaging). Every payload is also zod-checked on arrival by the handler.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageReport, TabContext } from './page-context';

export interface ProtocolMap {
  /** Content script → background: what this tab was recognised as. */
  reportPage(report: PageReport): void;
  /** Side panel → background: the portal tab the agent is working in, if any. */
  getActivePortalContext(): TabContext | null;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
