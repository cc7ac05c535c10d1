import { LangProvider, useT } from '../../components/i18n';

export function App() {
  return (
    <LangProvider lang="zh-CN">
      <CaseBook />
    </LangProvider>
  );
}

function CaseBook() {
  const t = useT();
  return (
    <main className="casebook">
      <h1>
        {t('casebook.title')} · {t('app.name')}
      </h1>
      <p>{t('casebook.empty')}</p>
      <footer className="privacy">{t('app.privacy')}</footer>
    </main>
  );
}
