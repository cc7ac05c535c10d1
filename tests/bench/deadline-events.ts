/**
 * Measures rules/ deadline computation for 5,000 holders through rules/'s own exports (issue #14 / #15: the one
 * working-day implementation must answer 5,000 cases in ≤ 50 ms). A script, not a test: timings are printed,
 * never asserted (the 2-core VM is shared). Run: `npx vite-node tests/bench/deadline-events.ts`.
 */
import { caseBookRows, deadlineEvents, deadlineStatus, dueReminders, DEFAULT_REMINDER_LEADS, permitDeadline, type DeadlineSnapshot } from '../../rules';
import { addDays } from '../../rules/dates';

const TODAY = '2026-12-04';
let seed = 20261204;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);

function snapshot(n: number): DeadlineSnapshot {
  const employees = Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    name: `员工${i}`,
    holderStatus: rand() < 0.85 ? ('holder' as const) : ('suspended' as const),
    // Expiries from a month ago to three years ahead: official 2026 and estimated 2027–2029.
    permitValidUntil: addDays(TODAY, Math.floor(rand() * 1125) - 30),
  }));
  const cases = employees.slice(0, n / 5).map((e, i) => ({
    id: `c${i}`,
    employeeId: e.id,
    business: 'renewal' as const,
    status: i % 3 === 0 ? ('district-review' as const) : ('collecting' as const),
    acceptedOn: i % 3 === 0 ? addDays(TODAY, -Math.floor(rand() * 40)) : undefined,
    createdAt: '2026-11-01T00:00:00.000Z',
  }));
  return { employees, cases, documents: [] };
}

function time(label: string, runs: number, f: () => unknown): number {
  const samples: number[] = [];
  for (let r = 0; r < runs; r += 1) {
    const t0 = performance.now();
    f();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  console.log(`${label.padEnd(58)} first ${samples.length ? samples[0].toFixed(1) : '-'} ms … median ${median.toFixed(1)} ms (n=${runs})`);
  return median;
}

const s = snapshot(5000);
// First call includes building the per-year prefix tables (≈ 6 years), as a fresh page would.
const t0 = performance.now();
caseBookRows(s, TODAY);
console.log(`${'caseBookRows, 5,000 holders, cold (tables built)'.padEnd(58)} ${(performance.now() - t0).toFixed(1)} ms`);
time('permitDeadline × 5,000 (rules/deadline-events.ts)', 15, () => s.employees.forEach((e) => permitDeadline(e.permitValidUntil!, TODAY, e.holderStatus === 'holder' ? 'renewal' : 'employer-change')));
time('deadlineStatus × 5,000 (rules/deadlines.ts, with texts)', 15, () => s.employees.forEach((e) => deadlineStatus(e.permitValidUntil!, TODAY, e.holderStatus === 'holder' ? 'renewal' : 'employer-change')));
time('caseBookRows, 5,000 holders', 15, () => caseBookRows(s, TODAY));
time('deadlineEvents, 5,000 holders, 13 months', 15, () => deadlineEvents(s, { from: TODAY, to: addDays(TODAY, 400) }));
time('dueReminders, 5,000 holders', 15, () => dueReminders(s, TODAY, DEFAULT_REMINDER_LEADS));
