/**
 * Case book figures (issue #8: first render with 5,000 employees ≤ 500 ms, filter ≤ 50 ms).
 *
 * The harness was written before the case book existed: while `caseBook.measure` is absent the bench reports
 * "not measured: case book not built yet" for both rows — never a made-up number. The case book then landed
 * (components/casebook, commit 531f1f2) with two performance entries meant for this bench, and `measure`
 * below is the one function that reads them:
 * - `jzz:casebook:table-ready` (mark, EmployeeTable.tsx): the first rows with data are on screen; its
 *   startTime counts from the navigation to casebook.html, so it includes loading the page, reading the
 *   database (`jzz:casebook:data-loaded`) and the first commit of the virtualised table;
 * - `jzz:casebook:filter` (measure) is NOT used: the table filters through useDeferredValue, and the measure
 *   ends at the urgent commit, which still shows the previous rows (its detail.rows is the previous filter's
 *   count). The filter time is taken here instead: from setting the search box's value (an input event, as
 *   typing does) to the last DOM change in the grid (MutationObserver), once it has been quiet for 300 ms.
 *
 * When it runs, the extension's own database (jzz-assistant, in the bench's throwaway profile) holds the
 * 5,000 employees and 20,000 documents imported by the storage step (tests/bench/seed-db.ts seed).
 */
import type { BrowserContext } from '@playwright/test';

export interface CaseBookEnv {
  context: BrowserContext;
  extensionId: string;
  /** What the extension's database holds when `measure` runs. */
  employees: number;
  documents: number;
}

export interface CaseBookResult {
  /** Opening casebook.html until the table shows its first rows, per run. */
  firstRenderMs: number[];
  /** Typing a filter until the table shows the filtered rows, per run. */
  filterMs: number[];
  note?: string;
}

export const caseBook: { measure?: (env: CaseBookEnv) => Promise<CaseBookResult> } = {};

/** In the page: sets the search box as typing does and times the grid until it settles. */
async function filterOnce(text: string): Promise<{ ms: number | null; rows: string }> {
  const input = document.querySelector<HTMLInputElement>('[data-testid="filter-text"]');
  const grid = document.querySelector('[role="grid"][aria-rowcount]');
  if (!input || !grid) throw new Error('no search box or grid on casebook.html');
  let last = 0;
  const mo = new MutationObserver(() => {
    last = performance.now();
  });
  mo.observe(grid, { childList: true, subtree: true, characterData: true, attributes: true });
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const t0 = performance.now();
  setValue.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise<void>((resolve) => {
    const check = () => {
      const now = performance.now();
      if ((last > 0 && now - last > 300) || now - t0 > 15_000) resolve();
      else setTimeout(check, 25);
    };
    setTimeout(check, 25);
  });
  mo.disconnect();
  const count = Number(grid.getAttribute('aria-rowcount')) - 1;
  return { ms: last > 0 ? last - t0 : null, rows: String(count) };
}

/** Search texts typed into the table's search box, then cleared (each change is one `jzz:casebook:filter`). */
const FILTER_TEXTS = ['王', '李', '1234', '张伟'];

caseBook.measure = async ({ context, extensionId, employees }) => {
  const firstRenderMs: number[] = [];
  const filterMs: number[] = [];
  const loadedMs: number[] = [];
  const filtered: string[] = [];
  const stages: string[] = [];
  let rows = -1;
  for (let run = 0; run < 3; run++) {
    const page = await context.newPage();
    try {
      await page.goto(`chrome-extension://${extensionId}/casebook.html`);
      const ready = await page.waitForFunction(
        () => {
          const m = performance.getEntriesByName('jzz:casebook:table-ready')[0] as PerformanceMark | undefined;
          const d = performance.getEntriesByName('jzz:casebook:data-loaded')[0];
          const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
          return m ? { at: m.startTime, rows: (m.detail as { rows?: number } | null)?.rows ?? -1, loaded: d?.startTime ?? NaN, script: at('jzz:casebook:script'), qs: at('jzz:casebook:query-start') } : null;
        },
        null,
        { timeout: 60_000 },
      );
      const r = (await ready.jsonValue())!;
      // Table-ready is the first screen (storage/snapshot.ts loadFirstScreen); the filter needs every row.
      await page.waitForSelector('[data-testid="casebook-grid"][data-ready="true"]', { timeout: 60_000 });
      r.loaded = await page.evaluate(() => performance.getEntriesByName('jzz:casebook:data-loaded')[0]?.startTime ?? NaN);
      firstRenderMs.push(r.at);
      loadedMs.push(r.loaded);
      stages.push(`script ${Math.round(r.script)}, first query from ${Math.round(r.qs)}, first screen ${Math.round(r.at)}, every row ${Math.round(r.loaded)}`);
      rows = r.rows;
      for (const text of [...FILTER_TEXTS, '']) {
        const f = await page.evaluate(filterOnce, text);
        if (f.ms === null) throw new Error(`typing 「${text}」 changed nothing in the case book's grid`);
        filterMs.push(f.ms);
        filtered.push(`「${text}」→${f.rows}`);
      }
    } finally {
      await page.close();
    }
  }
  const sorted = [...loadedMs].sort((a, b) => a - b);
  return {
    firstRenderMs,
    filterMs,
    note:
      `casebook.html over ${employees.toLocaleString('en')} employees: performance mark jzz:casebook:table-ready (the first screen of rows, from the first query: storage/snapshot.ts loadFirstScreen, ${rows} rows due first) from navigation start, 3 page loads (the first one ${Math.round(firstRenderMs[0])} ms); ` +
      `every row (the full read, jzz:casebook:data-loaded) at ${Math.round(sorted[1] ?? NaN)} ms (median). Per load, ms from navigation start: ${stages.join('; ')}. ` +
      `Filter: input event on the search box → last DOM change of the grid (MutationObserver, quiet 300 ms), typing and clearing per load; rows shown after each (first load): ${filtered.slice(0, FILTER_TEXTS.length + 1).join(', ')}. ` +
      `(The page's own jzz:casebook:filter measure ends one render early, at the urgent commit of useDeferredValue, so it is not used.)`,
  };
};

/** What casebook.html shows today over the seeded database (for the "not measured" row's note). */
export async function probeCaseBook(env: CaseBookEnv): Promise<string> {
  const page = await env.context.newPage();
  try {
    await page.goto(`chrome-extension://${env.extensionId}/casebook.html`);
    await page.waitForTimeout(1_500);
    const rows = await page.evaluate(() => document.querySelectorAll('tr, [role="row"]').length);
    return `casebook.html over a database of ${env.employees.toLocaleString('en')} employees shows ${rows} table row(s)`;
  } catch (e) {
    return `casebook.html could not be opened: ${(e as Error).message.split('\n')[0]}`;
  } finally {
    await page.close();
  }
}
