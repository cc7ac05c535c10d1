/**
 * The case book's first query (storage/snapshot.ts loadFirstScreen) must show exactly the first rows the full
 * table shows in its default order: same employees, same order, same verdicts (rules/ computes both).
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../rules/dates';
import { caseBookDocumentWindow, latestExpiryDueBy, permitDeadline } from '../../../rules/deadline-events';
import { sortRows } from '../../../components/casebook/table-rows';
import { caseBookRows, loadFirstScreen, loadSnapshot } from '../../../storage/snapshot';
import type { Case } from '../../../storage/schemas';
import { seedBench, mulberry32 } from '../../bench/seed-db';
import { useFreshDb } from './helpers';

const SIZE = 40;

describe('the case book\'s first screen', () => {
  const t = useFreshDb({ now: () => new Date('2026-01-01T02:00:00.000Z') });

  const seed = async () => {
    await seedBench(t.db, { employees: 600, documentsPerEmployee: 3, seed: 11 });
    // Cases of every kind that changes a row: reviews (some overdue), filed renewals, open employer changes;
    // suspended holders with an expiry (employer change deadlines).
    const rnd = mulberry32(3);
    const employees = await t.db.employees.toArray();
    const cases: Case[] = [];
    employees.forEach((e, i) => {
      const at = `2025-${String(1 + (i % 12)).padStart(2, '0')}-10T00:00:00.000Z`;
      const base = { id: `c-${i}`, employeeId: e.id, facts: {}, createdAt: at, updatedAt: at };
      if (i % 40 === 0) cases.push({ ...base, business: 'renewal', status: 'district-review', submittedOn: addDays('2025-11-01', Math.floor(rnd() * 80)), acceptedOn: addDays('2025-11-10', Math.floor(rnd() * 80)) } as Case);
      else if (i % 40 === 1) cases.push({ ...base, business: 'renewal', status: 'locality-review', submittedOn: addDays('2025-10-01', Math.floor(rnd() * 120)) } as Case);
      else if (i % 40 === 2) cases.push({ ...base, business: 'employer-change', status: 'collecting' } as Case);
    });
    await t.db.cases.bulkAdd(cases);
    await t.db.employees.toCollection().modify((e) => {
      if (e.id.endsWith('7')) Object.assign(e, { holderStatus: 'suspended', permitValidUntil: addDays('2026-01-20', Number(e.id.slice(-3)) % 300) });
    });
  };

  for (const [today, overdue] of [['2026-01-01', true], ['2026-03-17', false], ['2026-09-30', true], ['2026-09-30', false], ['2027-02-08', false]] as const) {
    it(`on ${today}, ${overdue ? 'with documents already below their rule' : 'with every past document replaced'}: the same first ${SIZE} rows, in the same order, as the full read`, async () => {
      await seed();
      // Overdue documents come first in the table: without them, permits and reviews make the first screen.
      if (!overdue) await t.db.documents.where('fallsBelowRuleOn').below(today).delete();
      const options = { localityBufferWorkdays: 5 };
      const first = await loadFirstScreen(t.repos, today, caseBookDocumentWindow(today), options, SIZE);
      const full = caseBookRows(await loadSnapshot(t.repos, caseBookDocumentWindow(today)), today, options);
      expect(first, 'a first screen was found').toBeDefined();
      expect(first!.total).toBe(600);
      expect(first!.rows.length).toBeGreaterThanOrEqual(SIZE);
      // Far fewer employees than the full read.
      expect(first!.rows.length).toBeLessThan(600);
      const a = sortRows(first!.rows, 'next').slice(0, SIZE);
      const b = sortRows(full, 'next').slice(0, SIZE);
      expect(a.map((r) => r.id)).toEqual(b.map((r) => r.id));
      expect(a).toEqual(b);
    });
  }

  it('reads everything at once for a small case book (no first screen)', async () => {
    await seedBench(t.db, { employees: 100, documentsPerEmployee: 2, seed: 4 });
    expect(await loadFirstScreen(t.repos, '2026-01-01', caseBookDocumentWindow('2026-01-01'), undefined, SIZE)).toBeUndefined();
  });
});

describe('the bound on permit deadlines the first query relies on', () => {
  it('no renewal window opens more than 150 calendar days before expiry, for every expiry of 2024–2031', () => {
    for (let expiry = '2024-01-01'; expiry <= '2031-12-31'; expiry = addDays(expiry, 1)) {
      const opens = permitDeadline(expiry, '2023-01-02', 'renewal').opens;
      expect(opens && opens >= addDays(expiry, -150), expiry).toBe(true);
      expect(latestExpiryDueBy(opens!) >= expiry).toBe(true);
    }
  });
});
