/**
 * A backup made after an employee was deleted holds nothing of theirs: not their name, resident ID (nor its
 * reversed index form), phone, note text, captured portal values, nor their record ids — in the full backup,
 * the encrypted one (once decrypted) and the masked export alike.
 */
import { describe, expect, it } from 'vitest';
import { exportBackup, readBackup } from '../../../storage/backup';
import { reverseString } from '../../../storage/derive';
import { makeClock, rid, useFreshDb } from './helpers';

describe('a backup made after deleting an employee', () => {
  const t = useFreshDb({ now: makeClock().ticking });

  async function seedGone() {
    const residentId = rid('1986-09-17', 457);
    const employee = await t.repos.employees.create({ name: '欧阳清秋', residentId, phone: '13987654321', holderStatus: 'holder', permitValidUntil: '2027-06-30', notes: '员工备注：女儿在大兴一小' });
    const kase = await t.repos.cases.create({ employeeId: employee.id, business: 'renewal', facts: { housing: 'rented' } });
    const doc = await t.repos.documents.create({ caseId: kase.id, kind: 'lease-contract', validUntil: '2026-12-31', label: '清秋的租房合同' });
    await t.repos.ticks.set(kase.id, 'renewal.hukou', { state: 'ready' });
    const note = await t.repos.notes.add({ employeeId: employee.id, text: '户口本在清秋家里，周三取' });
    const caseNote = await t.repos.notes.add({ caseId: kase.id, text: '社保断缴两个月需说明' });
    await t.repos.drafts.saveCaptured({ employeeId: employee.id, caseId: kase.id, module: 'person-basic-info', fields: { 'basic.address': '北京市大兴区清秋路88号' } });
    await t.repos.employees.update(employee.id, { phone: '13987654322' });
    const secrets = [
      '欧阳清秋', residentId, reverseString(residentId), residentId.slice(6, 14), '13987654321', '13987654322',
      '员工备注：女儿在大兴一小', '清秋的租房合同', '户口本在清秋家里，周三取', '社保断缴两个月需说明', '北京市大兴区清秋路88号',
      employee.id, kase.id, doc.id, note.id, caseNote.id,
    ];
    return { employee, secrets };
  }

  it('contains none of their data, while the other employees are all still there', async () => {
    const { employee, secrets } = await seedGone();
    const stays = await t.repos.employees.create({ name: '李娜', residentId: rid('1991-04-08', 124), phone: '13800000000' });
    await t.repos.notes.add({ employeeId: stays.id, text: '李娜的备注' });

    // The same export before the deletion does contain every one of them, so the search below can fail.
    const before = (await exportBackup(t.db)).text;
    for (const s of secrets) expect(before).toContain(s);

    await t.repos.employees.remove(employee.id);
    const full = await exportBackup(t.db);
    const masked = await exportBackup(t.db, { mask: true });
    const encrypted = await exportBackup(t.db, { passphrase: 'correct horse 8' });
    const decrypted = JSON.stringify(await readBackup(encrypted.text, { passphrase: 'correct horse 8' }));
    for (const text of [full.text, masked.text, decrypted]) {
      for (const s of secrets) expect(text, s).not.toContain(s);
      expect(text).toContain('李娜');
    }
    expect(full.text).toContain('李娜的备注');
    expect(full.counts).toMatchObject({ employees: 1, cases: 0, documents: 0, ticks: 0, notes: 1, drafts: 0 });
    // The one audit entry about the deletion is counts only.
    const erase = (JSON.parse(full.text) as { tables: { audit: { op: string; after: object }[] } }).tables.audit.filter((a) => a.op === 'erase');
    expect(erase).toHaveLength(1);
    expect(Object.keys(erase[0].after).sort()).toEqual(['auditEntries', 'cases', 'deleted', 'documents', 'drafts', 'employees', 'notes', 'ticks']);
  });
});
