/** @jsxImportSource @/entrypoints/portal.content/jsx */
/**
 * Fill from draft / capture to draft, confirmed in the side panel (issue #20: the page can read
 * whatever we draw, and can lay decoys over our buttons). The in-page buttons only make an offer:
 * the page's fields, their current values and the ID number the page shows go to the background, and
 * the side panel shows the preview with the draft's values and the page's host. Nothing of the draft
 * is drawn here. A fill is applied only when the side panel's confirmation comes back for this very
 * offer and the page still shows the same ID number; each value goes in with the native setter and
 * input/change events (only into fields still holding what the preview showed); nothing is submitted.
 * A capture is saved by the side panel itself.
 */
import { addFeature, type FeatureEnv } from '../runtime';
import { isModule } from '../pages';
import { FIELDS, type FieldDef } from '../fields';
import { cellText, fillModeOf, readValue, writeValue } from '../dom';
import { normaliseLabel } from '../pages';
import type { FillOutcome, OfferedField } from '../../../utils/portal-actions';

const usable = (env: FeatureEnv) => (def: FieldDef) => !def.noDraft && (!def.fillOn || def.fillOn.includes(env.page.module));

/** The resident ID as compared (utils/portal-actions.ts idKey; not imported: that module carries zod). */
const idKey = (id: string): string => id.replace(/\s+/g, '').toUpperCase();

function trusted(handler: () => void) {
  // The page cannot press our buttons: only the agent's own clicks count.
  return (e: Event) => e.isTrusted && handler();
}

addFeature({
  id: 'fill-from-draft',
  include: [isModule('person-basic-info', 'unit-company-info', 'unit-pending-links', 'unit-employees')],
  init(env) {
    const t = env.t;
    /** The latest fill offer: only its confirmation is applied, once. */
    let offered: { id: string; fields: OfferedField[]; residentId: string } | null = null;
    const close = () => env.overlay.setPanel(null);
    const say = (text: string) => {
      const panel = (
        <div>
          <div role="status">{text}</div>
          <div class="row">
            <button type="button" onClick={trusted(close)}>
              {t('common.close')}
            </button>
          </div>
        </div>
      );
      env.overlay.setPanel(panel);
      // A message only: it goes by itself so it does not sit over the portal's own buttons.
      env.ctx.setTimeout(() => env.overlay.panelIs(panel) && close(), 12_000);
    };
    const residentIdOnPage = (): string => {
      const hit = env.scan().fields('residentId')[0];
      return hit ? readValue(hit).slice(0, 40) : '';
    };
    const sent = (panelOpened: boolean, key: 'portal.fill.offered' | 'portal.capture.offered') =>
      say(panelOpened ? t(key) : `${t(key)} ${t('portal.panel.open')}`);

    const offerFill = async () => {
      const fields: OfferedField[] = [];
      for (const def of FIELDS.filter(usable(env))) {
        env.scan().fields(def.key).forEach((hit, index) => {
          const mode = fillModeOf(hit);
          if (mode === 'locked' || index > 50) return;
          fields.push({ key: def.key, index, label: normaliseLabel(cellText(hit.label)).slice(0, 100), current: readValue(hit).slice(0, 2000), mode });
        });
      }
      if (!fields.length) return say(t('portal.fill.noFields'));
      const id = residentIdOnPage();
      const receipt = await env.bridge.offerAction({ kind: 'fill', module: env.page.module, fields, ...(id ? { residentIdOnPage: id } : {}) }).catch(() => null);
      if (!receipt) return say(t('portal.fill.error'));
      offered = { id: receipt.id, fields, residentId: idKey(id) };
      sent(receipt.panelOpened, 'portal.fill.offered');
    };

    const offerCapture = async () => {
      const fields: { key: string; label: string; value: string }[] = [];
      for (const def of FIELDS.filter((f) => !f.noDraft)) {
        const hit = env.scan().fields(def.key)[0];
        const value = hit ? readValue(hit) : '';
        if (!hit || !value) continue;
        fields.push({ key: def.key, label: normaliseLabel(cellText(hit.label)).slice(0, 100), value: value.slice(0, 2000) });
      }
      if (!fields.length) return say(t('portal.capture.nothing'));
      const id = residentIdOnPage();
      const receipt = await env.bridge.offerAction({ kind: 'capture', module: env.page.module, fields, ...(id ? { residentIdOnPage: id } : {}) }).catch(() => null);
      if (!receipt) return say(t('portal.fill.error'));
      // A new offer replaces the previous one in the side panel.
      offered = null;
      sent(receipt.panelOpened, 'portal.capture.offered');
    };

    env.bridge.onApplyFill((req): FillOutcome => {
      const offer = offered;
      if (!offer || req.actionId !== offer.id) return { refused: 'stale', filled: 0, failed: [] };
      // The page must still be the person the side panel checked the preview against.
      if (idKey(residentIdOnPage()) !== offer.residentId) return { refused: 'person', filled: 0, failed: [] };
      offered = null;
      let filled = 0;
      const failed: string[] = [];
      for (const row of req.rows) {
        const field = offer.fields.find((f) => f.key === row.key && f.index === row.index);
        if (!field) continue;
        // The page may have re-rendered or been edited since the preview: find the field again, and
        // write only where it still holds what the agent saw.
        const hit = env.scan().fields(row.key)[row.index];
        const ok = !!hit && field.mode !== 'manual' && fillModeOf(hit) !== 'locked' && readValue(hit) === field.current && writeValue(hit, row.value);
        if (ok) filled++;
        else failed.push(field.label);
      }
      env.refreshSoon();
      say(t('portal.fill.filled', { count: filled }));
      return { filled, failed };
    }, env.signal);

    env.overlay.setAction(
      'fill-from-draft',
      <span class="row" style={{ marginTop: '0' }}>
        <button type="button" onClick={trusted(() => void offerFill())}>
          {t('portal.fill.button')}
        </button>
        <button type="button" onClick={trusted(() => void offerCapture())}>
          {t('portal.capture.button')}
        </button>
      </span>,
      env.signal,
    );
    env.signal.addEventListener('abort', close, { once: true });
  },
});

// Tested on: person-platform #/person-platform/basic-info (Element-style v-model inputs, date editors,
// radio group; 民族/婚姻状况 dropdowns copied from the side panel), unit-platform #/unit-platform/pending-links
// (完善信息 dialog: contract dates from the case), gzjzz/person/grxx.html (classic inputs and selects).
