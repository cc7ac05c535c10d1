/**
 * Printable pages (print CSS in casebook.css hides everything else; `window.print()` from the toolbar):
 * the quarterly summary of the business filed per employee, for the locality office, and one case's paper —
 * items with their states, validity dates and verdicts, warnings, deadlines, the income sentence, notes.
 */
import { useMemo, useState } from 'react';
import { pickText, useLang, useT } from '../i18n';
import { useCase, useCompany, useDocuments, useEmployee, useNotes, useTicks } from '../use-live';
import { useToday } from '../use-today';
import { useDeadlineOptions } from '../use-deadline-settings';
import { caseChecklist, childAges, itemValidities, progressOf } from '../../rules/case-facts';
import { incomeAnnotationDraft } from '../../rules/texts';
import { deadlineStatus, renewalWindow, reviewCompletesBy } from '../../rules/deadlines';
import { quarterOf, quarterQuota, suggestedFilingDate } from '../../rules/quarters';
import { countWorkdays } from '../../rules/calendar';
import { findLocality, LOCALITIES } from '../../rules/localities';
import { UPLOAD_STANDARDS } from '../../rules/checklist';
import { quarterSummary } from './exports';
import type { Case, Tick } from '../../storage/schemas';
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

/** One "label: date (n working days)" line of the printed deadlines. */
function PrintDate({ label, date, days, approximate }: { label: string; date: string; days?: number; approximate?: boolean }) {
  const t = useT();
  return (
    <tr>
      <th>{label}</th>
      <td>
        {date}
        {days !== undefined ? `　${t(approximate ? 'deadline.workdaysLeftApprox' : 'deadline.workdaysLeft', { n: days })}` : ''}
      </td>
    </tr>
  );
}

/**
 * The case's deadlines as rules/ states them (the same calls as the side panel's DeadlinesCard): the renewal
 * window and last safe day, the employer-change deadline, the new permit's quarter filing day, the review's end.
 */
function PrintDeadlines({ c, expiry, today }: { c: Case; expiry: string | undefined; today: string }) {
  const t = useT();
  const lang = useLang();
  // The stored holiday notices and locality buffer, as everywhere else (use-deadline-settings.ts).
  const options = useDeadlineOptions();
  if (!options) return null;
  const rows: React.ReactNode[] = [];
  const lines: { zh: string; en: string }[] = [];
  const approx = new Set<number>();
  const timed = c.business === 'renewal' || c.business === 'employer-change';
  if (timed && expiry) {
    const status = deadlineStatus(expiry, today, c.business === 'renewal' ? 'renewal' : 'employer-change', options);
    const win = c.business === 'renewal' ? renewalWindow(expiry, options) : undefined;
    rows.push(
      <tr key="state">
        <th>{t('report.checklist.deadlineState')}</th>
        <td data-testid="print-deadline-state">{t(`deadline.state.${status.state}`)}</td>
      </tr>,
    );
    if (win) rows.push(<PrintDate key="opens" label={t('deadline.opens')} date={win.opens.date} days={status.workdaysLeft.toOpening} approximate={win.opens.approximate} />);
    rows.push(<PrintDate key="recommended" label={t('deadline.recommended')} date={status.recommendedLatestDay} days={status.workdaysLeft.toRecommendedLatestDay} approximate={status.approximate} />);
    rows.push(<PrintDate key="safe" label={t('deadline.lastSafeDay')} date={status.guideLatestDay} days={status.workdaysLeft.toGuideLatestDay} approximate={status.approximate} />);
    rows.push(<PrintDate key="expiry" label={t('deadline.expiry')} date={expiry} days={status.workdaysLeft.toExpiry} approximate={status.approximate} />);
    lines.push(status.findings[0].message);
    status.approximateYears.forEach((y) => approx.add(y));
  } else if (timed) {
    lines.push({ zh: t('deadline.needExpiry'), en: t('deadline.needExpiry') });
  } else if (c.business === 'new-permit') {
    const f = suggestedFilingDate(today);
    const left = countWorkdays(today, f.suggested);
    rows.push(<PrintDate key="quarter" label={t('deadline.quarterFiling', { quarter: f.quarter.label })} date={f.suggested} days={left.count} approximate={f.approximate || left.approximate} />);
    rows.push(<PrintDate key="last" label={t('deadline.quarterLastWorkday')} date={f.lastWorkday} />);
    lines.push(f.explanation);
    [...f.approximateYears, ...left.approximateYears].forEach((y) => approx.add(y));
  }
  if (c.acceptedOn) {
    const review = reviewCompletesBy(c.acceptedOn);
    const left = review.date >= today ? countWorkdays(today, review.date) : undefined;
    rows.push(<PrintDate key="review" label={t('deadline.reviewBy')} date={review.date} days={left?.count} approximate={review.approximate} />);
    lines.push(review.explanation);
    review.approximateYears.forEach((y) => approx.add(y));
  }
  if (!rows.length && !lines.length) return null;
  return (
    <section data-testid="print-deadlines">
      <h2>{t('deadline.title')}</h2>
      {rows.length ? (
        <table className="meta">
          <tbody>{rows}</tbody>
        </table>
      ) : null}
      <ul className="small">
        {lines.map((l, i) => (
          <li key={i}>{pickText(lang, l)}</li>
        ))}
        {approx.size ? <li>{t('deadline.approximate', { years: [...approx].sort().join('、') })}</li> : null}
      </ul>
    </section>
  );
}

/**
 * The checklist of one case as a paper to hand to a colleague or the locality: every item with its tick
 * state, the document's validity date and its §五 verdict for today, the case's warnings and deadlines,
 * the income sentence filled in with the employee's and the company's details, and the notes. Every
 * verdict is rules/' own (checklist, validity, deadlines, texts); nothing is recomputed here.
 */
export function PrintChecklist({ id }: { id: string }) {
  const t = useT();
  const lang = useLang();
  const today = useToday();
  const c = useCase(id);
  const employee = useEmployee(c?.employeeId);
  const company = useCompany();
  const ticks = useTicks(id) as Record<string, Tick> | undefined;
  const docs = useDocuments(c ? { caseId: id } : undefined);
  const caseNotes = useNotes(c ? { caseId: id } : undefined);
  const employeeNotes = useNotes(c?.employeeId ? { employeeId: c.employeeId } : undefined);
  const [reveal, setReveal] = useState(false);
  const list = useMemo(() => (c ? caseChecklist(c, employee) : undefined), [c, employee]);
  if (!c || !list) return <p aria-busy="true">{t('common.loading')}</p>;
  const docByItem = new Map((docs ?? []).filter((d) => d.itemId).map((d) => [d.itemId!, d]));
  // One §五 verdict per item (rules/case-facts.ts): the same the side panel, overlay and sync show.
  const validities = itemValidities(list.items, docs ?? [], ticks ?? {}, today);
  const kids = childAges(c, today).filter((k) => !k.result.ok);
  const progress = progressOf(list.items, ticks ?? {});
  const needsAnnotation = list.items.some((i) => i.needsIncomeAnnotation);
  const annotation = needsAnnotation ? incomeAnnotationDraft({ employeeName: employee?.name, companyName: company?.name, contact: company?.agentName, phone: company?.agentPhone }) : undefined;
  const notes = [...(caseNotes ?? []), ...(employeeNotes ?? []).filter((n) => !n.caseId)].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <div className="print-page" data-testid="print-checklist-page">
      <PrintToolbar back={`#/case/${id}`}>
        <label className="check">
          <input type="checkbox" checked={reveal} onChange={(e) => setReveal(e.target.checked)} data-testid="print-reveal" />
          {t('report.reveal')}
        </label>
      </PrintToolbar>
      <article className="paper">
        <h1>{t('report.checklist.heading', { business: businessLabel(lang, c.business) })}</h1>
        <table className="meta">
          <tbody>
            <tr>
              <th>{t('casebook.col.name')}</th>
              <td data-testid="print-employee">{employee ? `${employee.name}（${reveal ? employee.residentId : maskIdLast4(employee.residentId)}）` : '—'}</td>
              <th>{t('settings.company.name')}</th>
              <td>{company?.name ?? '—'}</td>
            </tr>
            <tr>
              <th>{t('report.status')}</th>
              <td>{caseStatusLabel(lang, c.status)}</td>
              <th>{t('report.checklist.progress')}</th>
              <td data-testid="print-progress">{t('checklist.progress', { n: progress.uploaded, m: progress.total })}</td>
            </tr>
            <tr>
              <th>{t('report.checklist.basis')}</th>
              <td colSpan={3}>{t('report.checklist.section', { section: list.section })}　{t('report.checklist.judgedOn', { date: today })}</td>
            </tr>
          </tbody>
        </table>
        {kids.length || list.notes.length ? (
          <section data-testid="print-warnings">
            <h2>{t('report.checklist.warnings')}</h2>
            <ul className="small">
              {kids.map((k) => (
                <li key={`k${k.index}`}>⚠ {pickText(lang, k.result.findings[0].message)}</li>
              ))}
              {list.notes.map((n, i) => (
                <li key={i}>{pickText(lang, n)}</li>
              ))}
            </ul>
          </section>
        ) : null}
        <PrintDeadlines c={c} expiry={employee?.permitValidUntil} today={today} />
        <h2>{t('report.checklist.items')}</h2>
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
              const tick = ticks?.[item.id];
              const state = tick?.state ?? 'todo';
              const doc = docByItem.get(item.id);
              const verdict = validities.get(item.id);
              return (
                <tr key={item.id} data-testid="print-item" data-item={item.id} data-state={state}>
                  <td className="tick">
                    {TICK_MARK[state]} <span className="small">{t(`report.tick.${state}`)}</span>
                    {verdict && !verdict.ok ? <div className="small print-bad" data-testid="print-short">{t('report.tick.short')}</div> : null}
                  </td>
                  <td>
                    {pickText(lang, item.title)}
                    {item.condition ? <div className="muted small">{pickText(lang, item.condition)}</div> : null}
                    {item.needsIncomeAnnotation ? <div className="muted small">{t('report.checklist.annotationBelow')}</div> : null}
                    {tick?.note ? <div className="small">{t('report.checklist.tickNote', { note: tick.note })}</div> : null}
                    <div className="muted small">{item.section}</div>
                  </td>
                  <td>{item.uploader === 'employer' ? t('report.checklist.employer') : t('report.checklist.applicant')}</td>
                  <td>{pickText(lang, item.placeLabel)}</td>
                  <td>{item.signatureAndSeal ? t('report.checklist.signSeal') : item.sealRequired ? t('report.checklist.sealOnly') : ''}</td>
                  <td data-testid="print-validity">
                    {item.validity === 'none' ? '' : item.validity === '6-months' ? t('report.checklist.6m') : t('report.checklist.3m')}
                    {doc?.validUntil ? <div>{t('report.checklist.validUntil', { date: doc.validUntil === 'long-term' ? t('report.checklist.longTerm') : doc.validUntil })}</div> : null}
                    {verdict ? <div className={verdict.ok ? 'small' : 'small print-bad'}>{verdict.ok ? '✓ ' : '✗ '}{pickText(lang, verdict.findings[0].message)}</div> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="small">{t('report.checklist.legend')}</p>
        {annotation ? (
          <section data-testid="print-annotation">
            <h2>{t('report.checklist.annotationTitle')}</h2>
            <p className="annotation">{annotation.text}</p>
            {annotation.missing.length ? <p className="muted small" data-testid="print-annotation-missing">{t('panel.texts.missing', { what: annotation.missing.map((m) => t(`panel.texts.missing.${m}`)).join('、') })}</p> : null}
          </section>
        ) : null}
        <section data-testid="print-notes">
          <h2>{t('report.checklist.notes')}</h2>
          {employee?.notes ? <p className="small">{employee.notes}</p> : null}
          {notes.length ? (
            <ul className="small">
              {notes.map((n) => (
                <li key={n.id}>
                  <span className="muted">{beijingDateTime(n.at)}</span>　{n.text}
                </li>
              ))}
            </ul>
          ) : employee?.notes ? null : (
            <p className="muted small">{t('report.checklist.noNotes')}</p>
          )}
        </section>
        <h2>{t('report.checklist.standards')}</h2>
        <ul className="small">
          {UPLOAD_STANDARDS.map((s, i) => (
            <li key={i}>{pickText(lang, s)}</li>
          ))}
        </ul>
        <div className="sign">
          <span>{t('report.sign.agent')}</span>
          <span>{t('report.sign.date')}</span>
        </div>
        <p className="muted small">{t('report.checklist.printed', { time: beijingDateTime(new Date().toISOString()) })}</p>
      </article>
    </div>
  );
}
