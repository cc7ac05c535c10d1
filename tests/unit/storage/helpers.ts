/** Shared test helpers: a fresh database per test, a controllable clock, made-up valid IDs. */
import { afterEach, beforeEach } from 'vitest';
import { makeCreditCode, makeResidentId } from '../../../rules/identity';
import { openDb, type JzzDb } from '../../../storage/db';
import { createRepos, type Repos } from '../../../storage/repos';
import { dumpAll } from '../../../storage/dump';

/** A clock that starts at `iso` and moves only when told (each tick is one second by default). */
export function makeClock(iso = '2026-03-01T02:00:00.000Z') {
  let t = Date.parse(iso);
  const now = () => new Date(t);
  return {
    now,
    advance(ms = 1000) {
      t += ms;
    },
    /** A `now` that advances a second on every call (so every write gets a distinct timestamp). */
    ticking: () => {
      t += 1000;
      return new Date(t);
    },
  };
}

/** A valid made-up resident ID (Daxing region by default). */
export function rid(birthDate = '1990-03-07', sequence = 123, region = '110115'): string {
  return makeResidentId({ region, birthDate, sequence });
}

export const CREDIT_CODE = makeCreditCode({ orgBody: '12345678' });
export const OTHER_CREDIT_CODE = makeCreditCode({ orgBody: '87654321' });

/** Registers beforeEach/afterEach that give every test its own database; returns accessors. */
export function useFreshDb(options: { now?: () => Date } = {}) {
  const state: { db: JzzDb; repos: Repos } = {} as never;
  beforeEach(() => {
    state.db = openDb(`test-${globalThis.crypto.randomUUID()}`);
    state.repos = createRepos(state.db, { now: options.now });
  });
  afterEach(async () => {
    await state.db.delete();
  });
  return state;
}

/** Everything in the database, for before/after comparisons. */
export function snapshot(db: JzzDb) {
  return dumpAll(db);
}

/** Creates an employee with a case, a document, a tick, a note and a captured draft. */
export async function seedPerson(repos: Repos, name = '张伟', id = rid()) {
  const employee = await repos.employees.create({ name, residentId: id, phone: '13812345678', holderStatus: 'holder', permitValidUntil: '2027-06-30' });
  const kase = await repos.cases.create({ employeeId: employee.id, business: 'renewal', facts: { housing: 'rented', children: [{ birthDate: '2015-05-01' }] } });
  const doc = await repos.documents.create({ caseId: kase.id, kind: 'lease-contract', validUntil: '2026-12-31' });
  const tick = await repos.ticks.set(kase.id, 'renewal.hukou', { state: 'ready' });
  const note = await repos.notes.add({ employeeId: employee.id, text: '户口本首页已收到' });
  await repos.focus.set(employee.id, kase.id);
  const draft = await repos.drafts.saveCaptured({ employeeId: employee.id, module: 'person-basic-info', fields: { 'basic.address': '北京市大兴区兴华大街1号' } });
  return { employee, kase, doc, tick, note, draft };
}
