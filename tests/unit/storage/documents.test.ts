import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { addDays } from '../../../rules/dates';
import { checkValidity, DocumentKind } from '../../../rules/validity';
import { fallsBelowRuleOn } from '../../../rules/validity';
import { makeClock, rid, useFreshDb } from './helpers';

describe('documents and the day they fall below their validity rule', () => {
  const clock = makeClock('2026-03-01T02:00:00.000Z');
  const t = useFreshDb({ now: clock.ticking });

  it('stores fallsBelowRuleOn three months before expiry for an ID card and six for a contract', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid() });
    const card = await t.repos.documents.create({ employeeId: e.id, kind: 'resident-id-card', validUntil: '2026-12-31' });
    const contract = await t.repos.documents.create({ employeeId: e.id, kind: 'labour-contract', validUntil: '2026-12-31' });
    expect(card.fallsBelowRuleOn).toBe('2026-10-01');
    expect(contract.fallsBelowRuleOn).toBe('2026-07-01');
  });

  it('handles month ends: a contract valid until 28 Feb falls below on 1 September', () => {
    expect(fallsBelowRuleOn('labour-contract', '2027-02-28')).toBe('2026-09-01');
    expect(fallsBelowRuleOn('resident-id-card', '2026-04-30')).toBe('2026-02-01');
    expect(fallsBelowRuleOn('lease-contract', '2028-02-29')).toBe('2027-09-01');
  });

  it('agrees with rules/validity on both sides of the day, for any date and kind', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 12 }),
        fc.constantFrom(...DocumentKind.options),
        (offset, kind) => {
          const validUntil = addDays('2020-01-01', offset);
          const due = fallsBelowRuleOn(kind, validUntil)!;
          expect(checkValidity({ kind, validUntil }, addDays(due, -1)).ok).toBe(true);
          expect(checkValidity({ kind, validUntil }, due).ok).toBe(false);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('has no fallsBelowRuleOn for a long-term document or one without a date', async () => {
    const d1 = await t.repos.documents.create({ kind: 'resident-id-card', validUntil: 'long-term' });
    const d2 = await t.repos.documents.create({ kind: 'business-licence' });
    expect(d1.fallsBelowRuleOn).toBeUndefined();
    expect(d2.fallsBelowRuleOn).toBeUndefined();
  });

  it('recomputes the day when the date or the kind changes, and drops it when the date is cleared', async () => {
    const d = await t.repos.documents.create({ kind: 'resident-id-card', validUntil: '2026-12-31' });
    expect((await t.repos.documents.update(d.id, { kind: 'other-contract' })).fallsBelowRuleOn).toBe('2026-07-01');
    expect((await t.repos.documents.update(d.id, { validUntil: '2027-06-30' })).fallsBelowRuleOn).toBe('2027-01-01');
    const cleared = await t.repos.documents.update(d.id, { validUntil: null });
    expect(cleared.fallsBelowRuleOn).toBeUndefined();
    expect((await t.repos.documents.get(d.id))?.fallsBelowRuleOn).toBeUndefined();
  });

  it('gives a case document the case\'s employee and refuses a mismatched one', async () => {
    const a = await t.repos.employees.create({ name: '甲', residentId: rid('1990-01-01', 1) });
    const b = await t.repos.employees.create({ name: '乙', residentId: rid('1990-01-01', 2) });
    const c = await t.repos.cases.create({ employeeId: a.id, business: 'renewal' });
    expect((await t.repos.documents.create({ caseId: c.id, kind: 'lease-contract' })).employeeId).toBe(a.id);
    await expect(t.repos.documents.create({ caseId: c.id, employeeId: b.id, kind: 'other' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(t.repos.documents.create({ caseId: 'nope', kind: 'other' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(t.repos.documents.create({ kind: 'diploma' as never })).rejects.toMatchObject({ code: 'invalid' });
    expect((await t.repos.documents.listFor({ employeeId: a.id })).length).toBe(1);
    expect((await t.repos.documents.listFor({ caseId: c.id })).length).toBe(1);
  });

  it('answers "falls below within N days" from the index, soonest first', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid() });
    const mk = (validUntil: string, kind: 'resident-id-card' | 'labour-contract' = 'resident-id-card') =>
      t.repos.documents.create({ employeeId: e.id, kind, validUntil });
    const past = await mk('2026-04-15'); // fell below on 2026-01-16
    const soon = await mk('2026-06-10'); // 2026-03-11
    const edge = await mk('2026-06-30'); // 2026-04-01 = today + 30 (03-31 + 3 months is still 06-30)
    await mk('2026-07-01'); // 2026-04-02: day 31
    const contract = await mk('2026-09-15', 'labour-contract'); // 2026-03-16
    await mk('long-term');
    const where = vi.spyOn(t.db.documents, 'where');
    const scan = vi.spyOn(t.db.documents, 'toCollection');
    const due = await t.repos.documents.fallingBelowWithin(30, { today: '2026-03-02' });
    expect(due.map((d) => d.id)).toEqual([past.id, soon.id, contract.id, edge.id]);
    expect(where).toHaveBeenCalledWith('fallsBelowRuleOn');
    expect(scan).not.toHaveBeenCalled();
    const upcoming = await t.repos.documents.fallingBelowWithin(30, { today: '2026-03-02', includeAlreadyBelow: false });
    expect(upcoming.map((d) => d.id)).toEqual([soon.id, contract.id, edge.id]);
    // default "today" is the clock's day in Beijing (2026-03-01): the window ends on 03-31
    expect((await t.repos.documents.fallingBelowWithin(30)).map((d) => d.id)).toEqual([past.id, soon.id, contract.id]);
  });

  it('deletes a document with an audit entry that keeps no content', async () => {
    const d = await t.repos.documents.create({ kind: 'other', note: '私密' });
    await t.repos.documents.remove(d.id);
    expect(await t.repos.documents.get(d.id)).toBeUndefined();
    const [last] = await t.repos.audit.list({ limit: 1 });
    expect(last).toMatchObject({ op: 'delete', table: 'documents', recordId: d.id });
    expect(JSON.stringify(last)).not.toContain('私密');
  });
});
