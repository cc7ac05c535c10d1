/** @jsxImportSource @/entrypoints/portal.content/jsx */
/**
 * Fill from draft / capture to draft, on an explicit click only. Fill: a preview (field → value) of
 * what the employee's local draft would put on the page; empty fields are ticked, differing ones need
 * the agent's tick to be overwritten; custom dropdowns get a copy button instead; values go in with
 * the native setter and input/change events so the page's own model registers them; nothing is
 * submitted. Capture: the page's current values go into the draft through the background.
 */
import { addFeature, type FeatureEnv } from '../runtime';
import { isModule } from '../pages';
import { FIELDS, type FieldDef } from '../fields';
import { cellText, fillModeOf, readValue, writeValue, type FillMode } from '../dom';
import { normaliseLabel } from '../pages';
import { CopyButton } from '../ui';
import type { FocusDraft } from '../../../utils/messaging';

/** Values the draft has as records (the employee, the case, the company); captured values cover the rest. */
const FROM_RECORDS: Record<string, (d: FocusDraft) => string | undefined> = {
  name: (d) => d.employee.name,
  gender: (d) => (d.employee.gender === 'male' ? '男' : d.employee.gender === 'female' ? '女' : undefined),
  residentId: (d) => d.employee.residentId,
  birthDate: (d) => d.employee.birthDate,
  mobile: (d) => d.employee.phone,
  contractStart: (d) => d.case?.facts?.contractStart,
  contractEnd: (d) => d.case?.facts?.contractEnd,
  companyName: (d) => d.company?.name,
  creditCode: (d) => d.company?.creditCode,
  agentName: (d) => d.company?.agentName,
  agentMobile: (d) => d.company?.agentPhone,
};

function draftValue(key: string, d: FocusDraft): string {
  return (FROM_RECORDS[key]?.(d) ?? d.captured?.[key]?.value ?? '').trim();
}

const usable = (env: FeatureEnv) => (def: FieldDef) => !def.noDraft && (!def.fillOn || def.fillOn.includes(env.page.module));

interface Row {
  key: string;
  index: number;
  label: string;
  current: string;
  value: string;
  mode: FillMode;
  /** Ticked for filling. */
  on: boolean;
}

function trusted(handler: () => void) {
  // The page cannot press our buttons: only the agent's own clicks count.
  return (e: Event) => e.isTrusted && handler();
}

addFeature({
  id: 'fill-from-draft',
  include: [isModule('person-basic-info', 'unit-company-info', 'unit-pending-links', 'unit-employees')],
  init(env) {
    const t = env.t;
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
    const focus = async (): Promise<FocusDraft | null | 'error'> => env.bridge.focusDraft().catch(() => 'error' as const);

    const openFill = async () => {
      const draft = await focus();
      if (draft === 'error') return say(t('portal.fill.error'));
      if (!draft) return say(t('portal.fill.noFocus'));
      const rows: Row[] = [];
      for (const def of FIELDS.filter(usable(env))) {
        const value = draftValue(def.key, draft);
        if (!value) continue;
        env.scan().fields(def.key).forEach((hit, index) => {
          const mode = fillModeOf(hit);
          if (mode === 'locked') return;
          const current = readValue(hit);
          rows.push({ key: def.key, index, label: normaliseLabel(cellText(hit.label)), current, value, mode, on: current === '' && mode !== 'manual' });
        });
      }
      if (!rows.length) return say(t('portal.fill.nothing'));
      const who = draft.employee.name;
      env.overlay.setPanel(
        <div>
          <h2>{t('portal.fill.title', { who })}</h2>
          <div class="s">{t('portal.fill.explain')}</div>
          <table>
            <tr>
              <th>{t('portal.fill.col.field')}</th>
              <th>{t('portal.fill.col.page')}</th>
              <th>{t('portal.fill.col.draft')}</th>
              <th>{t('portal.fill.col.action')}</th>
            </tr>
            {rows.map((r) => (
              <tr>
                <td>{r.label}</td>
                <td>{r.current || '—'}</td>
                <td>{r.value}</td>
                <td>
                  {r.mode === 'manual' ? (
                    <span>
                      {t('portal.fill.manual')} <CopyButton text={r.value} label={t('common.copy')} done={t('common.copied')} />
                    </span>
                  ) : r.current === r.value ? (
                    t('portal.fill.same')
                  ) : (
                    <label>
                      <input type="checkbox" checked={r.on} onChange={(e: Event) => (r.on = (e.target as HTMLInputElement).checked)} />
                      {r.current ? t('portal.fill.overwrite') : t('portal.fill.fill')}
                    </label>
                  )}
                </td>
              </tr>
            ))}
          </table>
          <div class="row">
            <button type="button" class="primary" onClick={trusted(() => apply(rows))}>
              {t('portal.fill.apply')}
            </button>
            <button type="button" onClick={trusted(close)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>,
      );
    };

    const apply = (rows: Row[]) => {
      let filled = 0;
      const failed: string[] = [];
      for (const r of rows) {
        if (!r.on || r.mode === 'manual' || r.current === r.value) continue;
        // The page may have re-rendered since the preview: find the field again.
        const hit = env.scan().fields(r.key)[r.index];
        if (hit && writeValue(hit, r.value)) filled++;
        else failed.push(r.label);
      }
      env.refreshSoon();
      say(
        [t('portal.fill.done', { count: filled }), failed.length ? t('portal.fill.failed', { fields: failed.join('、') }) : '']
          .filter(Boolean)
          .join(' '),
      );
    };

    const openCapture = async () => {
      const draft = await focus();
      if (draft === 'error') return say(t('portal.fill.error'));
      if (!draft) return say(t('portal.fill.noFocus'));
      const fields: Record<string, string> = {};
      const labels: Record<string, string> = {};
      for (const def of FIELDS.filter((f) => !f.noDraft)) {
        const hit = env.scan().fields(def.key)[0];
        const value = hit ? readValue(hit) : '';
        if (!hit || !value) continue;
        fields[def.key] = value;
        labels[def.key] = normaliseLabel(cellText(hit.label));
      }
      const keys = Object.keys(fields);
      if (!keys.length) return say(t('portal.capture.nothing'));
      env.overlay.setPanel(
        <div>
          <h2>{t('portal.capture.title', { who: draft.employee.name })}</h2>
          <table>
            {keys.map((k) => (
              <tr>
                <td>{labels[k]}</td>
                <td>{fields[k]}</td>
              </tr>
            ))}
          </table>
          <div class="row">
            <button
              type="button"
              class="primary"
              onClick={trusted(() => {
                env.bridge
                  .saveCaptured({ employeeId: draft.employee.id, ...(draft.case ? { caseId: draft.case.id } : {}), module: env.page.module, fields })
                  .then((r) => say(t('portal.capture.done', { saved: r.saved, unchanged: r.unchanged })))
                  .catch((e: unknown) => say(t('portal.capture.failed', { reason: e instanceof Error ? e.message : String(e) })));
              })}
            >
              {t('portal.capture.save')}
            </button>
            <button type="button" onClick={trusted(close)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>,
      );
    };

    env.overlay.setAction(
      'fill-from-draft',
      <span class="row" style={{ marginTop: '0' }}>
        <button type="button" onClick={trusted(() => void openFill())}>
          {t('portal.fill.button')}
        </button>
        <button type="button" onClick={trusted(() => void openCapture())}>
          {t('portal.capture.button')}
        </button>
      </span>,
      env.signal,
    );
    env.signal.addEventListener('abort', close, { once: true });
  },
});

// Tested on: person-platform #/person-platform/basic-info (Element-style v-model inputs, date editors,
// radio group; 民族/婚姻状况 dropdowns get copy buttons), unit-platform #/unit-platform/pending-links
// (完善信息 dialog: contract dates from the case), gzjzz/person/grxx.html (classic inputs and selects).
