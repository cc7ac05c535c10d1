/**
 * The case book: a full-page extension tab (casebook.html) with every employee's permit at a glance.
 * Pages (hash routes, see route.ts): the employee table, an employee, a case, the calendar, reports,
 * import, settings, and two printable pages. The language comes from the settings and switches everything.
 */
import { useEffect, useState } from 'react';
import { useLang, useT, type Lang } from '../i18n';
import { LiveEpochContext, useEpochOnShow } from '../use-live';
import { useToday } from '../use-today';
import { getRepos } from '../../storage/repos';
import { EmployeeTable, INITIAL_TABLE_STATE, type TableState } from './EmployeeTable';
import { EmployeeView } from './EmployeeView';
import { CaseView } from './CaseView';
import { CalendarView } from './CalendarView';
import { ReportsView } from './ReportsView';
import { ImportView } from './ImportView';
import { SettingsView } from './SettingsView';
import { PrintChecklist, PrintQuarter } from './PrintViews';
import { useCaseBookData } from './use-casebook-data';
import { SettingsLanguage } from '../SettingsLanguage';
import { href, useRoute, type Route } from './route';
import './casebook.css';

export function CaseBookApp() {
  const epoch = useEpochOnShow();
  return (
    <LiveEpochContext.Provider value={epoch}>
      <SettingsLanguage titleKey="casebook.title">
        <CaseBook />
      </SettingsLanguage>
    </LiveEpochContext.Provider>
  );
}

const NAV: { route: Route; key: 'casebook.nav.table' | 'casebook.nav.calendar' | 'casebook.nav.reports' | 'casebook.nav.import' | 'casebook.nav.settings'; match: Route['name'][] }[] = [
  { route: { name: 'table' }, key: 'casebook.nav.table', match: ['table', 'employee', 'case'] },
  { route: { name: 'calendar' }, key: 'casebook.nav.calendar', match: ['calendar'] },
  { route: { name: 'reports' }, key: 'casebook.nav.reports', match: ['reports', 'print-quarter'] },
  { route: { name: 'import' }, key: 'casebook.nav.import', match: ['import'] },
  { route: { name: 'settings' }, key: 'casebook.nav.settings', match: ['settings'] },
];

function LanguageToggle() {
  const lang = useLang();
  const t = useT();
  const next: Lang = lang === 'en' ? 'zh-CN' : 'en';
  return (
    <button type="button" className="lang-switch" lang={next} aria-label={t('settings.language.title')} onClick={() => void getRepos().settings.update({ language: next })} data-testid="casebook-lang">
      {next === 'en' ? 'English' : '中文'}
    </button>
  );
}

function CaseBook() {
  const t = useT();
  const route = useRoute();
  const today = useToday();
  const { data, first } = useCaseBookData(today);
  const [table, setTable] = useState<TableState>(INITIAL_TABLE_STATE);
  const printing = route.name === 'print-quarter' || route.name === 'print-case';

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [route.name, 'id' in route ? route.id : '']);

  let page;
  switch (route.name) {
    case 'table':
      page = <EmployeeTable rows={data?.rows} first={first} state={table} setState={setTable} today={today} />;
      break;
    case 'employee':
      page = <EmployeeView key={route.id} id={route.id} today={today} />;
      break;
    case 'case':
      page = <CaseView key={route.id} id={route.id} today={today} />;
      break;
    case 'calendar':
      page = <CalendarView month={route.month} today={today} />;
      break;
    case 'reports':
      page = <ReportsView data={data} today={today} />;
      break;
    case 'import':
      page = <ImportView />;
      break;
    case 'settings':
      page = <SettingsView today={today} />;
      break;
    case 'print-quarter':
      page = <PrintQuarter quarter={route.quarter} data={data} />;
      break;
    case 'print-case':
      page = <PrintChecklist id={route.id} />;
      break;
  }

  return (
    <div className={`casebook-app ${route.name === 'table' ? 'fixed' : ''}`} data-route={route.name}>
      {printing ? null : (
        <header className="cb-top no-print">
          <h1>
            {t('casebook.title')} <span className="muted">· {t('app.name')}</span>
          </h1>
          <nav aria-label={t('casebook.nav')}>
            {NAV.map((n) => (
              <a key={n.key} href={href(n.route)} aria-current={n.match.includes(route.name) ? 'page' : undefined} data-testid={`nav-${n.route.name}`}>
                {t(n.key)}
              </a>
            ))}
          </nav>
          <span className="cb-spacer" />
          <span className="cb-today" title={t('casebook.todayTitle')}>
            {t('casebook.today', { date: today })}
          </span>
          <LanguageToggle />
        </header>
      )}
      <main className={`cb-main${printing ? ' printing' : ''}`}>{page}</main>
      {printing || route.name === 'table' ? null : <footer className="privacy no-print">{t('app.privacy')}</footer>}
    </div>
  );
}
