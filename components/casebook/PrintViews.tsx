/**
 * Printable pages (print CSS in casebook.css hides everything else; `window.print()` from the toolbar):
 * the quarterly summary of the business filed per employee, for the locality office, and the checklist of
 * one case with its tick states.
 */
import { useMemo, useState } from 'react';
import { pickText, useLang, useT } from '../i18n';
import { useCase, useCompany, useEmployee, useTicks } from '../use-live';
import { caseChecklist } from '../../rules/case-facts';
import { findLocality, LOCALITIES } from '../../rules/localities';
import { UPLOAD_STANDARDS } from '../../rules/checklist';
import { quarterSummary } from '../../storage/reports';
import { quarterOf, quarterQuota } from '../../rules/quarters';
import { useToday } from '../use-today';
import type { Tick } from '../../storage/schemas';
import type { CaseBookData } from './use-casebook-data';
import { beijingDateTime, businessLabel, caseStatusLabel, categoryLabel, maskIdLast4 } from './labels';

function PrintToolbar({ back, children }: { back: string; children?: React.ReactNode }) {
  const t = useT();
  return (
    <div className="print-toolbar no-print">
      <a href={back}>‹ {t('casebook.back')}</a>
      {children}
      <button type="button" className="primary" onClick={() => window.print()} data-testid="print">
        {t('report.print')}
      </button>
    </div>
  );
}

export function PrintQuarter({ quarter, data }: { quarter: string; data: CaseBookData | undefined }) {
  const t = useT();
  const lang = useLang();
  const company = useCompany();
  const [reveal, setReveal] = useState(false);
  const summary = useMemo(() => (data ? quarterSummary(data.snapshot, quarter) : undefined), [data, quarter]);
  const today = useToday();
  // §一(一): this quarter's new permits against the approved number (the current quarter only: the quota is per quarter).
  const quota = useMemo(
    () => (data && quarterOf(today).label === quarter ? quarterQuota(data.snapshot.cases, company?.approvedNewPermits?.[quarter], today) : undefined),
    [data, quarter, today, company],
  );
  const office = company?.localityOffice ? (LOCALITIES.find((l) => l.name === company.localityOffice) ?? findLocality(company.localityOffice)) : undefined;
  return (
    <div className="print-page" data-testid="print-quarter">
      <PrintToolbar back="#/reports">
        <label className="check">
          <input type="checkbox" checked={reveal} onChange={(e) => setReveal(e.target.checked)} />
          {t('report.reveal')}
        </label>
      </PrintToolbar>
      <article className="paper">
        <h1>{t('report.quarter.heading', { quarter })}</h1>
        <table className="meta">
          <tbody>
            <tr>
              <th>{t('settings.company.name')}</th>
              <td>{company?.name ?? '—'}</td>
              <th>{t('settings.company.creditCode')}</th>
              <td className="mono">{company?.creditCode ?? '—'}</td>
            </tr>
            <tr>
              <th>{t('settings.company.locality')}</th>
              <td colSpan={3}>
                {office ? `${office.name}（${office.address}；${t('settings.company.phone')} ${office.phones.join('、')}；${office.email}）` : (company?.localityOffice || '—')}
              </td>
            </tr>
            <tr>
              <th>{t('settings.company.agent')}</th>
              <td>{company?.agentName || '—'}</td>
              <th>{t('settings.company.agentPhone')}</th>
              <td>{company?.agentPhone || '—'}</td>
            </tr>
            <tr>
              <th>{t('report.quarter.period')}</th>
              <td colSpan={3}>{summary ? `${summary.start} — ${summary.end}` : ''}</td>
            </tr>
          </tbody>
        </table>
        {quota ? (
          <p className={quota.exceeded ? 'warn' : 'muted small'} data-testid="quarter-quota">
            {pickText(lang, quota.findings[0].message)} {quota.findings[0].section}
          </p>
        ) : null}
        {summary && summary.rows.length === 0 ? <p>{t('report.quarter.none')}</p> : null}
        {summary && summary.rows.length ? (
          <table className="list" data-testid="quarter-rows">
            <thead>
              <tr>
                <th>{t('report.no')}</th>
                <th>{t('casebook.col.name')}</th>
                <th>{t('casebook.col.id')}</th>
                <th>{t('casebook.col.category')}</th>
                <th>{t('report.business')}</th>
                <th>{t('casebook.case.submittedOn')}</th>
                <th>{t('casebook.case.acceptedOn')}</th>
                <th>{t('report.status')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.rows.map((r, i) => (
                <tr key={r.case.id}>
                  <td>{i + 1}</td>
                  <td>{r.employee?.name ?? '—'}</td>
                  <td className="mono">{r.employee ? (reveal ? r.employee.residentId : maskIdLast4(r.employee.residentId)) : '—'}</td>
                  <td>{r.case.facts.category ? categoryLabel(lang, r.case.facts.category) : r.employee?.category ? categoryLabel(lang, r.employee.category) : ''}</td>
                  <td>{businessLabel(lang, r.case.business)}</td>
                  <td>{r.case.submittedOn}</td>
                  <td>{r.case.acceptedOn ?? ''}</td>
                  <td>{caseStatusLabel(lang, r.case.status)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={8}>
                  {t('report.quarter.total', { n: summary.rows.length })}
                  {Object.entries(summary.byBusiness).map(([b, n]) => `　${businessLabel(lang, b as never)} ${n}`).join('')}
                </td>
              </tr>
            </tfoot>
          </table>
        ) : null}
        <div className="sign">
          <span>{t('report.sign.agent')}</span>
          <span>{t('report.sign.seal')}</span>
          <span>{t('report.sign.date')}</span>
        </div>
        <p className="muted small">{t('report.quarter.note', { time: beijingDateTime(new Date().toISOString()) })}</p>
      </article>
    </div>
  );
}

const TICK_MARK = { todo: '☐', ready: '◐', uploaded: '☑', na: '—' } as const;

export function PrintChecklist({ id }: { id: string }) {
  const t = useT();
  const lang = useLang();
  const c = useCase(id);
  const employee = useEmployee(c?.employeeId);
  const company = useCompany();
  const ticks = useTicks(id) as Record<string, Tick> | undefined;
  const list = useMemo(() => (c ? caseChecklist(c, employee) : undefined), [c, employee]);
  if (!c || !list) return <p aria-busy="true">{t('common.loading')}</p>;
  return (
    <div className="print-page" data-testid="print-checklist-page">
      <PrintToolbar back={`#/case/${id}`} />
      <article className="paper">
        <h1>
          {t('report.checklist.heading', { business: businessLabel(lang, c.business) })}
        </h1>
        <p>
          {employee ? `${employee.name}（${maskIdLast4(employee.residentId)}）` : ''} · {company?.name ?? ''} · {caseStatusLabel(lang, c.status)} · {t('report.checklist.section', { section: list.section })}
        </p>
        <table className="list">
          <thead>
            <tr>
              <th>{t('report.checklist.state')}</th>
              <th>{t('report.checklist.item')}</th>
              <th>{t('report.checklist.who')}</th>
              <th>{t('report.checklist.where')}</th>
              <th>{t('report.checklist.seal')}</th>
              <th>{t('report.checklist.validity')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => {
              const state = ticks?.[item.id]?.state ?? 'todo';
              return (
                <tr key={item.id} data-testid="print-item">
                  <td className="tick" title={t(`report.tick.${state}`)}>{TICK_MARK[state]}</td>
                  <td>
                    {pickText(lang, item.title)}
                    {item.condition ? <div className="muted small">{pickText(lang, item.condition)}</div> : null}
                    {item.needsIncomeAnnotation ? <div className="muted small">{t('report.checklist.annotation')}</div> : null}
                    <div className="muted small">{item.section}</div>
                  </td>
                  <td>{item.uploader === 'employer' ? t('report.checklist.employer') : t('report.checklist.applicant')}</td>
                  <td>{pickText(lang, item.placeLabel)}</td>
                  <td>{item.signatureAndSeal ? t('report.checklist.signSeal') : item.sealRequired ? t('report.checklist.sealOnly') : ''}</td>
                  <td>{item.validity === 'none' ? '' : item.validity === '6-months' ? t('report.checklist.6m') : t('report.checklist.3m')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="small">{t('report.checklist.legend')}</p>
        {list.notes.length ? (
          <ul className="small">
            {list.notes.map((n, i) => (
              <li key={i}>{pickText(lang, n)}</li>
            ))}
          </ul>
        ) : null}
        <h2>{t('report.checklist.standards')}</h2>
        <ul className="small">
          {UPLOAD_STANDARDS.map((s, i) => (
            <li key={i}>{pickText(lang, s)}</li>
          ))}
        </ul>
        <p className="muted small">{t('report.checklist.printed', { time: beijingDateTime(new Date().toISOString()) })}</p>
      </article>
    </div>
  );
}
