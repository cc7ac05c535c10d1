import { LangProvider, useT } from '../../components/i18n';
import { PortalContextCard } from '../../components/PortalContextCard';

export function App() {
  return (
    <LangProvider lang="zh-CN">
      <Panel />
    </LangProvider>
  );
}

function Panel() {
  const t = useT();
  return (
    <main className="panel">
      <header className="panel-header">
        <h1>{t('app.name')}</h1>
        <a href={browser.runtime.getURL('/casebook.html')} target="_blank" rel="noreferrer">
          {t('casebook.open')}
        </a>
      </header>
      <PortalContextCard />
      <footer className="privacy">{t('app.privacy')}</footer>
    </main>
  );
}
