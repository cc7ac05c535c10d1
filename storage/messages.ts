/**
 * The typed message protocol between content script / extension pages and the background, for
 * @webext-core/messaging. Every request has a zod schema; the background's handlers
 * (message-handlers.ts) parse it on arrival and check the sender before touching anything.
 *
 * This module must stay light: the content script imports it, so no Dexie and no repositories here.
 *
 *   content script                           background (owns Dexie)
 *   ─────────────                            ──────────────────────
 *   getFocusDraft()            ──────────▶   the employee/case in focus + captured values, or null
 *   saveCaptured({...})        ──────────▶   merges page values into the focus employee's draft (audited)
 *   reportPage(report)         ──────────▶   keeps the tab's page context in browser.storage.session
 *   side panel / case book
 *   getActivePortalContext()   ──────────▶   the latest portal tab context, or null
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
import { PortalModule } from '../rules/model';
import { PageReport, type TabContext } from './page-context';
import {
  CaptureInput,
  CapturedValue,
  RecordId,
  type Case,
  type CompanyProfile,
  type Employee,
} from './schemas';

/** Requests without a payload accept only `undefined` / `null`. */
export const NoPayload = z.union([z.undefined(), z.null()]);

/** getFocusDraft: no payload. */
export const GetFocusDraftRequest = NoPayload;

/** saveCaptured: values the content script read off a portal page (the drafts repository's CaptureInput). */
export const SaveCapturedRequest = CaptureInput;
export type SaveCapturedRequest = CaptureInput;

export interface SaveCapturedResponse {
  draftId: string;
  saved: number;
  unchanged: number;
}

/** reportPage: the content script's page report (page-context.ts). The tab id comes from the sender. */
export const ReportPageRequest = PageReport;

/** getActivePortalContext: no payload. */
export const GetActivePortalContextRequest = NoPayload;

/** What the content script may fill from: the employee in focus, the case in focus, captured values. */
export interface FocusDraft {
  employee: Pick<
    Employee,
    'id' | 'name' | 'residentId' | 'gender' | 'birthDate' | 'phone' | 'category' | 'holderStatus' | 'permitValidUntil'
  >;
  case: Pick<
    Case,
    'id' | 'business' | 'status' | 'facts' | 'submittedOn' | 'acceptedOn' | 'decidedOn' | 'permitValidFrom' | 'permitValidUntil'
  > | null;
  company: Pick<CompanyProfile, 'name' | 'creditCode' | 'localityOffice' | 'agentName' | 'agentPhone'> | null;
  /** Captured values: the employee's draft overlaid with the case's (the case wins on the same key). */
  captured: Record<string, CapturedValue>;
}

/** The protocol map (function syntax of @webext-core/messaging). */
export interface ProtocolMap {
  /** Content script → background. */
  getFocusDraft(): FocusDraft | null;
  /** Content script → background. */
  saveCaptured(request: SaveCapturedRequest): SaveCapturedResponse;
  /** Content script → background: what this tab was recognised as. */
  reportPage(report: PageReport): void;
  /** Side panel / case book → background: the portal tab the agent is working in, if any. */
  getActivePortalContext(): TabContext | null;
}

/** The request schema of every message, for handlers that validate on arrival. */
export const REQUEST_SCHEMAS = {
  getFocusDraft: GetFocusDraftRequest,
  saveCaptured: SaveCapturedRequest,
  reportPage: ReportPageRequest,
  getActivePortalContext: GetActivePortalContextRequest,
} as const satisfies Record<keyof ProtocolMap, z.ZodType>;

export type MessageType = keyof ProtocolMap;

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
