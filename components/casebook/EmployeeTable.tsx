/**
 * Every employee with their latest case and what is due next, in one virtualised grid (5,000 rows stay
 * smooth): sortable columns, filters (holder status incl. 挂起, renewal state, business, case status,
 * category, "due within N working days"), search by name or ID digits. IDs are masked to the last 4 digits
 * unless revealed. Keyboard: Tab into the grid, ↑ ↓ PgUp PgDn Home End to move, Enter to open.
 *
 * Benchmark hooks (performance entries, no effect on behaviour): mark `jzz:casebook:table-ready` when the
 * first rows with data are on screen; measure `jzz:casebook:filter` from a filter/sort change to its commit.
 */
import { filingCategory } from '../../rules/case-facts';
import { memo, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLang, useT, type MessageKey } from '../i18n';
import { ErrorText, StatusBadge } from '../ui';
import { getRepos } from '../../storage/repos';
import { caseBookCsv } from './exports';
import { filterRows, sortRows, type RowFilter, type SortKey } from './table-rows';
import { type CaseBookRow, type FirstScreen } from '../../storage/snapshot';
import type { Employee } from '../../storage/schemas';
import { VirtualList } from './VirtualList';
import { downloadBytes, downloadText } from './download';
import { XLSX_MIME } from '../../utils/spreadsheet';
import { navigate } from './route';
import {
  BUSINESSES,
  CASE_STATUSES,
  CATEGORIES,
  HOLDER_STATUSES,
  businessLabel,
  caseStatusLabel,
  caseTone,
  categoryLabel,
  eventLabel,
  holderLabel,
  holderTone,
  maskIdLast4,
  permitStateLabel,
  permitTone,
  workdaysText,
} from './labels';

export interface TableState {
  filter: RowFilter;
  sort: SortKey;
  descending: boolean;
  reveal: boolean;
  active: number;
}

export const INITIAL_TABLE_STATE: TableState = { filter: {}, sort: 'next', descending: false, reveal: false, active: 0 };

const ROW_HEIGHT = 30;

const COLUMNS: { key: string; sort?: SortKey; label: MessageKey }[] = [
  { key: 'name', sort: 'name', label: 'casebook.col.name' },
  { key: 'id', sort: 'residentId', label: 'casebook.col.id' },
  { key: 'category', label: 'casebook.col.category' },
  { key: 'holder', sort: 'holderStatus', label: 'casebook.col.holder' },
  { key: 'until', sort: 'permitValidUntil', label: 'casebook.col.until' },
  { key: 'permit', sort: 'permit', label: 'casebook.col.permit' },
  { key: 'case', sort: 'case', label: 'casebook.col.case' },
  { key: 'next', sort: 'next', label: 'casebook.col.next' },
];

function openRow(r: CaseBookRow) {
  navigate(r.latestCase ? { name: 'case', id: r.latestCase.id } : { name: 'employee', id: r.id });
}

/** The table's default view: no filter, next deadline first (what the first screen can show before every row is read). */
function isDefaultView(s: TableState): boolean {
  return s.sort === 'next' && !s.descending && !Object.values(s.filter).some((v) => v !== undefined && v !== '');
}

/**
 * `rows`: every row (undefined while the full read runs). `first`: the first screen of the default view meanwhile
 * (use-casebook-data.ts): shown only while no filter or other order is asked for, so counts, filters and 「无结果」
 * are always over every row.
 */
export function EmployeeTable({ rows, first, state, setState, today }: { rows: CaseBookRow[] | undefined; first?: FirstScreen; state: TableState; setState: (s: TableState) => void; today: string }) {
  const t = useT();
  const lang = useLang();
  const gridId = useId();
  const filterStart = useRef<number | null>(null);
  const ready = useRef(false);
  const deferredText = useDeferredValue(state.filter.text ?? '');
  const [adding, setAdding] = useState(false);
  const [exporting, setExporting] = useState(false);

  const defaultView = isDefaultView(state);
  const shown = useMemo(() => {
    // The first screen holds every row due by its horizon, so sorted it is exactly the table's first rows.
    if (!rows) return first && defaultView ? sortRows(first.rows, 'next') : undefined;
    return sortRows(filterRows(rows, { ...state.filter, text: deferredText }), state.sort, state.descending);
  }, [rows, first, defaultView, state.filter, deferredText, state.sort, state.descending]);
  /** Rows in the table (with a filter: matching it); while only the first screen is read, every employee. */
  const count = rows ? shown?.length : shown ? first?.total : undefined;

  useEffect(() => {
    if (!shown) return;
    if (!ready.current) {
      ready.current = true;
      performance.mark('jzz:casebook:table-ready', { detail: { rows: shown.length } });
    }
    if (filterStart.current !== null) {
      performance.measure('jzz:casebook:filter', { start: filterStart.current, end: performance.now(), detail: { rows: shown.length } });
      filterStart.current = null;
    }
  }, [shown]);

  const stateRef = useRef(state);
  stateRef.current = state;
  const onOpenRow = useCallback((i: number, r: CaseBookRow) => {
    setState({ ...stateRef.current, active: i });
    openRow(r);
  }, [setState]);

  const update = (patch: Partial<TableState>) => {
    filterStart.current = performance.now();
    setState({ ...state, active: 0, ...patch });
  };
  const setFilter = (patch: Partial<RowFilter>) => update({ filter: { ...state.filter, ...patch } });
  const active = Math.min(state.active, Math.max(0, (shown?.length ?? 1) - 1));
  const activeRow = shown?.[active];
  const filtered = Object.values(state.filter).some((v) => v !== undefined && v !== '');

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!shown?.length) return;
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 15, PageUp: -15, Home: -Infinity, End: Infinity };
    if (e.key in step) {
      e.preventDefault();
      setState({ ...state, active: Math.max(0, Math.min(shown.length - 1, active + step[e.key])) });
    } else if (e.key === 'Enter' && activeRow) {
      e.preventDefault();
      openRow(activeRow);
    }
  };

  const sortBy = (key: SortKey) => update({ sort: key, descending: state.sort === key ? !state.descending : false });

  const header = (
    <div className="cb-row cb-head" role="row" aria-rowindex={1} style={{ position: 'sticky', top: 0, zIndex: 1, height: ROW_HEIGHT }}>
      {COLUMNS.map((c) => (
        <div key={c.key} role="columnheader" className={`cb-cell cb-${c.key}`} aria-sort={c.sort && state.sort === c.sort ? (state.descending ? 'descending' : 'ascending') : undefined}>
          {c.sort ? (
            <button type="button" className="cb-sort" onClick={() => sortBy(c.sort!)} data-testid={`sort-${c.key}`}>
              {t(c.label)}
              <span aria-hidden="true">{state.sort === c.sort ? (state.descending ? ' ▼' : ' ▲') : ''}</span>
            </button>
          ) : (
            t(c.label)
          )}
        </div>
      ))}
    </div>
  );

  return (
    <section className="cb-table-page" aria-label={t('casebook.nav.table')}>
      <div className="cb-toolbar" role="search">
        <input
          type="search"
          className="cb-search"
          placeholder={t('casebook.filter.search')}
          aria-label={t('casebook.filter.search')}
          value={state.filter.text ?? ''}
          onChange={(e) => setFilter({ text: e.target.value })}
          data-testid="filter-text"
        />
        <FilterSelect label={t('casebook.filter.holder')} value={state.filter.holderStatus ?? ''} onChange={(v) => setFilter({ holderStatus: v as Employee['holderStatus'] })} testId="filter-holder"
          options={HOLDER_STATUSES.map((s) => ({ value: s, label: holderLabel(lang, s) }))} />
        <FilterSelect label={t('casebook.filter.permit')} value={state.filter.permit ?? ''} onChange={(v) => setFilter({ permit: v as RowFilter['permit'] })} testId="filter-permit"
          options={[
            { value: 'window-open', label: t('casebook.filter.windowOpen') },
            ...(['not-yet-open', 'closing-soon', 'missed', 'expired'] as const).map((s) => ({ value: s, label: permitStateLabel(lang, s) })),
          ]} />
        <FilterSelect label={t('casebook.filter.business')} value={state.filter.business ?? ''} onChange={(v) => setFilter({ business: v as RowFilter['business'] })} testId="filter-business"
          options={BUSINESSES.map((b) => ({ value: b, label: businessLabel(lang, b) }))} />
        <FilterSelect label={t('casebook.filter.caseStatus')} value={state.filter.caseStatus ?? ''} onChange={(v) => setFilter({ caseStatus: v as RowFilter['caseStatus'] })} testId="filter-status"
          options={[{ value: 'no-case', label: t('casebook.filter.noCase') }, ...CASE_STATUSES.map((s) => ({ value: s, label: caseStatusLabel(lang, s) }))]} />
        <FilterSelect label={t('casebook.filter.category')} value={state.filter.category ?? ''} onChange={(v) => setFilter({ category: v as RowFilter['category'] })} testId="filter-category"
          options={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(lang, c) }))} />
        <label className="cb-within">
          {t('casebook.filter.within')}
          <input
            type="number"
            min={0}
            max={250}
            inputMode="numeric"
            value={state.filter.withinWorkdays ?? ''}
            onChange={(e) => {
              const n = e.target.value === '' ? undefined : Math.max(0, Math.min(250, Math.floor(Number(e.target.value))));
              setFilter({ withinWorkdays: Number.isFinite(n) ? n : undefined });
            }}
            data-testid="filter-within"
          />
          {t('casebook.filter.withinUnit')}
        </label>
        {filtered ? (
          <button type="button" onClick={() => update({ filter: {} })} data-testid="filter-clear">
            {t('casebook.filter.clear')}
          </button>
        ) : null}
        <span className="cb-count" aria-live="polite" data-testid="row-count" data-count={rows ? (shown?.length ?? '') : ''}>
          {count !== undefined ? t('casebook.count', { shown: count, total: rows?.length ?? first!.total }) : t('common.loading')}
        </span>
        <span className="cb-spacer" />
        <label className="cb-check">
          <input type="checkbox" checked={state.reveal} onChange={(e) => setState({ ...state, reveal: e.target.checked })} data-testid="reveal-ids" />
          {t('casebook.revealIds')}
        </label>
        <button
          type="button"
          disabled={!rows || !shown?.length}
          onClick={() => rows && shown && downloadText(`jzz-casebook-${today}.csv`, caseBookCsv(shown, { lang, revealIds: state.reveal }), 'text/csv;charset=utf-8')}
          data-testid="export-csv"
        >
          {t('casebook.exportCsv')}
        </button>
        <button
          type="button"
          disabled={!rows || !shown?.length || exporting}
          onClick={async () => {
            if (!rows || !shown) return;
            setExporting(true);
            try {
              // exceljs loads on the first Excel export, not with the table.
              const { caseBookXlsx } = await import('./casebook-xlsx');
              downloadBytes(`jzz-casebook-${today}.xlsx`, await caseBookXlsx(shown, { lang, revealIds: state.reveal }), XLSX_MIME);
            } finally {
              setExporting(false);
            }
          }}
          data-testid="export-xlsx"
        >
          {exporting ? t('common.loading') : t('casebook.exportXlsx')}
        </button>
        <button type="button" className="primary" onClick={() => setAdding(!adding)} aria-expanded={adding} data-testid="add-employee">
          {t('casebook.add')}
        </button>
      </div>
      {adding ? <AddEmployee onDone={() => setAdding(false)} /> : null}
      {rows?.length && shown?.length === 0 ? (
        <p className="muted" role="status" data-testid="casebook-no-results">
          {t('casebook.noResults', { total: rows.length })}
        </p>
      ) : null}
      {rows && rows.length === 0 ? (
        <div className="cb-empty" data-testid="casebook-empty">
          <p>{t('casebook.empty')}</p>
          <p>
            <a href="#/import">{t('casebook.empty.import')}</a> · <button type="button" className="linklike" onClick={() => setAdding(true)}>{t('casebook.add')}</button>
          </p>
        </div>
      ) : (
        <VirtualList
          id={gridId}
          className="cb-grid"
          role="grid"
          aria-label={t('casebook.grid')}
          aria-rowcount={(count ?? 0) + 1}
          aria-activedescendant={activeRow ? `${gridId}-r-${activeRow.id}` : undefined}
          tabIndex={0}
          onKeyDown={onKeyDown}
          data-testid="casebook-grid"
          data-ready={rows && shown ? 'true' : 'false'}
          data-first-screen={!rows && shown ? 'true' : undefined}
          items={shown ?? []}
          rowHeight={ROW_HEIGHT}
          headerHeight={ROW_HEIGHT}
          activeIndex={active}
          header={header}
          renderRow={(r, i) => <Row key={r.id} id={`${gridId}-r-${r.id}`} row={r} index={i} reveal={state.reveal} active={i === active} onOpen={onOpenRow} today={today} />}
        />
      )}
    </section>
  );
}

function FilterSelect({ label, value, onChange, options, testId }: { label: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; testId: string }) {
  return (
    <select aria-label={label} title={label} value={value} onChange={(e) => onChange(e.target.value)} className={value ? 'cb-filter on' : 'cb-filter'} data-testid={testId}>
      <option value="">{label}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** One row; memoised so that scrolling renders only the rows that come into view. */
const Row = memo(function Row({ id, row, index, reveal, active, onOpen, today }: { id: string; row: CaseBookRow; index: number; reveal: boolean; active: boolean; onOpen: (i: number, r: CaseBookRow) => void; today: string }) {
  const t = useT();
  const lang = useLang();
  const e = row.employee;
  const c = row.latestCase;
  const p = row.permit;
  const n = row.next;
  const category = filingCategory(c, e);
  return (
    <div id={id} role="row" aria-rowindex={index + 2} aria-selected={active} className={`cb-row${active ? ' active' : ''}`} style={{ position: 'absolute', top: index * ROW_HEIGHT, height: ROW_HEIGHT, left: 0, right: 0 }} onClick={() => onOpen(index, row)} data-testid="casebook-row" data-employee-id={e.id}>
      <div role="gridcell" className="cb-cell cb-name" title={e.name}>{e.name}</div>
      <div role="gridcell" className="cb-cell cb-id mono">{reveal ? e.residentId : maskIdLast4(e.residentId)}</div>
      <div role="gridcell" className="cb-cell cb-category">{category ? categoryLabel(lang, category) : ''}</div>
      <div role="gridcell" className="cb-cell cb-holder"><StatusBadge tone={holderTone(e.holderStatus)}>{holderLabel(lang, e.holderStatus)}</StatusBadge></div>
      <div role="gridcell" className="cb-cell cb-until mono">{e.permitValidUntil ?? ''}</div>
      <div role="gridcell" className="cb-cell cb-permit">
        {p ? (
          <StatusBadge tone={permitTone(p.state)} testId="permit-state">
            {p.business === 'employer-change' ? t('casebook.permit.change') : ''}
            {permitStateLabel(lang, p.state)}
            {p.approximate ? <abbr title={t('common.approximate')}> ≈</abbr> : null}
          </StatusBadge>
        ) : null}
      </div>
      <div role="gridcell" className="cb-cell cb-case">
        {c ? (
          <>
            {businessLabel(lang, c.business)} · <StatusBadge tone={caseTone(c.status)}>{caseStatusLabel(lang, c.status)}</StatusBadge>
            {row.caseCount > 1 ? <span className="muted"> +{row.caseCount - 1}</span> : null}
          </>
        ) : (
          <span className="muted">{t('casebook.noCase')}</span>
        )}
      </div>
      <div role="gridcell" className="cb-cell cb-next">
        {n ? (
          <>
            <span className={n.workdaysLeft <= 5 ? 'due-soon' : ''}>{eventLabel(lang, n.kind)}</span>{' '}
            <span className="mono">{n.date}</span>{' '}
            <span className="muted">
              {workdaysText(t, n.workdaysLeft, n.date, today)}
              {n.approximate ? <abbr title={t('common.approximate')}> ≈</abbr> : null}
            </span>
          </>
        ) : null}
      </div>
    </div>
  );
});

/** Adds one employee by hand (name + ID; the rest on their page). Bad input is explained and nothing is saved. */
function AddEmployee({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [residentId, setResidentId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="cb-add card"
      onSubmit={async (ev) => {
        ev.preventDefault();
        setBusy(true);
        try {
          const e = await getRepos().employees.create({ name, residentId });
          onDone();
          navigate({ name: 'employee', id: e.id });
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
      data-testid="add-employee-form"
    >
      <label>
        {t('casebook.col.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={50} autoFocus />
      </label>
      <label>
        {t('casebook.col.id')}
        <input value={residentId} onChange={(e) => setResidentId(e.target.value)} required maxLength={40} className="mono" />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        {t('common.save')}
      </button>
      <button type="button" onClick={onDone}>
        {t('common.cancel')}
      </button>
      <ErrorText error={error} />
    </form>
  );
}
