/**
 * 设置 → 页面适配 (issue #17 part 3): the pages and field labels the agent taught with 「在页面上指定」, to edit
 * and delete, and to export / import as a 页面适配包. An import is refused whole with a Chinese reason when the
 * file is not a valid pack (storage/repos/portal-mappings.ts parsePortalPack), otherwise previewed (what it
 * adds, what it replaces) and written only after the agent confirms, in one transaction.
 */
import { useState } from 'react';
import { useLang, useT } from '../i18n';
import { usePortalMappings } from '../use-live';
import { Card, ErrorText, StatusLine } from '../ui';
import { downloadText } from './download';
import { getRepos, type PackPreview } from '../../storage/repos';
import { PORTAL_PACK_LIMITS, type PortalMapping, type PortalMappingInput } from '../../storage/schemas';
import { portalFieldName } from '../../rules/portal-fields';

export function PortalMappingsCard() {
  const t = useT();
  const en = useLang() === 'en';
  const rows = usePortalMappings();
  const [editing, setEditing] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ text: string; preview: PackPreview } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const moduleName = (m: string) => t(`module.${m}` as Parameters<typeof t>[0]);
  const describe = (m: PortalMappingInput) =>
    m.kind === 'field'
      ? t('mappings.fieldWhat', { field: portalFieldName(m.key)[en ? 'en' : 'zh'], label: m.label })
      : t('mappings.pageWhat', { heading: m.heading, labels: m.labels.join('、') || t('common.none') });

  const run = async (f: () => Promise<void>) => {
    setError(null);
    setStatus(null);
    try {
      await f();
    } catch (e) {
      setError(e);
    }
  };

  const choose = (file: File | undefined) =>
    run(async () => {
      setPreview(null);
      if (!file) return;
      // A file far over the limit (3 bytes a character) is refused by its size without being read.
      const got = file.size > PORTAL_PACK_LIMITS.maxChars * 3 ? ' '.repeat(PORTAL_PACK_LIMITS.maxChars + 1) : await file.text();
      const p = await getRepos().portalMappings.previewImport(got);
      if (!p.adds.length && !p.replaces.length) setStatus(t('mappings.nothingNew'));
      else setPreview({ text: got, preview: p });
    });

  return (
    <Card title={t('mappings.title')} testId="settings-mappings">
      <p className="muted small">{t('mappings.intro')}</p>
      {rows === undefined ? null : rows.length === 0 ? (
        <p className="muted" data-testid="mappings-none">{t('mappings.none')}</p>
      ) : (
        <table className="mappings" data-testid="mappings-table">
          <thead>
            <tr>
              <th>{t('mappings.module')}</th>
              <th>{t('mappings.what')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id} data-testid="mapping-row" data-kind={m.kind}>
                <td>
                  {t(m.kind === 'page' ? 'mappings.page' : 'mappings.field')} · {moduleName(m.module)}
                </td>
                <td>{editing === m.id ? <MappingEditor row={m} onDone={() => setEditing(null)} /> : describe(m)}</td>
                <td className="actions">
                  {editing === m.id ? null : (
                    <button type="button" onClick={() => setEditing(m.id)} data-testid="mapping-edit">
                      {t('mappings.edit')}
                    </button>
                  )}
                  <button
                    type="button"
                    onClick={() => window.confirm(t('mappings.deleteConfirm')) && void run(() => getRepos().portalMappings.remove(m.id))}
                    data-testid="mapping-delete"
                  >
                    {t('mappings.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-row">
        <button
          type="button"
          disabled={!rows?.length}
          onClick={() =>
            void run(async () => {
              const pack = await getRepos().portalMappings.exportPack();
              downloadText(`页面适配包-${pack.exportedAt.slice(0, 10)}.json`, `${JSON.stringify(pack, null, 2)}\n`, 'application/json');
            })
          }
          data-testid="mappings-export"
        >
          {t('mappings.export')}
        </button>
        <label className="button file-button">
          {t('mappings.import')}
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden-file"
            onChange={(e) => {
              void choose(e.target.files?.[0]);
              e.target.value = '';
            }}
            data-testid="mappings-file"
          />
        </label>
      </div>
      {preview ? (
        <div className="teach-confirm" data-testid="mappings-preview">
          <p>{t('mappings.preview', { adds: preview.preview.adds.length, replaces: preview.preview.replaces.length, same: preview.preview.same })}</p>
          <ul>
            {preview.preview.adds.map((m, i) => (
              <li key={`a${i}`}>{t('mappings.addLine', { what: `${moduleName(m.module)} · ${describe(m)}` })}</li>
            ))}
            {preview.preview.replaces.map((r, i) => (
              <li key={`r${i}`}>{t('mappings.replaceLine', { before: describe(r.before), after: describe(r.after) })}</li>
            ))}
          </ul>
          <div className="form-row">
            <button
              type="button"
              className="primary"
              onClick={() =>
                void run(async () => {
                  const r = await getRepos().portalMappings.importPack(preview.text);
                  setPreview(null);
                  setStatus(t('mappings.imported', { added: r.added, replaced: r.replaced }));
                })
              }
              data-testid="mappings-import-confirm"
            >
              {t('mappings.confirmImport')}
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {status ? <StatusLine tone="ok" testId="mappings-status">{status}</StatusLine> : null}
      <ErrorText error={error} />
    </Card>
  );
}

function MappingEditor({ row, onDone }: { row: PortalMapping; onDone: () => void }) {
  const t = useT();
  const [label, setLabel] = useState(row.kind === 'field' ? row.label : '');
  const [heading, setHeading] = useState(row.kind === 'page' ? row.heading : '');
  const [labels, setLabels] = useState(row.kind === 'page' ? row.labels.join('、') : '');
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    setError(null);
    try {
      await getRepos().portalMappings.update(
        row.id,
        row.kind === 'field' ? { label } : { heading, labels: labels.split(/[、,，\s]+/).filter(Boolean) },
      );
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="mapping-editor">
      {row.kind === 'field' ? (
        <input aria-label={t('mappings.labelInput')} value={label} onChange={(e) => setLabel(e.target.value)} data-testid="mapping-label" />
      ) : (
        <>
          <input aria-label={t('mappings.headingInput')} value={heading} onChange={(e) => setHeading(e.target.value)} data-testid="mapping-heading" />
          <input aria-label={t('mappings.labelsInput')} value={labels} onChange={(e) => setLabels(e.target.value)} data-testid="mapping-labels" />
        </>
      )}
      <button type="button" className="primary" onClick={() => void save()} data-testid="mapping-save">
        {t('mappings.save')}
      </button>
      <button type="button" onClick={onDone}>
        {t('common.cancel')}
      </button>
      <ErrorText error={error} />
    </div>
  );
}
