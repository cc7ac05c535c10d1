/**
 * Model-based fuzz of the repositories (fast-check): random sequences of creates, updates and deletes of
 * employees, cases, notes, checklist ticks, documents, captured drafts and settings, bad input of every kind,
 * backup → restore round-trips, tampered backups and transactions aborted half-way, each checked against a
 * plain in-memory model after every command:
 * - the tables hold exactly what the model holds (no orphan row survives an employee or case deletion);
 * - the audit log has one entry per effective write, per employee, and an employee's deletion leaves one
 *   counts-only entry;
 * - a backup restored into an empty database equals the dump it was made from;
 * - the only exceptions are the app's StorageError, with the code the model predicts and a message in both
 *   languages; a refused or aborted write changes nothing.
 * Counts go to tests/soak/.storage-results.json for tests/soak/run.mjs.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { makeResidentId, normalizePersonName } from '../../rules/identity';
import { openDb, type JzzDb } from '../../storage/db';
import { createRepos, type Repos } from '../../storage/repos';
import { dumpAll, type Dump } from '../../storage/dump';
import { exportBackup, importBackup, BACKUP_TABLES } from '../../storage/backup';
import { StorageError, type StorageErrorCode } from '../../storage/errors';

// ───────────────────────────── counts ─────────────────────────────

const stats = {
  runs: 0,
  commands: 0,
  badInputs: 0,
  refusals: {} as Record<string, number>,
  abortedTransactions: 0,
  roundTrips: 0,
  tamperedBackupsRefused: 0,
  employeeErasures: 0,
  invariantChecks: 0,
};

// ───────────────────────────── the model ─────────────────────────────

interface Model {
  employees: Map<string, { name: string; residentId: string; phone?: string; notes?: string }>;
  cases: Map<string, { employeeId: string }>;
  notes: Map<string, { owner: string; caseId?: string; text: string }>;
  ticks: Map<string, { caseId: string; state: string }>;
  documents: Map<string, { caseId: string; owner: string; validUntil: string }>;
  drafts: Map<string, { employeeId: string; address: string }>;
  settings: { stored: boolean; language: 'zh-CN' | 'en' };
  /** Audit entries per employee they are about ('' for none). */
  audit: Map<string, number>;
}
interface Real {
  db: JzzDb;
  repos: Repos;
}

const emptyModel = (): Model => ({
  employees: new Map(),
  cases: new Map(),
  notes: new Map(),
  ticks: new Map(),
  documents: new Map(),
  drafts: new Map(),
  settings: { stored: false, language: 'zh-CN' },
  audit: new Map(),
});
const audited = (m: Model, owner = '') => m.audit.set(owner, (m.audit.get(owner) ?? 0) + 1);
const pick = <T>(map: Map<string, T>, n: number): string | undefined => (map.size ? [...map.keys()][n % map.size] : undefined);
/** An id that names nothing (well-formed, so the repositories answer "not found" rather than "invalid"). */
const missing = () => globalThis.crypto.randomUUID();

// ───────────────────────────── inputs ─────────────────────────────

const VALID_IDS = Array.from({ length: 24 }, (_, i) => makeResidentId({ region: '110115', birthDate: `19${70 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`, sequence: 100 + i }));
const BAD_IDS = ['', '12345', VALID_IDS[0].slice(0, 17), `${VALID_IDS[1].slice(0, 17)}${VALID_IDS[1].endsWith('0') ? '1' : '0'}`, 'ABCDEFGHIJKLMNOPQR', '110115199013451234'];
const NAMES = ['张伟', '李娜', '王芳', '欧阳清秋', 'Anna Müller', '阿卜杜拉·买买提', '  赵 六  '];
const BAD_NAMES = ['', '    ', '长'.repeat(51)];
const PHONES = ['13812345678', '010-6789 1234', '+86 139 0000 1111'];
const BAD_PHONES = ['abc', '12', '1'.repeat(31)];
/** Mostly an existing record; one time in eight one that is not there. */
const rarely = fc.nat(7).map((x) => x === 0);
const TEXTS = ['户口本首页已收到', '社保缺 2 个月', 'Lease renewed; ask landlord for ID copy', '  前后有空格  ', '多行\n备注'];
const BAD_TEXTS = ['', '   ', 'x'.repeat(10_001)];
const ITEMS = ['renewal.hukou', 'photo', 'lease:1', 'labour-contract'];
const BAD_ITEMS = ['!bad', '', ' space'];
const STATES = ['todo', 'ready', 'uploaded', 'na'] as const;
const KINDS = ['lease-contract', 'labour-contract', 'resident-id-card'] as const;
const DATES = ['2026-12-31', '2027-06-30', '2028-02-29', 'long-term'];
const BAD_DATES = ['2026-02-30', '31/12/2026', '2026-13-01'];

/** Runs a call the model says must fail: it must throw StorageError(code) with both languages and change nothing. */
async function refused(r: Real, code: StorageErrorCode | 'any', call: () => Promise<unknown>) {
  const before = await dumpAll(r.db);
  let error: unknown;
  try {
    await call();
  } catch (e) {
    error = e;
  }
  if (error === undefined) throw new Error(`expected StorageError(${code}), the call succeeded`);
  if (!(error instanceof StorageError)) throw new Error(`expected StorageError(${code}), got ${String(error)}`);
  if (code !== 'any' && error.code !== code) throw new Error(`expected StorageError(${code}), got ${error.code}: ${error.message}`);
  if (!/[\u4e00-\u9fff]/.test(error.zh) || !/[A-Za-z]/.test(error.en)) throw new Error(`message not bilingual: ${error.message}`);
  stats.badInputs += 1;
  stats.refusals[error.code] = (stats.refusals[error.code] ?? 0) + 1;
  expect(await dumpAll(r.db)).toEqual(before);
}

// ───────────────────────────── invariants ─────────────────────────────

const ids = (rows: unknown[], key = 'id') => rows.map((x) => String((x as Record<string, unknown>)[key])).sort();

async function checkInvariants(m: Model, r: Real): Promise<void> {
  stats.invariantChecks += 1;
  const d = await dumpAll(r.db);
  type R = Record<string, string | undefined>;
  const emps = d.employees as R[];
  expect(ids(emps)).toEqual([...m.employees.keys()].sort());
  for (const e of emps) {
    const want = m.employees.get(e.id!)!;
    expect({ name: e.name, residentId: e.residentId, phone: e.phone, notes: e.notes }).toEqual({ ...want });
  }
  expect(ids(d.cases)).toEqual([...m.cases.keys()].sort());
  expect(ids(d.notes)).toEqual([...m.notes.keys()].sort());
  for (const n of d.notes as R[]) expect(n.text).toBe(m.notes.get(n.id!)!.text);
  expect((d.ticks as R[]).map((t) => `${t.caseId}|${t.itemId}=${t.state}`).sort()).toEqual([...m.ticks].map(([k, t]) => `${k}=${t.state}`).sort());
  expect(ids(d.documents)).toEqual([...m.documents.keys()].sort());
  for (const doc of d.documents as R[]) expect(doc.validUntil).toBe(m.documents.get(doc.id!)!.validUntil);
  expect(ids(d.drafts)).toEqual([...m.drafts.keys()].sort());
  expect((d.settings as R[]).map((s) => s.language)).toEqual(m.settings.stored ? [m.settings.language] : []);

  // No orphans: everything points at an employee and a case that exist.
  const E = new Set(m.employees.keys());
  const C = new Set(m.cases.keys());
  for (const c of d.cases as R[]) expect(E.has(c.employeeId!)).toBe(true);
  for (const n of d.notes as R[]) expect((!n.employeeId || E.has(n.employeeId)) && (!n.caseId || C.has(n.caseId))).toBe(true);
  for (const t of d.ticks as R[]) expect(C.has(t.caseId!)).toBe(true);
  for (const doc of d.documents as R[]) expect((!doc.employeeId || E.has(doc.employeeId)) && (!doc.caseId || C.has(doc.caseId))).toBe(true);
  for (const dr of d.drafts as R[]) expect(E.has(dr.employeeId!) && (!dr.caseId || C.has(dr.caseId))).toBe(true);
  for (const f of d.focus as R[]) expect((!f.employeeId || E.has(f.employeeId)) && (!f.caseId || C.has(f.caseId))).toBe(true);

  // One audit entry per effective write, counted per employee; nothing left about a deleted one.
  const audit = d.audit as R[];
  const total = [...m.audit.values()].reduce((a, b) => a + b, 0);
  expect(audit.length).toBe(total);
  const byOwner = new Map<string, number>();
  for (const a of audit) byOwner.set(a.employeeId ?? '', (byOwner.get(a.employeeId ?? '') ?? 0) + 1);
  expect(Object.fromEntries([...byOwner].sort())).toEqual(Object.fromEntries([...m.audit].filter(([, n]) => n > 0).sort()));
}

// ───────────────────────────── commands ─────────────────────────────

type Run = (m: Model, r: Real) => Promise<void>;
class Cmd implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly label: string,
    readonly run0: Run,
  ) {}
  check() {
    return true;
  }
  async run(m: Model, r: Real) {
    stats.commands += 1;
    await this.run0(m, r);
    await checkInvariants(m, r);
  }
  toString() {
    return this.label;
  }
}

const createEmployee = fc
  .record({ name: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...NAMES) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_NAMES) }), rid: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...VALID_IDS) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_IDS) }), phone: fc.option(fc.constantFrom(...PHONES)) })
  .map(({ name, rid, phone }) => new Cmd(`createEmployee(${name}, ${rid}, ${phone})`, async (m, r) => {
    const input = { name, residentId: rid, ...(phone ? { phone } : {}) };
    if (BAD_NAMES.includes(name) || BAD_IDS.includes(rid)) return refused(r, 'invalid', () => r.repos.employees.create(input));
    if ([...m.employees.values()].some((e) => e.residentId === rid)) return refused(r, 'duplicate', () => r.repos.employees.create(input));
    const e = await r.repos.employees.create(input);
    // Names are stored as searched: full-width folded, spaces between Han characters dropped (rules/identity.ts).
    m.employees.set(e.id, { name: normalizePersonName(name), residentId: rid, ...(phone ? { phone } : {}) });
    audited(m, e.id);
  }));

const updateEmployee = fc
  .record({ n: fc.nat(), gone: rarely, field: fc.constantFrom('phone', 'notes', 'name', 'residentId'), value: fc.oneof(fc.constantFrom<string | null>(null), fc.constantFrom(...PHONES, ...TEXTS, ...NAMES, ...VALID_IDS.slice(0, 4))), bad: fc.boolean() })
  .map(({ n, gone, field, value, bad }) => new Cmd(`updateEmployee(${n}, ${field}=${value}, bad=${bad})`, async (m, r) => {
    const id = pick(m.employees, n);
    if (!id || gone) return refused(r, 'not-found', () => r.repos.employees.update(missing(), { notes: 'x' }));
    const current = m.employees.get(id)!;
    if (bad) {
      const patch = { phone: { phone: BAD_PHONES[n % 3] }, notes: { notes: 'x'.repeat(10_001) }, name: { name: BAD_NAMES[n % 3] }, residentId: { residentId: BAD_IDS[n % BAD_IDS.length] } }[field];
      return refused(r, 'invalid', () => r.repos.employees.update(id, patch));
    }
    // Values of the wrong kind for the field are bad input too; keep only those the field accepts.
    const ok = value === null ? field === 'phone' || field === 'notes' : field === 'phone' ? PHONES.includes(value) : field === 'name' ? NAMES.includes(value) : field === 'residentId' ? VALID_IDS.includes(value) : true;
    if (!ok) return;
    const next = value === null ? undefined : field === 'name' ? normalizePersonName(value) : (value.trim() as string);
    if (field === 'residentId' && next !== current.residentId && [...m.employees.values()].some((e) => e.residentId === next)) {
      return refused(r, 'duplicate', () => r.repos.employees.update(id, { residentId: value! }));
    }
    await r.repos.employees.update(id, { [field]: value });
    if (current[field as keyof typeof current] === next) return;
    const updated = { ...current, [field]: next };
    if (next === undefined) delete updated[field as keyof typeof updated];
    m.employees.set(id, updated);
    audited(m, id);
  }));

const removeEmployee = fc.record({ n: fc.nat(), gone: rarely }).map(({ n, gone }) => new Cmd(`removeEmployee(${n}, gone=${gone})`, async (m, r) => {
  const id = pick(m.employees, n);
  if (!id || gone) return refused(r, 'not-found', () => r.repos.employees.remove(missing()));
  const report = await r.repos.employees.remove(id);
  const caseIds = [...m.cases].filter(([, c]) => c.employeeId === id).map(([k]) => k);
  expect(report).toMatchObject({ employees: 1, cases: caseIds.length, auditEntries: m.audit.get(id) ?? 0 });
  m.employees.delete(id);
  for (const c of caseIds) m.cases.delete(c);
  for (const [k, t] of m.ticks) if (caseIds.includes(t.caseId)) m.ticks.delete(k);
  for (const [k, x] of m.notes) if (x.owner === id) m.notes.delete(k);
  for (const [k, x] of m.documents) if (x.owner === id) m.documents.delete(k);
  for (const [k, x] of m.drafts) if (x.employeeId === id) m.drafts.delete(k);
  m.audit.delete(id);
  audited(m);
  stats.employeeErasures += 1;
}));

const createCase = fc.record({ n: fc.nat(), gone: rarely }).map(({ n, gone }) => new Cmd(`createCase(${n}, gone=${gone})`, async (m, r) => {
  const employeeId = pick(m.employees, n);
  if (!employeeId || gone) return refused(r, 'not-found', () => r.repos.cases.create({ employeeId: missing(), business: 'renewal' }));
  const c = await r.repos.cases.create({ employeeId, business: n % 2 ? 'renewal' : 'new-permit' });
  m.cases.set(c.id, { employeeId });
  audited(m, employeeId);
}));

const removeCase = fc.record({ n: fc.nat(), gone: rarely }).map(({ n, gone }) => new Cmd(`removeCase(${n}, gone=${gone})`, async (m, r) => {
  const id = pick(m.cases, n);
  if (!id || gone) return refused(r, 'not-found', () => r.repos.cases.remove(missing()));
  await r.repos.cases.remove(id);
  const owner = m.cases.get(id)!.employeeId;
  m.cases.delete(id);
  for (const [k, t] of m.ticks) if (t.caseId === id) m.ticks.delete(k);
  for (const [k, x] of m.notes) if (x.caseId === id) m.notes.delete(k);
  for (const [k, x] of m.documents) if (x.caseId === id) m.documents.delete(k);
  audited(m, owner);
}));

const addNote = fc
  .record({ n: fc.nat(), onCase: fc.boolean(), text: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...TEXTS) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_TEXTS) }) })
  .map(({ n, onCase, text }) => new Cmd(`addNote(${n}, onCase=${onCase}, ${JSON.stringify(text.slice(0, 20))})`, async (m, r) => {
    const target = onCase ? pick(m.cases, n) : pick(m.employees, n);
    if (!target) return refused(r, 'not-found', () => r.repos.notes.add(onCase ? { caseId: missing(), text: 'x' } : { employeeId: missing(), text: 'x' }));
    const input = onCase ? { caseId: target, text } : { employeeId: target, text };
    if (BAD_TEXTS.includes(text)) return refused(r, 'invalid', () => r.repos.notes.add(input));
    const note = await r.repos.notes.add(input);
    const owner = onCase ? m.cases.get(target)!.employeeId : target;
    m.notes.set(note.id, { owner, ...(onCase ? { caseId: target } : {}), text: text.trim() });
    audited(m, owner);
  }));

const editNote = fc
  .record({ n: fc.nat(), del: fc.boolean(), text: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...TEXTS) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_TEXTS) }) })
  .map(({ n, del, text }) => new Cmd(`${del ? 'removeNote' : 'updateNote'}(${n})`, async (m, r) => {
    const id = pick(m.notes, n);
    if (!id) return refused(r, 'not-found', () => (del ? r.repos.notes.remove(missing()) : r.repos.notes.update(missing(), 'x')));
    const note = m.notes.get(id)!;
    if (del) {
      await r.repos.notes.remove(id);
      m.notes.delete(id);
      return void audited(m, note.owner);
    }
    if (BAD_TEXTS.includes(text)) return refused(r, 'invalid', () => r.repos.notes.update(id, text));
    await r.repos.notes.update(id, text);
    if (note.text === text.trim()) return;
    note.text = text.trim();
    audited(m, note.owner);
  }));

const tick = fc
  .record({ n: fc.nat(), item: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ITEMS) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_ITEMS) }), state: fc.constantFrom(...STATES), del: fc.boolean() })
  .map(({ n, item, state, del }) => new Cmd(`${del ? 'removeTick' : 'tick'}(${n}, ${item}, ${state})`, async (m, r) => {
    const caseId = pick(m.cases, n);
    if (!caseId) return refused(r, 'not-found', () => r.repos.ticks.set(missing(), 'photo', { state }));
    if (BAD_ITEMS.includes(item)) return refused(r, 'invalid', () => r.repos.ticks.set(caseId, item, { state }));
    const key = `${caseId}|${item}`;
    const owner = m.cases.get(caseId)!.employeeId;
    const current = m.ticks.get(key);
    if (del) {
      if (!current) return refused(r, 'not-found', () => r.repos.ticks.remove(caseId, item));
      await r.repos.ticks.remove(caseId, item);
      m.ticks.delete(key);
      return void audited(m, owner);
    }
    await r.repos.ticks.set(caseId, item, { state });
    if (current?.state === state) return;
    m.ticks.set(key, { caseId, state });
    audited(m, owner);
  }));

const document = fc
  .record({ n: fc.nat(), op: fc.constantFrom('create', 'update', 'remove'), kind: fc.constantFrom(...KINDS), date: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...DATES) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_DATES) }) })
  .map(({ n, op, kind, date }) => new Cmd(`document.${op}(${n}, ${kind}, ${date})`, async (m, r) => {
    if (op === 'create') {
      const caseId = pick(m.cases, n);
      if (!caseId) return refused(r, 'not-found', () => r.repos.documents.create({ caseId: missing(), kind, validUntil: '2027-01-01' }));
      if (BAD_DATES.includes(date)) return refused(r, 'invalid', () => r.repos.documents.create({ caseId, kind, validUntil: date }));
      const doc = await r.repos.documents.create({ caseId, kind, validUntil: date });
      const owner = m.cases.get(caseId)!.employeeId;
      m.documents.set(doc.id, { caseId, owner, validUntil: date });
      return void audited(m, owner);
    }
    const id = pick(m.documents, n);
    if (!id) return refused(r, 'not-found', () => (op === 'remove' ? r.repos.documents.remove(missing()) : r.repos.documents.update(missing(), { validUntil: '2027-01-01' })));
    const doc = m.documents.get(id)!;
    if (op === 'remove') {
      await r.repos.documents.remove(id);
      m.documents.delete(id);
      return void audited(m, doc.owner);
    }
    if (BAD_DATES.includes(date)) return refused(r, 'invalid', () => r.repos.documents.update(id, { validUntil: date }));
    await r.repos.documents.update(id, { validUntil: date });
    if (doc.validUntil === date) return;
    doc.validUntil = date;
    audited(m, doc.owner);
  }));

const capture = fc.record({ n: fc.nat(), address: fc.constantFrom('北京市大兴区兴华大街1号', '北京市大兴区黄村镇2号', '') }).map(({ n, address }) => new Cmd(`capture(${n}, ${address})`, async (m, r) => {
  const employeeId = pick(m.employees, n);
  if (!employeeId) return refused(r, 'not-found', () => r.repos.drafts.saveCaptured({ employeeId: missing(), module: 'person-basic-info', fields: { 'basic.address': 'x' } }));
  const key = `employee:${employeeId}`;
  const result = await r.repos.drafts.saveCaptured({ employeeId, module: 'person-basic-info', fields: { 'basic.address': address } });
  const current = m.drafts.get(key);
  expect(result.saved).toBe(current?.address === address ? 0 : 1);
  if (current?.address === address) return;
  m.drafts.set(key, { employeeId, address });
  audited(m, employeeId);
}));

const settings = fc.constantFrom('zh-CN', 'en', 'fr').map((language) => new Cmd(`settings(${language})`, async (m, r) => {
  if (language === 'fr') return refused(r, 'invalid', () => r.repos.settings.update({ language: language as 'en' }));
  await r.repos.settings.update({ language: language as 'en' });
  if (m.settings.stored && m.settings.language === language) return;
  m.settings = { stored: true, language: language as 'en' };
  audited(m);
}));

/** Full backup → restore into an empty database (must equal the dump) and into this one (changes nothing but one import entry). */
const roundTrip = fc.constant(null).map(() => new Cmd('backup round-trip', async (m, r) => {
  const before = await dumpAll(r.db);
  const { text } = await exportBackup(r.db, { appVersion: '0.1.0' });
  const other = openDb(`soak-restore-${globalThis.crypto.randomUUID()}`);
  try {
    await importBackup(other, text);
    const restored = await dumpAll(other);
    for (const t of BACKUP_TABLES) {
      if (t === 'audit') {
        expect(restored.audit.slice(0, -1)).toEqual(before.audit);
        expect(restored.audit.at(-1)).toMatchObject({ table: 'backup', op: 'import' });
      } else expect(restored[t]).toEqual(before[t]);
    }
  } finally {
    await other.delete();
  }
  const plan = await importBackup(r.db, text);
  for (const t of BACKUP_TABLES) expect([t, plan.tables[t].add, plan.tables[t].update]).toEqual([t, 0, 0]);
  audited(m);
  const after: Dump = await dumpAll(r.db);
  expect({ ...after, audit: after.audit.slice(0, -1) }).toEqual(before);
  stats.roundTrips += 1;
}));

/** A backup tampered with after export is refused as a whole. */
const tampered = fc.nat().map((n) => new Cmd(`tampered backup(${n})`, async (_m, r) => {
  const file = JSON.parse((await exportBackup(r.db, { appVersion: '0.1.0' })).text) as { formatVersion: number; tables: { employees: { residentId: string }[]; notes: { text: string }[] } };
  const emps = file.tables.employees;
  if (emps.length && n % 3 === 0) emps[n % emps.length].residentId = BAD_IDS[3];
  else if (file.tables.notes.length && n % 3 === 1) file.tables.notes[n % file.tables.notes.length].text = '';
  else file.formatVersion = 99;
  await refused(r, 'any', () => importBackup(r.db, JSON.stringify(file)));
  stats.tamperedBackupsRefused += 1;
}));

/** Writes made inside a transaction that then fails are all undone: the model does not move. */
const aborted = fc.record({ n: fc.nat(), ops: fc.integer({ min: 1, max: 3 }) }).map(({ n, ops }) => new Cmd(`aborted transaction(${n}, ${ops})`, async (m, r) => {
  const before = await dumpAll(r.db);
  const boom = new Error('simulated crash mid-transaction');
  const employeeId = pick(m.employees, n);
  const caseId = pick(m.cases, n);
  let caught: unknown;
  try {
    await r.db.transaction('rw', r.db.tables, async () => {
      for (let i = 0; i < ops; i += 1) {
        if (employeeId && i === 0) await r.repos.employees.update(employeeId, { notes: `中途失败 ${n}` });
        else if (caseId && i === 1) await r.repos.ticks.set(caseId, 'photo', { state: 'uploaded' });
        else await r.repos.settings.update({ language: n % 2 ? 'en' : 'zh-CN' });
      }
      if (employeeId && n % 2) await r.repos.employees.remove(employeeId);
      throw boom;
    });
  } catch (e) {
    caught = e;
  }
  expect(caught).toBe(boom);
  expect(await dumpAll(r.db)).toEqual(before);
  stats.abortedTransactions += 1;
}));

const COMMANDS = [
  { weight: 8, arbitrary: createEmployee },
  { weight: 4, arbitrary: updateEmployee },
  { weight: 2, arbitrary: removeEmployee },
  { weight: 6, arbitrary: createCase },
  { weight: 2, arbitrary: removeCase },
  { weight: 5, arbitrary: addNote },
  { weight: 3, arbitrary: editNote },
  { weight: 6, arbitrary: tick },
  { weight: 4, arbitrary: document },
  { weight: 2, arbitrary: capture },
  { weight: 1, arbitrary: settings },
  { weight: 1, arbitrary: roundTrip },
  { weight: 1, arbitrary: tampered },
  { weight: 1, arbitrary: aborted },
  // fc.commands draws uniformly from its list: a weight is that many copies.
].flatMap(({ weight, arbitrary }) => Array.from({ length: weight }, () => arbitrary as fc.Arbitrary<fc.AsyncCommand<Model, Real>>));

const TARGET_COMMANDS = 2_000;

it(`${TARGET_COMMANDS}+ random repository commands agree with the model at every step`, async () => {
  let t = Date.parse('2026-03-01T02:00:00.000Z');
  const clock = () => new Date((t += 1000));
  // Runs until the target is reached (a fixed seed per round keeps failures reproducible).
  for (let round = 0; stats.commands < TARGET_COMMANDS; round += 1) {
    await fc.assert(
      fc.asyncProperty(fc.commands(COMMANDS, { maxCommands: 80, size: 'max' }), async (cmds) => {
        stats.runs += 1;
        const db = openDb(`soak-${globalThis.crypto.randomUUID()}`);
        try {
          await fc.asyncModelRun(() => ({ model: emptyModel(), real: { db, repos: createRepos(db, { now: clock }) } }), cmds);
        } finally {
          await db.delete();
        }
      }),
      { numRuns: 10, seed: 20261127 + round, endOnFailure: true },
    );
  }
  expect(stats.commands).toBeGreaterThanOrEqual(TARGET_COMMANDS);
  expect(stats.badInputs).toBeGreaterThan(0);
  expect(stats.roundTrips).toBeGreaterThan(0);
  expect(stats.abortedTransactions).toBeGreaterThan(0);
  expect(stats.employeeErasures).toBeGreaterThan(0);
});

afterAll(() => {
  fs.writeFileSync(path.join(import.meta.dirname, '.storage-results.json'), `${JSON.stringify(stats, null, 2)}\n`);
});
