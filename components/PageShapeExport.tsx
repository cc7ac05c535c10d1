/**
 * 导出页面结构（不含个人信息） in the page diagnostics (issue #17 1): asks the portal tab's content script for
 * the page's structure with every personal text masked (entrypoints/portal.content/page-shape.ts), shows the
 * file's text exactly as it will be saved, and saves it only on 保存文件 — through a Blob link from this page
 * (no network, no downloads permission). Works on any portal page, recognised or not.
 */
import { useState } from 'react';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { useT } from './i18n';
import { useToday } from './use-today';
import { StatusLine } from './ui';
import { downloadText } from './casebook/download';
import { PageShape, pageShapeFileName, type PageShapeProtocolMap } from '../utils/page-shape';
import type { TabContext } from '../utils/messaging';

const messenger = defineExtensionMessaging<PageShapeProtocolMap>();

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed' } | { kind: 'ready'; shape: PageShape; file: string; saved: boolean };

/** Keyed by the caller on the tab and URL: another page starts afresh. */
export function PageShapeExport({ context }: { context: TabContext }) {
  const t = useT();
  const today = useToday();
  const [state, setState] = useState<State>({ kind: 'idle' });

  const run = async () => {
    setState({ kind: 'busy' });
    try {
      const answer: unknown = await messenger.sendMessage('exportPageShape', undefined, context.tabId);
      const shape = PageShape.parse(answer);
      setState({ kind: 'ready', shape, file: pageShapeFileName(today, context.report.module), saved: false });
    } catch {
      setState({ kind: 'failed' });
    }
  };

  if (state.kind !== 'ready') {
    return (
      <div className="shape-export" data-testid="shape-export">
        <button type="button" disabled={state.kind === 'busy'} onClick={() => void run()} data-testid="shape-export-start">
          {t('panel.shape.export')}
        </button>
        {state.kind === 'busy' ? <p className="muted small" aria-live="polite">{t('panel.shape.busy')}</p> : null}
        {state.kind === 'failed' ? <StatusLine tone="bad" testId="shape-export-failed">{t('panel.shape.failed')}</StatusLine> : null}
      </div>
    );
  }
  const { shape, file } = state;
  const s = shape.stats;
  return (
    <div className="shape-export" data-testid="shape-export">
      <p className="muted small">{t('panel.shape.explain')}</p>
      <p className="small" data-testid="shape-stats">
        {t('panel.shape.stats', { elements: s.elements, kept: s.keptTexts, masked: s.maskedTexts, values: s.maskedValues, dropped: s.dropped })}
      </p>
      {s.truncated ? <StatusLine tone="warn">{t('panel.shape.truncated')}</StatusLine> : null}
      <p className="small">{t('panel.shape.preview')} · <span className="url">{file}</span></p>
      {/* Text, never markup: React writes it as a text node. */}
      <pre className="shape-preview" tabIndex={0} aria-label={t('panel.shape.preview')} data-testid="shape-preview">
        {shape.html}
      </pre>
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid="shape-save"
          onClick={() => {
            downloadText(file, shape.html, 'text/html;charset=utf-8');
            setState({ ...state, saved: true });
          }}
        >
          {t('panel.shape.save')}
        </button>
        <button type="button" onClick={() => setState({ kind: 'idle' })} data-testid="shape-discard">
          {t('panel.shape.discard')}
        </button>
      </div>
      {state.saved ? <StatusLine tone="ok" testId="shape-saved">{t('panel.shape.saved', { file })}</StatusLine> : null}
    </div>
  );
}
