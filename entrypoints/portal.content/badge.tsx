/** The small marker showing that the assistant recognised this page (and as what). */
import { translate } from '../../components/i18n';
import type { PortalModule } from '../../rules/model';

export function PortalBadge({ module }: { module: PortalModule }) {
  const label = translate('zh-CN', 'app.name');
  return (
    <aside
      aria-label={label}
      style={{
        position: 'fixed',
        right: 16,
        bottom: 16,
        zIndex: 2147483000,
        background: '#fff',
        border: '1px solid #1f6feb',
        borderRadius: 6,
        padding: '6px 10px',
        font: '13px/1.4 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif',
        color: '#1a1a1a',
        boxShadow: '0 2px 8px rgba(0,0,0,.15)',
      }}
    >
      <strong>{label}</strong>
      <span> · </span>
      <span>{translate('zh-CN', 'panel.tab.module', { module: translate('zh-CN', `module.${module}`) })}</span>
    </aside>
  );
}
