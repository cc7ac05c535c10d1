/**
 * Nothing typed is lost (issue #9), against the production build: the case book's fields closed within
 * 300 ms of the last keystroke; the browser process killed (SIGKILL, no clean shutdown) after the
 * autosave delay and in the middle of typing; an extension update (`chrome.runtime.reload()`) over a
 * schema-version-1 database and over text typed just before it; two case-book tabs editing the same
 * case — the later edit wins field by field, both show the result and the audit card shows both edits.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './harness';
import { DRAFT, seedDraft } from './seed';
import { killBrowser, launch, openPage, rows, updateExtension, writeV1Database, type Browser } from './durability-helpers';
import { STORES_V1, type DumpV1 } from '../../storage/schema-v1';
import v1 from '../unit/storage/fixtures/v1-dump.json' with { type: 'json' };

// Separate browsers on separate profiles: the tests run side by side.
test.describe.configure({ mode: 'parallel' });

const EMP = DRAFT.employee.id;
const CASE = DRAFT.case.id;

/** A fresh profile with 张伟 and his new-permit case (seed.ts), and the case focused in the side panel. */
async function seeded(): Promise<Browser> {
  const b = await launch(fs.mkdtempSync(path.join(os.tmpdir(), 'jzz-durable-')));
  await seedDraft(b.context, b.id);
  return b;
}

async function done(b: Browser): Promise<void> {
  await b.context.close().catch(() => undefined);
  fs.rmSync(b.dir, { recursive: true, force: true });
}

/** The case book's employee form and case page, found by their visible labels. */
function employeeForm(page: Page) {
  const form = page.getByTestId('employee-form');
  return { phone: form.getByLabel('手机号', { exact: true }), notes: form.getByLabel('备注', { exact: true }) };
}
function casePage(page: Page) {
  const dates = page.getByTestId('case-dates');
  return {
    submitted: dates.getByLabel('提交属地日期', { exact: true }),
    validUntil: dates.getByLabel('新证有效期至', { exact: true }),
    composer: page.getByTestId('notes').getByLabel('新备注', { exact: true }),
    notes: page.getByTestId('notes'),
  };
}

/** Real keystrokes (one input event per character), not a single `fill`. */
async function typeInto(field: ReturnType<Page['getByLabel']>, text: string): Promise<number> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(text);
  return text.length;
}

/** Autosave journal entries still waiting in this page's localStorage (use-autosave). */
async function journalKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jzz.autosave.')));
}

/**
 * Records, in the page, the value of `field` after every input event with the page's clock, so that the
 * test can tell which keystrokes were more than 300 ms old when the browser was killed.
 */
async function recordInputs(page: Page, testId: string): Promise<void> {
  await page.evaluate((testId) => {
    const log: [number, string][] = [];
    (window as unknown as { __inputs: typeof log }).__inputs = log;
    document.addEventListener('input', (e) => {
      const t = e.target as HTMLTextAreaElement;
      if (t.dataset.testid === testId) log.push([Date.now(), t.value]);
    }, true);
  }, testId);
}

/** The field's value as of 300 ms ago by the page's clock: what must survive a kill now. */
async function valueOlderThan300ms(page: Page, base: string): Promise<string> {
  return page.evaluate((base) => {
    const log = (window as unknown as { __inputs: [number, string][] }).__inputs;
    const cutoff = Date.now() - 300;
    return log.filter(([at]) => at <= cutoff).pop()?.[1] ?? base;
  }, base);
}

test('killing the browser process loses nothing typed more than 300 ms earlier, and leaves the database sound', async () => {
  test.setTimeout(90_000);
  let b = await seeded();
  try {
    let keys = 0;
    let kills = 0;
    // Kill point 1: the side panel's note and the case book's employee note typed, then the user pauses
    // (350 ms, just past the autosave delay) and the browser dies.
    const panelNote = '社保缴费记录已打印';
    const empNotes = '学历认证报告下周到';
    let panel = await openPage(b, 'sidepanel.html');
    let book = await openPage(b, `casebook.html#/employee/${EMP}`);
    await expect(panel.getByTestId('note-composer')).toBeVisible();
    keys += await typeInto(panel.getByLabel('新备注', { exact: true }), panelNote);
    keys += await typeInto(employeeForm(book).notes, empNotes);
    await book.waitForTimeout(350);
    await killBrowser(b);
    kills += 1;

    b = await launch(b.dir);
    book = await openPage(b, `casebook.html#/employee/${EMP}`);
    await expect(employeeForm(book).notes).toHaveValue(empNotes);
    panel = await openPage(b, 'sidepanel.html');
    await expect(panel.getByTestId('notes')).toContainText(panelNote);
    // Once any journaled edit is replayed and saved, the stored rows are the typed ones.
    await expect.poll(() => journalKeys(book)).toEqual([]);
    expect((await rows<{ text: string }>(book, 'notes')).map((n) => n.text)).toEqual([panelNote]);
    expect(await rows(book, 'employees')).toEqual([expect.objectContaining({ id: EMP, notes: empNotes, phone: DRAFT.employee.phone })]);
    await panel.close();

    // Kill point 2: mid-typing. A first part, a pause, then steady typing cut off by the kill: what was
    // typed more than 300 ms before the kill survives, the rest may be lost, and nothing else changes.
    const field = employeeForm(book).notes;
    const first = `${empNotes}；原件`;
    const rest = '周五前寄到属地，联系人周敏，电话一三七零一二三四五六七';
    const beforeFirst = Date.now();
    keys += await typeInto(field, first);
    await book.waitForTimeout(350);
    await recordInputs(book, 'emp-notes');
    const typing = field.pressSequentially(rest, { delay: 40 }).catch(() => undefined);
    await expect.poll(async () => (await field.inputValue()).length, { intervals: [50] }).toBeGreaterThan(first.length + 12);
    const mustSurvive = await valueOlderThan300ms(book, first);
    const typedSoFar = (await field.inputValue()).length - first.length;
    await killBrowser(b);
    kills += 1;
    await typing;
    keys += typedSoFar;

    b = await launch(b.dir);
    book = await openPage(b, `casebook.html#/employee/${EMP}`);
    await expect(book.getByTestId('employee-view')).toBeVisible();
    await expect.poll(() => journalKeys(book)).toEqual([]);
    const [employee] = await rows<{ notes: string }>(book, 'employees');
    expect(employee.notes.startsWith(mustSurvive), `${employee.notes} keeps ${mustSurvive}`).toBe(true);
    expect((first + rest).startsWith(employee.notes), `${employee.notes} is what was typed`).toBe(true);
    await expect(employeeForm(book).notes).toHaveValue(employee.notes);

    // What a crash can also leave: localStorage lags seconds behind IndexedDB (writes of the last ~4 s are
    // lost with the process), so a journal entry may hold text saved and typed on since. It is not
    // replayed over the newer text.
    await book.evaluate(
      ({ key, entry }) => localStorage.setItem(key, JSON.stringify(entry)),
      { key: `jzz.autosave.employee:${EMP}`, entry: { at: beforeFirst, patch: { notes: first.slice(0, 4) } } },
    );
    await book.reload();
    await expect.poll(() => journalKeys(book)).toEqual([]);
    await expect(employeeForm(book).notes).toHaveValue(employee.notes);
    expect(await rows(book, 'employees')).toEqual([expect.objectContaining({ notes: employee.notes })]);
    // Sound: the case book's table lists the one employee, every table holds what it held, and the
    // audit log is whole (every entry names its table and record).
    await book.goto(`chrome-extension://${b.id}/casebook.html#/`);
    await expect(book.getByRole('gridcell', { name: DRAFT.employee.name, exact: true })).toHaveCount(1);
    expect((await rows(book, 'employees')).length).toBe(1);
    expect((await rows(book, 'cases')).length).toBe(1);
    expect((await rows(book, 'notes')).length).toBe(1);
    const audit = await rows<{ table: string; recordId: string; op: string }>(book, 'audit');
    expect(audit.every((a) => a.table && a.recordId && a.op)).toBe(true);
    expect(audit.filter((a) => a.table === 'employees' && a.op === 'update').length).toBeGreaterThanOrEqual(2);
    test.info().annotations.push({ type: 'durability', description: `keystrokes=${keys} values=4 kills=${kills}` });
  } finally {
    await done(b);
  }
});

test('an extension update migrates a version-1 database and keeps text typed just before it', async () => {
  test.setTimeout(90_000);
  const b = await launch(fs.mkdtempSync(path.join(os.tmpdir(), 'jzz-update-')));
  const { _comment, ...dump } = v1 as unknown as DumpV1 & { _comment: string };
  try {
    // The first-run guide may hold the database open; only the privacy page (no Dexie) stays.
    await expect.poll(() => b.context.pages().some((p) => p.url().includes('welcome.html'))).toBe(true);
    for (const p of b.context.pages()) if (p.url().includes('welcome.html')) await p.close();
    const page = await openPage(b, 'privacy.html');
    await writeV1Database(page, STORES_V1, dump as unknown as Record<string, unknown[]>);
    expect(await page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'jzz-assistant')?.version)).toBe(10);

    await updateExtension(b);

    // The case book shows every v1 employee, each with their v1 fields and the v2 fields derived.
    const book = await openPage(b, 'casebook.html#/');
    await expect(book.getByTestId('casebook-row')).toHaveCount(dump.employees.length);
    for (const e of dump.employees) await expect(book.getByRole('gridcell', { name: e.name, exact: true })).toHaveCount(1);
    await book.goto(`chrome-extension://${b.id}/casebook.html#/employee/e-1`);
    await expect(employeeForm(book).phone).toHaveValue('13800000001');
    await expect(employeeForm(book).notes).toHaveValue('老系统迁移的持证人');
    await expect(book.getByTestId('employee-view')).toContainText('男 · 1988-02-29');
    await expect(book.getByTestId('case-link')).toHaveCount(1);
    // A v1 document kind ('lease') under its v2 name in its case; a v1 case note in its case.
    await book.goto(`chrome-extension://${b.id}/casebook.html#/case/c-1`);
    await expect(book.getByTestId('case-view')).toContainText('房屋租赁合同（住所证明）');
    await book.goto(`chrome-extension://${b.id}/casebook.html#/case/c-2`);
    await expect(book.getByTestId('notes')).toContainText('属地已电话确认');
    await expect(casePage(book).submitted).toHaveValue('2025-04-10');

    // Stored: IndexedDB version 40 (Dexie 4: v1 → v2 → v3 → v4 in one upgrade; storage/db.ts SCHEMA_VERSION, which this spec cannot import), every v1 row
    // present, new fields defaulted.
    expect(await book.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'jzz-assistant')?.version)).toBe(40);
    for (const table of Object.keys(STORES_V1) as (keyof DumpV1)[]) expect((await rows(book, table)).length, table).toBe(dump[table].length);
    expect(await rows(book, 'employees')).toEqual(dump.employees.map((e) => expect.objectContaining({ id: e.id, name: e.name, residentIdRev: expect.any(String), birthDate: expect.any(String), gender: expect.any(String) })));
    expect(await rows(book, 'cases')).toContainEqual(expect.objectContaining({ id: 'c-1', facts: { housing: 'rented', titleObtainedBy: 'exam', titleIsSenior: false, incomeMonths: 12 } }));
    expect(await rows(book, 'notes')).toEqual(dump.notes.map((n) => expect.objectContaining({ id: n.id, text: n.text, updatedAt: n.at })));
    expect(await rows(book, 'audit')).toEqual(dump.audit.map((a) => expect.objectContaining({ id: a.id, source: 'ui' })));
    expect(await rows(book, 'settings')).toEqual([expect.objectContaining({ language: 'zh-CN', reminders: expect.any(Object) })]);

    // Typed, and the extension updated at once (well within the autosave delay): the text comes back.
    await book.goto(`chrome-extension://${b.id}/casebook.html#/employee/e-2`);
    const phone = '13911112222';
    const keys = await typeInto(employeeForm(book).phone, phone);
    await updateExtension(b);
    const again = await openPage(b, 'casebook.html#/employee/e-2');
    await expect(employeeForm(again).phone).toHaveValue(phone);
    await expect.poll(() => journalKeys(again)).toEqual([]);
    expect(await rows(again, 'employees')).toContainEqual(expect.objectContaining({ id: 'e-2', phone }));
    test.info().annotations.push({ type: 'durability', description: `keystrokes=${keys} values=${dump.employees.length + dump.cases.length + dump.notes.length + 1} reloads=2` });
  } finally {
    await done(b);
  }
});

/**
 * The case book's employee page and case page: several fields typed, each tab closed right after the
 * last keystroke (no blur, inside the 300 ms autosave delay); reopened, every value is there.
 */
async function closedRightAfterTyping(b: Browser): Promise<{ keys: number; values: { validUntil: string }; auditRows: number }> {
  let keys = 0;
  const values = { phone: '13987654321', notes: '护照原件已交，周三取回', submitted: '2026-11-02', validUntil: '2029-11-01', note: '属地已电话确认，待补社保' };

  // The employee's page: two fields, the tab closed at once.
  let page = await openPage(b, `casebook.html#/employee/${EMP}`);
  let emp = employeeForm(page);
  await expect(emp.phone).toHaveValue(DRAFT.employee.phone);
  keys += await typeInto(emp.phone, values.phone);
  keys += await typeInto(emp.notes, values.notes);
  await page.close();

  // The case page: two dates and a note, closed at once.
  page = await openPage(b, `casebook.html#/case/${CASE}`);
  let c = casePage(page);
  await expect(c.submitted).toBeVisible();
  keys += await typeInto(c.submitted, values.submitted);
  keys += await typeInto(c.validUntil, values.validUntil);
  keys += await typeInto(c.composer, values.note);
  await page.close();

  // Reopened: every value is shown and stored.
  page = await openPage(b, `casebook.html#/employee/${EMP}`);
  emp = employeeForm(page);
  await expect(emp.phone).toHaveValue(values.phone);
  await expect(emp.notes).toHaveValue(values.notes);
  await page.close();
  page = await openPage(b, `casebook.html#/case/${CASE}`);
  c = casePage(page);
  await expect(c.submitted).toHaveValue(values.submitted);
  await expect(c.validUntil).toHaveValue(values.validUntil);
  await expect.poll(async () => (await rows<{ text: string }>(page, 'notes')).map((n) => n.text)).toEqual([values.note]);
  await expect(c.notes).toContainText(values.note);
  expect(await rows(page, 'employees')).toEqual([expect.objectContaining({ id: EMP, phone: values.phone, notes: values.notes })]);
  expect(await rows(page, 'cases')).toEqual([expect.objectContaining({ id: CASE, submittedOn: values.submitted, permitValidUntil: values.validUntil })]);
  const auditRows = (await rows(page, 'audit')).length;
  await page.close();
  return { keys, values, auditRows };
}

test('case book: tabs closed right after typing lose nothing; two tabs on one case: the later edit wins field by field, both show it, the audit shows both', async () => {
  const b = await seeded();
  try {
    const closed = await closedRightAfterTyping(b);

    const [a, bTab] = [await openPage(b, `casebook.html#/case/${CASE}`), await openPage(b, `casebook.html#/case/${CASE}`)];
    const A = casePage(a);
    const B = casePage(bTab);
    await expect(A.submitted).toBeVisible();
    await expect(B.submitted).toBeVisible();
    const x = '2026-11-03';
    const y = '2026-12-01';
    const [zA, zB] = ['2029-05-05', '2029-06-06'];
    const validFromA = a.getByTestId('case-dates').getByLabel('新证有效期起', { exact: true });
    const validFromB = bTab.getByTestId('case-dates').getByLabel('新证有效期起', { exact: true });
    // X in tab A and Y in tab B at the same time; then Z in A, and in B a moment later.
    await Promise.all([typeInto(A.submitted, x), typeInto(validFromB, y)]);
    await typeInto(A.validUntil, zA);
    await a.waitForTimeout(350);
    await typeInto(B.validUntil, zB);
    await Promise.all([A.validUntil.blur(), B.validUntil.blur(), A.submitted.blur(), validFromB.blur()]);

    // Both tabs show A's X, B's Y and B's Z without a reload (live queries), and again after one.
    for (const [page, c, from] of [[a, A, validFromA], [bTab, B, validFromB]] as const) {
      await expect(c.submitted).toHaveValue(x);
      await expect(from).toHaveValue(y);
      await expect(c.validUntil).toHaveValue(zB);
      await page.reload();
      await expect(c.submitted).toHaveValue(x);
      await expect(from).toHaveValue(y);
      await expect(c.validUntil).toHaveValue(zB);
    }
    expect(await rows(a, 'cases')).toEqual([expect.objectContaining({ id: CASE, submittedOn: x, permitValidFrom: y, permitValidUntil: zB, facts: DRAFT.case.facts })]);

    // The audit: one entry per edit, Z's two with their before and after, A's before B's.
    const updates = (await rows<{ op: string; table: string; recordId: string; before: Record<string, unknown>; after: Record<string, unknown> }>(a, 'audit'))
      .slice(closed.auditRows)
      .filter((e) => e.table === 'cases' && e.op === 'update');
    const changed = updates.map((e) => Object.keys(e.after).filter((k) => k !== 'updatedAt'));
    expect(changed.slice(0, 2).sort()).toEqual([['permitValidFrom'], ['submittedOn']]);
    expect(updates.slice(2).map((e) => [e.before.permitValidUntil, e.after.permitValidUntil])).toEqual([[closed.values.validUntil, zA], [zA, zB]]);
    const card = a.getByTestId('audit-card');
    await expect(card.getByTestId('audit-entry').filter({ hasText: `证件有效期至：${closed.values.validUntil} → ${zA}` })).toHaveCount(1);
    await expect(card.getByTestId('audit-entry').filter({ hasText: `证件有效期至：${zA} → ${zB}` })).toHaveCount(1);
    await expect(bTab.getByTestId('audit-card').getByTestId('audit-entry').filter({ hasText: `${zA} → ${zB}` })).toHaveCount(1);
    test.info().annotations.push({ type: 'durability', description: `keystrokes=${closed.keys + x.length + y.length + zA.length + zB.length} values=${5 + 3} closes=2 tabs=2` });
  } finally {
    await done(b);
  }
});
