/**
 * Fill and capture, confirmed where the page cannot draw (issue #20). The content script's in-page
 * buttons only make an offer: what the page shows (its fields, their current values, the ID number it
 * shows), sent to the background, which checks the sender and keeps it in `browser.storage.session`
 * (extension memory; content scripts cannot read it). The side panel shows the offer with the draft's
 * values and the page's host; only its confirmation writes: a fill goes back to that tab's content
 * script as `applyPortalFill`, a capture is saved to the draft by the side panel itself.
 *
 *   content script ── offerPortalAction(offer) ──▶ background ──▶ storage.session[PENDING_ACTION_KEY]
 *   side panel (confirm) ── applyPortalFill ──▶ content script of that tab (checks the offer id and the person)
 */
import { z } from 'zod';
import { PortalModule } from '../rules/model';

const Text = (max: number) => z.string().max(max);
const FieldKey = Text(100);

/** How a field takes a value (the content script's dom.ts FillMode; locked fields are never offered). */
const OfferedFillMode = z.enum(['type', 'select', 'radio', 'manual']);

/** One field of the page offered for filling: where it is and what it holds now. */
export const OfferedField = z.strictObject({
  key: FieldKey,
  /** Which of the page's fields with this key (a dialog may repeat a form). */
  index: z.number().int().min(0).max(50),
  /** The label as the page shows it. */
  label: Text(100),
  current: Text(2000),
  mode: OfferedFillMode,
});
export type OfferedField = z.infer<typeof OfferedField>;

export const PortalActionOffer = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('fill'),
    module: PortalModule,
    fields: z.array(OfferedField).max(200),
    /** The resident ID the page shows, when it shows one: the side panel fills only the same person's page. */
    residentIdOnPage: Text(40).optional(),
  }),
  z.strictObject({
    kind: z.literal('capture'),
    module: PortalModule,
    fields: z.array(z.strictObject({ key: FieldKey, label: Text(100), value: Text(2000) })).max(200),
    residentIdOnPage: Text(40).optional(),
  }),
]);
export type PortalActionOffer = z.infer<typeof PortalActionOffer>;

/** An offer as the background keeps it: the tab and URL come from the sender, never from the page. */
export const PendingPortalAction = z.strictObject({
  id: Text(100),
  tabId: z.number().int(),
  url: Text(2048),
  /** The page's host, named beside the offer in the side panel. */
  host: Text(300),
  at: z.number(),
  offer: PortalActionOffer,
});
export type PendingPortalAction = z.infer<typeof PendingPortalAction>;

/** Key in browser.storage.session of the latest offer (one at a time: a new one replaces it). */
export const PENDING_ACTION_KEY = 'pendingPortalAction';

/** The answer to offerPortalAction. */
export interface OfferReceipt {
  id: string;
  /** Whether the side panel could be opened for it (it needs the agent's gesture; the toolbar icon always works). */
  panelOpened: boolean;
}

/** Side panel → the content script of the offer's tab: fill these values (after the agent confirmed). */
export const ApplyPortalFill = z.strictObject({
  actionId: Text(100),
  rows: z.array(z.strictObject({ key: FieldKey, index: z.number().int().min(0).max(50), value: Text(2000) })).max(200),
});
export type ApplyPortalFill = z.infer<typeof ApplyPortalFill>;

export interface FillOutcome {
  /** Why nothing was filled: the offer is not this page's latest, or the page now shows another person. */
  refused?: 'stale' | 'person';
  filled: number;
  /** Labels of rows not filled (the field is gone, or changed since the preview). */
  failed: string[];
}

/** The resident ID as compared (the page may show a lower-case x or spaces); the content script has its own copy (no zod in its bundle). */
export const idKey = (id: string | undefined): string => (id ?? '').replace(/\s+/g, '').toUpperCase();

/** The messages of this file (function syntax of @webext-core/messaging). */
export interface PortalActionProtocolMap {
  /** Content script → background. */
  offerPortalAction(offer: PortalActionOffer): OfferReceipt;
  /** Side panel → the offer's tab (tabs.sendMessage): the content script fills after checking. */
  applyPortalFill(request: ApplyPortalFill): FillOutcome;
}
