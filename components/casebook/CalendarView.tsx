/**
 * The deadlines on the official working-day calendar: a month grid (holidays 休 and make-up working days 班
 * from the State Council arrangements; months of years without data marked approximate) and an agenda of the
 * month's events — renewal windows opening, last safe filing days, employer-change deadlines, expiries,
 * expected review completions, documents falling below §五, quarter-end filing dates — with the reminders due
 * today on top.
 */
import { useContext, useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { pickText, useLang, useT } from '../i18n';
import { StatusLine } from '../ui';
import { LiveEpochContext, useSettings } from '../use-live';
import { addDays, addMonths, weekday } from '../../rules/dates';
import { hasOfficialData, isWorkday } from '../../rules/calendar';
import { getRepos } from '../../storage/repos';
import { deadlineEvents, documentWindow, dueReminders, eventTitle, type CaseBookEvent, type Reminder } from '../../rules/deadline-events';
import { loadSnapshot } from '../../storage/snapshot';
import { DEFAULT_REMINDER_LEADS } from '../../storage/schemas';
import { useDeadlineOptions } from '../use-deadline-settings';
import { navigate } from './route';
import { eventLabel } from './labels';

function eventHref(e: Pick<CaseBookEvent, 'caseId' | 'employeeId'>): string | undefined {
  return e.caseId ? `#/case/${e.caseId}` : e.employeeId ? `#/employee/${e.employeeId}` : undefined;
}

export function CalendarView({ month: monthParam, today }: { month?: string; today: string }) {
  const t = useT();
  const lang = useLang();
  const epoch = useContext(LiveEpochContext);
  const month = monthParam ?? today.slice(0, 7);
  const first = `${month}-01`;
  const gridStart = addDays(first, -((weekday(first) + 6) % 7));
  const gridEnd = addDays(gridStart, 41);
  const idx = useDeadlineOptions();
  // The lead times of the settings row: the same ones the background's daily check uses.
  const leads = useSettings()?.reminders ?? DEFAULT_REMINDER_LEADS;
  const [selected, setSelected] = useState<string | null>(null);
  const [allDue, setAllDue] = useState(false);
  useEffect(() => setSelected(null), [month]);

  const data = useLiveQuery(async () => {
    const repos = getRepos();
    // The month's documents, and the ones the background's daily check reads (already below their rule
    // included): the reminders here are the notifications' own.
    const due = documentWindow(today, leads);
    const from = gridStart < due.documentsFrom ? gridStart : due.documentsFrom;
    const to = gridEnd > due.documentsTo ? gridEnd : due.documentsTo;
    return loadSnapshot(repos, { documentsFrom: from, documentsTo: to });
  }, [gridStart, gridEnd, today, epoch, leads]);
  // Nothing is computed before the stored settings (entered holiday notices, buffer) are applied.
  const events = useMemo(() => (data && idx ? deadlineEvents(data, { from: gridStart, to: gridEnd }, idx) : undefined), [data, gridStart, gridEnd, idx]);
  const due = useMemo<Reminder[] | undefined>(() => (data && idx ? dueReminders(data, today, leads, idx) : undefined), [data, today, leads, idx]);
  const byDay = useMemo(() => {
    const m = new Map<string, CaseBookEvent[]>();
    for (const e of events ?? []) m.set(e.date, [...(m.get(e.date) ?? []), e]);
    return m;
  }, [events]);

  const agendaText = (e: CaseBookEvent) => (e.employeeName ? `${e.employeeName}：${eventLabel(lang, e.kind)}` : `${eventLabel(lang, e.kind)}（${pickText(lang, e.detail)}）`);
  const year = Number(month.slice(0, 4));
  const approximate = !hasOfficialData(year);
  const monthEvents = (events ?? []).filter((e) => (selected ? e.date === selected : e.date.startsWith(month)));
  const weekdays = lang === 'en' ? ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] : ['一', '二', '三', '四', '五', '六', '日'];
  const title = lang === 'en' ? new Date(`${first}T00:00:00Z`).toLocaleDateString('en', { year: 'numeric', month: 'long', timeZone: 'UTC' }) : `${year} 年 ${Number(month.slice(5))} 月`;

  return (
    <div className="cb-calendar" data-testid="calendar-view">
      <section className="cal-month" aria-label={title}>
        <header className="cal-head">
          <button type="button" onClick={() => navigate({ name: 'calendar', month: addMonths(first, -1).slice(0, 7) })} aria-label={t('calendar.prev')} data-testid="cal-prev">‹</button>
          <h2 data-testid="cal-title">{title}</h2>
          <button type="button" onClick={() => navigate({ name: 'calendar', month: addMonths(first, 1).slice(0, 7) })} aria-label={t('calendar.next')} data-testid="cal-next">›</button>
          <button type="button" onClick={() => navigate({ name: 'calendar' })}>{t('calendar.today')}</button>
        </header>
        {approximate ? <StatusLine tone="warn" testId="cal-approximate">{t('calendar.approximate', { year })}</StatusLine> : null}
        <div className="cal-grid" role="grid" aria-label={title}>
          <div role="row" className="cal-row cal-weekdays">
            {weekdays.map((w) => (
              <div key={w} role="columnheader" className="cal-wd">{w}</div>
            ))}
          </div>
          {Array.from({ length: 6 }, (_, w) => (
            <div role="row" className="cal-row" key={w}>
              {Array.from({ length: 7 }, (_, d) => {
                const date = addDays(gridStart, w * 7 + d);
                const info = isWorkday(date);
                const list = byDay.get(date) ?? [];
                const out = !date.startsWith(month);
                const cls = ['cal-day', out ? 'out' : '', info.workday ? '' : 'rest', info.kind === 'holiday' ? 'holiday' : '', info.kind === 'makeup-workday' ? 'makeup' : '', date === today ? 'today' : '', date === selected ? 'selected' : ''].join(' ');
                const festival = info.holiday ? pickText(lang, info.holiday) : '';
                return (
                  <div role="gridcell" key={date} className={cls} aria-selected={date === selected}>
                    <button
                      type="button"
                      className="cal-day-btn"
                      onClick={() => setSelected(date === selected ? null : date)}
                      aria-label={`${date}${festival ? ` ${festival}` : ''}${info.kind === 'makeup-workday' ? ` ${t('calendar.makeup')}` : ''}${list.length ? ` · ${t('calendar.nEvents', { n: list.length })}` : ''}`}
                      data-testid={`cal-day-${date}`}
                    >
                      <span className="cal-num">{Number(date.slice(8))}</span>
                      {info.kind === 'holiday' ? <span className="cal-tag rest" title={festival}>{t('calendar.holidayTag')}</span> : null}
                      {info.kind === 'makeup-workday' ? <span className="cal-tag work" title={festival}>{t('calendar.makeupTag')}</span> : null}
                    </button>
                    <ul className="cal-events">
                      {list.slice(0, 3).map((e) => (
                        <li key={e.key} className={`ev ev-${e.kind}`} title={pickText(lang, eventTitle(e))}>
                          {e.employeeName ?? pickText(lang, e.detail)} · {eventLabel(lang, e.kind)}
                        </li>
                      ))}
                      {list.length > 3 ? <li className="ev more">+{list.length - 3}</li> : null}
                    </ul>
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <p className="cal-legend muted small">
          <span className="cal-tag rest">{t('calendar.holidayTag')}</span> {t('calendar.legend.holiday')}{' '}
          <span className="cal-tag work">{t('calendar.makeupTag')}</span> {t('calendar.legend.makeup')} · ≈ {t('calendar.legend.approx')}
        </p>
      </section>
      <aside className="cal-agenda" aria-label={t('calendar.agenda')}>
        <h2>{t('reminder.dueToday', { n: due?.length ?? 0 })}</h2>
        <ul className="reminders" data-testid="due-reminders">
          {(due ?? []).slice(0, allDue ? 500 : 8).map((r) => (
            <li key={r.key} className={`rem rem-${r.urgency}`} title={pickText(lang, r.body)}>
              <a href={eventHref(r) ?? '#/calendar'}>{pickText(lang, r.title)}</a>
              <span className="muted small rem-date">{r.date}</span>
            </li>
          ))}
          {due && due.length === 0 ? <li className="muted">{t('reminder.none')}</li> : null}
        </ul>
        {due && due.length > 8 ? (
          <button type="button" className="linklike" onClick={() => setAllDue(!allDue)} aria-expanded={allDue}>
            {allDue ? t('reminder.fewer') : t('reminder.more', { n: due.length - 8 })}
          </button>
        ) : null}
        <h2>
          {selected ? t('calendar.agendaDay', { date: selected }) : t('calendar.agendaMonth', { month: title })}
          {selected ? (
            <button type="button" className="linklike" onClick={() => setSelected(null)}>
              {t('calendar.showMonth')}
            </button>
          ) : null}
        </h2>
        {events && monthEvents.length === 0 ? <p className="muted">{t('calendar.noEvents')}</p> : null}
        <ol className="agenda" data-testid="agenda">
          {monthEvents.map((e) => {
            const link = eventHref(e);
            return (
              <li key={e.key} className={`ev-${e.kind}`} data-testid="agenda-item" data-kind={e.kind} title={`${pickText(lang, eventTitle(e))} · ${e.section}`}>
                <span className="mono">{e.date.slice(5)}</span>
                {link ? <a href={link}>{agendaText(e)}</a> : <span>{agendaText(e)}</span>}
                {e.approximate ? <abbr className="approx" title={t('common.approximate')}>≈</abbr> : <span />}
              </li>
            );
          })}
        </ol>
      </aside>
    </div>
  );
}
