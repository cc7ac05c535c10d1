/**
 * Every repository, through one table: a create, an update and a delete each write exactly one audit
 * entry naming the table and the record (a write that skips its audit entry fails here), and invalid
 * input is refused on update as on create, with a Chinese message, changing nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Repos } from '../../../storage/repos';
import type { AuditTable } from '../../../storage/schemas';
import { CREDIT_CODE, rid, snapshot, useFreshDb } from './helpers';

interface Row {
  /** The audit table name of the repository's rows. */
  table: AuditTable;
  /** Makes what the record needs; returns the id the audit entry must name. */
  create(r: Repos): Promise<string>;
  update(r: Repos, id: string): Promise<unknown>;
  /** An update the repository must refuse. */
  badUpdate(r: Repos, id: string): Promise<unknown>;
  /** Chinese words the refusal must say. */
  refusal: RegExp;
  /** Absent where the table has no delete of its own (the company profile and settings are one row each). */
  remove?(r: Repos, id: string): Promise<unknown>;
  /** What a delete leaves in the log: 'delete' beside the record's history, or (erasure) one anonymous 'erase' entry. */
  removedLeaves?: 'erase';
}

const person = (r: Repos, seq = 7) => r.employees.create({ name: '李娜', residentId: rid('1992-04-01', seq) });

const ROWS: Record<string, Row> = {
  company: {
    table: 'company',
    create: async (r) => (await r.company.update({ name: '北京示例科技有限公司', creditCode: CREDIT_CODE }), 'company'),
    update: (r) => r.company.update({ agentName: '周敏' }),
    badUpdate: (r) => r.company.update({ creditCode: '91110115123456789X' }),
    refusal: /统一社会信用代码无效/,
  },
  employees: {
    table: 'employees',
    create: async (r) => (await person(r)).id,
    update: (r, id) => r.employees.update(id, { phone: '13812345678' }),
    badUpdate: (r, id) => r.employees.update(id, { phone: '请问' }),
    refusal: /电话号码格式无效/,
    // Erasure: the person's own entries go with them; one anonymous 'erase' entry (counts only) stays.
    remove: (r, id) => r.employees.remove(id),
    removedLeaves: 'erase',
  },
  cases: {
    table: 'cases',
    create: async (r) => (await r.cases.create({ employeeId: (await person(r)).id, business: 'renewal' })).id,
    update: (r, id) => r.cases.update(id, { facts: { housing: 'rented' } }),
    badUpdate: (r, id) => r.cases.update(id, { submittedOn: '2026-02-30' }),
    refusal: /日期/,
    remove: (r, id) => r.cases.remove(id),
  },
  documents: {
    table: 'documents',
    create: async (r) => (await r.documents.create({ employeeId: (await person(r)).id, kind: 'resident-id-card', validUntil: '2030-01-01' })).id,
    update: (r, id) => r.documents.update(id, { validUntil: '2031-01-01' }),
    badUpdate: (r, id) => r.documents.update(id, { validUntil: '2031-13-01' }),
    refusal: /日期/,
    remove: (r, id) => r.documents.remove(id),
  },
  ticks: {
    table: 'ticks',
    create: async (r) => {
      const c = await r.cases.create({ employeeId: (await person(r)).id, business: 'new-permit' });
      await r.ticks.set(c.id, 'labour-contract', { state: 'ready' });
      return `${c.id}|labour-contract`;
    },
    update: (r, id) => r.ticks.set(id.split('|')[0], 'labour-contract', { state: 'uploaded' }),
    badUpdate: (r, id) => r.ticks.set(id.split('|')[0], 'labour-contract', { state: 'done' as never }),
    refusal: /无效|状态/,
    remove: (r, id) => r.ticks.remove(id.split('|')[0], 'labour-contract'),
  },
  notes: {
    table: 'notes',
    create: async (r) => (await r.notes.add({ employeeId: (await person(r)).id, text: '合同已收到' })).id,
    update: (r, id) => r.notes.update(id, '合同已收到，待盖章'),
    badUpdate: (r, id) => r.notes.update(id, '   '),
    refusal: /备注|必填|不能为空/,
    remove: (r, id) => r.notes.remove(id),
  },
  drafts: {
    table: 'drafts',
    create: async (r) => {
      const e = await person(r);
      return (await r.drafts.saveCaptured({ employeeId: e.id, module: 'person-basic-info', fields: { 'basic.address': '兴华大街1号' } })).draftId;
    },
    update: async (r, id) => r.drafts.saveCaptured({ employeeId: id.slice('employee:'.length), module: 'person-basic-info', fields: { 'basic.address': '兴华大街2号' } }),
    badUpdate: async (r, id) => r.drafts.saveCaptured({ employeeId: id.slice('employee:'.length), module: 'bank' as never, fields: { 'basic.address': 'x' } }),
    refusal: /无效/,
    remove: (r, id) => r.drafts.remove(id),
  },
  portalMappings: {
    table: 'portalMappings',
    create: async (r) => (await r.portalMappings.save({ kind: 'field', module: 'person-basic-info', key: 'residentId', label: '证件号' })).id,
    update: (r, id) => r.portalMappings.update(id, { label: '证件号码' }),
    // An ID number picked by mistake is not a label.
    badUpdate: (r, id) => r.portalMappings.update(id, { label: '110101199003071234' }),
    refusal: /连续数字/,
    remove: (r, id) => r.portalMappings.remove(id),
  },
  settings: {
    table: 'settings',
    create: async (r) => (await r.settings.update({ language: 'en' }), 'app'),
    update: (r) => r.settings.update({ reminders: { documents: 12 } }),
    badUpdate: (r) => r.settings.update({ reminders: { documents: -1 } }),
    refusal: /提醒/,
  },
};

describe.each(Object.entries(ROWS))('the %s repository', (_name, row) => {
  const t = useFreshDb();
  const entriesFor = async (id: string) => (await t.repos.audit.list({ table: row.table, recordId: id })).map((a) => a.op);

  it('writes exactly one audit entry for each create, update and delete', async () => {
    const id = await row.create(t.repos);
    expect(await entriesFor(id)).toEqual(['create']);
    await row.update(t.repos, id);
    expect((await entriesFor(id)).sort()).toEqual(['create', 'update']);
    if (row.remove && row.removedLeaves === 'erase') {
      await row.remove(t.repos, id);
      expect(await entriesFor(id)).toEqual([]);
      expect((await t.repos.audit.list({ table: row.table })).map((a) => a.op)).toEqual(['erase']);
    } else if (row.remove) {
      await row.remove(t.repos, id);
      expect((await entriesFor(id)).sort()).toEqual(['create', 'delete', 'update']);
    }
  });

  it('refuses invalid input on update with a Chinese message and changes nothing', async () => {
    const id = await row.create(t.repos);
    const before = await snapshot(t.db);
    const refused = await row.badUpdate(t.repos, id).then(
      () => null,
      (e: { code?: string; zh?: string; message?: string }) => e,
    );
    expect(refused, 'the bad update was accepted').not.toBeNull();
    expect(refused!.code).toBe('invalid');
    expect(refused!.zh ?? refused!.message).toMatch(row.refusal);
    expect(await snapshot(t.db)).toEqual(before);
  });
});
