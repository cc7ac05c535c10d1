/** @jsxImportSource @/entrypoints/portal.content/jsx */
/** The small marker showing that the assistant recognised this page (and as what). */
import { translatePortal as translate, type PortalLang as Lang } from '../../components/i18n/portal';
import type { PortalModule } from '../../rules/model';

export function PortalBadge(props: { module: PortalModule; lang: Lang }): HTMLElement {
  const { lang, module } = props;
  return (
    <span aria-label={translate(lang, 'app.name')}>
      <strong>{translate(lang, 'app.name')}</strong>
      <span> · </span>
      <span>{translate(lang, 'panel.tab.module', { module: translate(lang, `module.${module}`) })}</span>
    </span>
  );
}
