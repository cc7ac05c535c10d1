/**
 * 「在页面上指定」 in the side panel's page diagnostics (issue #17 part 3): where the page is not recognised the
 * agent names its module and points at its heading; where a field is missing the agent points at its input,
 * label or column header. The picker runs in the portal tab (entrypoints/portal.content/picker.ts); what it
 * learned comes back here, is validated (storage/schemas/portal-mappings.ts: labels only, no personal data),
 * shown, and saved only when the agent confirms. The diagnostics then say what was recognised by teaching.
 */
import { useState } from 'react';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { useLang, useT } from './i18n';
import { ErrorText, StatusLine } from './ui';
import { getRepos } from '../storage/repos';
import { PortalMappingInput } from '../storage/schemas';
import { PortalModule } from '../rules/model';
import { PORTAL_FIELD_KEYS, portalFieldName } from '../rules/portal-fields';
import type { PickResult, PortalTabProtocolMap, StartPortalPicker, TabContext } from '../utils/messaging';

const tab = defineExtensionMessaging<PortalTabProtocolMap>();

type Step =
  | { at: 'idle' }
  | { at: 'picking' }
  | { at: 'confirm'; input: PortalMappingInput }
  | { at: 'done'; tone: 'ok' | 'warn' | 'bad'; text: string };

/** The first zh (or en) sentence of a zod issue written `中文 / English`. */
function reasonOf(issues: { message: string }[], en: boolean): string {
  const m = issues[0]?.message ?? '';
  const [zh, eng] = m.split(' / ');
  return (en ? eng : zh) ?? m;
}

export function PortalTeach({ context }: { context: TabContext }) {
  const t = useT();
  const en = useLang() === 'en';
  const { report, tabId } = context;
  const [step, setStep] = useState<Step>({ at: 'idle' });
  const [module, setModule] = useState<PortalModule | ''>('');
  const [other, setOther] = useState('');
  const [error, setError] = useState<unknown>(null);
  const name = (key: string) => portalFieldName(key)[en ? 'en' : 'zh'];
  const moduleName = (m: string) => t(`module.${m}` as Parameters<typeof t>[0]);

  const start = async (request: StartPortalPicker, forModule: PortalModule) => {
    setError(null);
    setStep({ at: 'picking' });
    let picked: PickResult;
    try {
      picked = await tab.sendMessage('startPortalPicker', request, tabId);
    } catch {
      return setStep({ at: 'done', tone: 'bad', text: t('teach.noTab') });
    }
    if (!picked.ok) return setStep({ at: 'done', tone: 'warn', text: t(picked.reason === 'no-label' ? 'teach.noLabel' : 'teach.cancelled') });
    const raw =
      picked.kind === 'field' && request.kind === 'field'
        ? { kind: 'field', module: forModule, key: request.key, label: picked.label, ...(picked.path ? { path: picked.path } : {}) }
        : picked.kind === 'page'
          ? { kind: 'page', module: forModule, heading: picked.heading, labels: picked.labels }
          : null;
    const parsed = PortalMappingInput.safeParse(raw);
    // What the page answered is untrusted: a text that looks like a value or markup is refused, not shown.
    if (!parsed.success) return setStep({ at: 'done', tone: 'bad', text: t('teach.refused', { reason: reasonOf(parsed.error.issues, en) }) });
    setStep({ at: 'confirm', input: parsed.data });
  };

  const save = async (input: PortalMappingInput) => {
    setError(null);
    try {
      await getRepos().portalMappings.save(input);
      setStep({ at: 'done', tone: 'ok', text: t('teach.saved') });
      await tab.sendMessage('portalMappingsChanged', undefined, tabId).catch(() => undefined);
    } catch (e) {
      setError(e);
    }
  };

  const taught = report.taught;
  const missing = report.module ? report.fieldsMissing : [];
  const picking = step.at === 'picking';
  return (
    <div className="teach" data-testid="portal-teach">
      {taught?.page ? <p className="portal-line" data-testid="taught-page">{t('teach.takenPage', { heading: taught.page })}</p> : null}
      {taught?.fields.map((f) => (
        <p className="portal-line" key={f.key} data-testid="taught-field">
          {t('teach.takenField', { field: name(f.key), label: f.label })}
        </p>
      ))}
      {!report.module ? (
        <div className="actions">
          <label>
            {t('teach.pageModule')}
            <select value={module} onChange={(e) => setModule(e.target.value as PortalModule | '')} data-testid="teach-module">
              <option value="">{t('teach.chooseModule')}</option>
              {PortalModule.options.map((m) => (
                <option key={m} value={m}>
                  {moduleName(m)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={!module || picking} onClick={() => module && void start({ kind: 'page' }, module)} data-testid="teach-page">
            {t('teach.pickPage')}
          </button>
        </div>
      ) : (
        <>
          {missing.length ? (
            <p className="portal-line teach-missing">
              <span>{t('teach.missing')}</span>
              {missing.map((key) => (
                <span key={key} className="teach-field">
                  {name(key)}{' '}
                  <button type="button" disabled={picking} onClick={() => report.module && void start({ kind: 'field', key, name: name(key) }, report.module)} data-testid={`teach-field-${key}`}>
                    {t('teach.pickField')}
                  </button>
                </span>
              ))}
            </p>
          ) : null}
          <details className="teach-other">
            <summary data-testid="teach-other-open">{t('teach.otherField')}</summary>
            <div className="actions">
              <select value={other} onChange={(e) => setOther(e.target.value)} aria-label={t('teach.otherField')} data-testid="teach-other">
                <option value="">{t('teach.chooseField')}</option>
                {PORTAL_FIELD_KEYS.map((k) => (
                  <option key={k} value={k}>
                    {name(k)}
                  </option>
                ))}
              </select>
              <button type="button" disabled={!other || picking} onClick={() => report.module && void start({ kind: 'field', key: other, name: name(other) }, report.module)} data-testid="teach-other-pick">
                {t('teach.pickField')}
              </button>
            </div>
          </details>
        </>
      )}
      {step.at === 'picking' ? <StatusLine tone="neutral" testId="teach-status">{t('teach.picking')}</StatusLine> : null}
      {step.at === 'done' ? <StatusLine tone={step.tone} testId="teach-status">{step.text}</StatusLine> : null}
      {step.at === 'confirm' ? (
        <div className="teach-confirm" data-testid="teach-confirm">
          <p>
            {step.input.kind === 'field'
              ? t('teach.confirmField', { label: step.input.label, field: name(step.input.key), module: moduleName(step.input.module) })
              : t('teach.confirmPage', { heading: step.input.heading, module: moduleName(step.input.module), count: step.input.labels.length })}
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void save(step.input)} data-testid="teach-save">
              {t('teach.save')}
            </button>
            <button type="button" onClick={() => setStep({ at: 'done', tone: 'warn', text: t('teach.cancelled') })}>{t('common.cancel')}</button>
          </div>
        </div>
      ) : null}
      {error ? <ErrorText error={error} /> : null}
    </div>
  );
}
