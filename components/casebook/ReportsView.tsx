/**
 * Exports: the case book (the rows of the current filter) as .xlsx (IDs as text) or CSV (UTF-8 with BOM for
 * Excel); IDs and phones masked unless the agent ticks the box; the deadlines as CSV and as an ICS calendar, the printable quarterly summary for the locality office.
 */
import { useId, useMemo, useState } from 'react';
import { useLang, useT } from '../i18n';
import { Card, ErrorText, StatusLine } from '../ui';
import { addMonths } from '../../rules/dates';
import { quarterOf } from '../../rules/quarters';
import { caseBookCsv, deadlinesCsv, deadlinesIcs } from './exports';
import { deadlineEvents } from '../../rules/deadline-events';
import type { CaseBookData } from './use-casebook-data';
import { downloadBytes, downloadText } from './download';
import { XLSX_MIME } from '../../utils/spreadsheet';

/** The current quarter, the four before it and the next one, newest first. */
function quarterChoices(today: string): string[] {
  const out: string[] = [];
  for (let i = 3; i >= -12; i -= 3) out.push(quarterOf(addMonths(today, i)).label);
  return out;
}

export function ReportsView({ data, today }: { data: CaseBookData | undefined; today: string }) {
  const t = useT();
  const lang = useLang();
  const revealId = useId();
  const monthsId = useId();
  const quarterId = useId();
  const [reveal, setReveal] = useState(false);
  const [xlsxBusy, setXlsxBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [months, setMonths] = useState(12);
  const quarters = useMemo(() => quarterChoices(today), [today]);
  const [quarter, setQuarter] = useState(quarters[1]);
  const events = useMemo(
    () => (data ? deadlineEvents(data.snapshot, { from: today, to: addMonths(today, months) }, data.idx) : []),
    [data, today, months],
  );
  return (
    <div className="cb-reports" data-testid="reports-view">
      <Card title={t('report.casebook.title')}>
        <p>{t('report.casebook.text', { n: data?.rows.length ?? 0 })}</p>
        <p className="check">
          <input id={revealId} type="checkbox" checked={reveal} onChange={(e) => setReveal(e.target.checked)} data-testid="report-reveal" />
          <label htmlFor={revealId}>{t('report.reveal')}</label>
        </p>
        {reveal ? <StatusLine tone="warn">{t('report.revealWarning')}</StatusLine> : null}
        <button
          type="button"
          className="primary"
          disabled={!data || xlsxBusy}
          onClick={async () => {
            if (!data) return;
            setXlsxBusy(true);
            setError(null);
            try {
              // exceljs is loaded here, on the first export, not with the case book.
              const { caseBookXlsx } = await import('./casebook-xlsx');
              downloadBytes(`jzz-casebook-${today}.xlsx`, await caseBookXlsx(data.rows, { lang, revealIds: reveal }), XLSX_MIME);
            } catch (e) {
              setError(e);
            } finally {
              setXlsxBusy(false);
            }
          }}
          data-testid="report-casebook-xlsx"
        >
          {xlsxBusy ? t('common.loading') : t('report.casebook.xlsx')}
        </button>{' '}
        <button
          type="button"
          disabled={!data}
          onClick={() => data && downloadText(`jzz-casebook-${today}.csv`, caseBookCsv(data.rows, { lang, revealIds: reveal }), 'text/csv;charset=utf-8')}
          data-testid="report-casebook-csv"
        >
          {t('report.casebook.button')}
        </button>
        <p className="muted small">{t('report.xlsxHint')} {t('report.csvHint')}</p>
        <ErrorText error={error} />
      </Card>
      <Card title={t('report.deadlines.title')}>
        <p>
          <label htmlFor={monthsId}>{t('report.deadlines.range')}</label>{' '}
          <select id={monthsId} value={months} onChange={(e) => setMonths(Number(e.target.value))} data-testid="report-months">
            {[1, 3, 6, 12].map((m) => (
              <option key={m} value={m}>
                {t('report.deadlines.months', { n: m })}
              </option>
            ))}
          </select>{' '}
          <span className="muted">{t('report.deadlines.count', { n: events.length })}</span>
        </p>
        <button type="button" disabled={!data} onClick={() => downloadText(`jzz-deadlines-${today}.csv`, deadlinesCsv(events, { lang }), 'text/csv;charset=utf-8')} data-testid="report-deadlines-csv">
          {t('report.deadlines.csv')}
        </button>{' '}
        <button type="button" className="primary" disabled={!data} onClick={() => downloadText(`jzz-deadlines-${today}.ics`, deadlinesIcs(events, { lang, now: new Date() }), 'text/calendar;charset=utf-8')} data-testid="report-ics">
          {t('report.deadlines.ics')}
        </button>
        <p className="muted small">{t('report.icsHint')}</p>
      </Card>
      <Card title={t('report.quarter.title')}>
        <p>{t('report.quarter.text')}</p>
        <p>
          <label htmlFor={quarterId}>{t('report.quarter.pick')}</label>{' '}
          <select id={quarterId} value={quarter} onChange={(e) => setQuarter(e.target.value)} data-testid="report-quarter">
            {quarters.map((q) => (
              <option key={q} value={q}>{q}</option>
            ))}
          </select>{' '}
          <a className="button primary" href={`#/print/quarter/${quarter}`} data-testid="report-quarter-open">{t('report.quarter.open')}</a>
        </p>
      </Card>
      <Card title={t('report.checklist.title')}>
        <p className="muted">{t('report.checklist.text')}</p>
      </Card>
    </div>
  );
}
