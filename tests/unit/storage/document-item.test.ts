/** A document may name the checklist item it belongs to (the side panel's validity field per item). */
import { describe, expect, it } from 'vitest';
import { isStorageError } from '../../../storage/errors';
import { makeClock, rid, useFreshDb } from './helpers';

describe('documents linked to a checklist item', () => {
  const t = useFreshDb({ now: makeClock('2026-11-01T02:00:00.000Z').ticking });

  it('keeps the item id, lists it with the case, and leaves it alone on update', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid() });
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'new-permit' });
    const d = await t.repos.documents.create({ caseId: c.id, itemId: 'housing-lease-contract', kind: 'lease-contract', validUntil: '2027-08-31' });
    expect(d.itemId).toBe('housing-lease-contract');
    const updated = await t.repos.documents.update(d.id, { validUntil: '2027-12-31' });
    expect(updated.itemId).toBe('housing-lease-contract');
    expect((await t.repos.documents.listFor({ caseId: c.id })).map((x) => x.itemId)).toEqual(['housing-lease-contract']);
  });

  it('refuses an item id outside the safe alphabet and writes nothing', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid() });
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'new-permit' });
    const err = await t.repos.documents.create({ caseId: c.id, itemId: '<script>', kind: 'other' }).catch((x) => x);
    expect(isStorageError(err) && err.code).toBe('invalid');
    expect(await t.repos.documents.listFor({ caseId: c.id })).toEqual([]);
  });
});
