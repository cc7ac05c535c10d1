/**
 * First run: what the assistant does, the company profile and locality office (the same card as the
 * case book's settings), the privacy promise, and how to open the side panel. Opened once on install.
 */
import { browser } from 'wxt/browser';
import { useT } from '../../components/i18n';
import { SettingsLanguage } from '../../components/SettingsLanguage';
import { CompanyCard } from '../../components/casebook/SettingsView';
import '../../components/casebook/casebook.css';

export function WelcomeApp() {
  return (
    <SettingsLanguage titleKey="welcome.title">
      <Welcome />
    </SettingsLanguage>
  );
}

function Welcome() {
  const t = useT();
  return (
    <main className="casebook welcome">
      <h1>{t('welcome.title')}</h1>
      <p>{t('welcome.intro')}</p>
      <ol className="welcome-steps">
        <li>
          <h2>{t('welcome.step.company')}</h2>
          <CompanyCard />
        </li>
        <li>
          <h2>{t('welcome.step.panel')}</h2>
          <p>{t('welcome.step.panelHow')}</p>
        </li>
        <li>
          <h2>{t('welcome.step.casebook')}</h2>
          <p>
            <a href={browser.runtime.getURL('/casebook.html')}>{t('casebook.open')}</a>
          </p>
        </li>
      </ol>
      <section className="card" aria-labelledby="welcome-privacy">
        <h2 id="welcome-privacy">{t('welcome.privacy')}</h2>
        <p>{t('app.privacy')}</p>
        <p>
          <a href={browser.runtime.getURL('/privacy.html')}>{t('welcome.privacyLink')}</a>
        </p>
      </section>
    </main>
  );
}
