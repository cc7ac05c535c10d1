/**
 * A large backup restore in the built extension (issue #16): the settings page shows its progress (rows written
 * of the total, a bar and a cancel button) while the one transaction is written in chunks, and cancelling before
 * the commit leaves the database exactly as it was. The backups are written here as JSON (made-up people with
 * valid IDs, rules/identity.ts); the database is read back with IndexedDB in the extension page.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './harness';
import { makeResidentId } from '../../rules/identity';
import { addDays } from '../../rules/dates';

const AT = '2026-01-01T00:00:00.000Z';
const KINDS = ['resident-id-card', 'labour-contract', 'lease-contract', 'qualification-certificate'];

/** A backup file of `employees` people with `docsEach` documents each; `note` is written on every employee. */
function backup(employees: number, docsEach: number, note: string): { name: string; mimeType: string; buffer: Buffer } {
  const rows = Array.from({ length: employees }, (_, i) => {
    const residentId = makeResidentId({ region: '110115', birthDate: addDays('1970-01-01', i * 3), sequence: 100 + (i % 800) });
    return {
      id: `e${i}`,
      name: `${'王李张刘陈杨黄赵吴周'[i % 10]}${'伟芳娜敏静丽强磊军洋'[Math.floor(i / 10) % 10]}${'一二三四五六七八九十'[Math.floor(i / 100) % 10]}`,
      residentId,
      residentIdRev: [...residentId].reverse().join(''),
      gender: Number(residentId[16]) % 2 === 1 ? 'male' : 'female',
      birthDate: `${residentId.slice(6, 10)}-${residentId.slice(10, 12)}-${residentId.slice(12, 14)}`,
      holderStatus: 'holder',
      permitValidUntil: addDays('2027-01-01', i % 700),
      notes: note,
      createdAt: AT,
      updatedAt: AT,
    };
  });
  const documents = rows.flatMap((e, i) =>
    Array.from({ length: docsEach }, (_, j) => ({ id: `d${i}-${j}`, employeeId: e.id, kind: KINDS[j % KINDS.length], validUntil: addDays('2026-06-01', (i * 7 + j * 91) % 900), createdAt: AT, updatedAt: AT })),
  );
  const tables = { company: [], employees: rows, cases: [], documents, ticks: [], notes: [], drafts: [], settings: [], audit: [] };
  const file = {
    format: 'jzz-backup',
    formatVersion: 1,
    schemaVersion: 3,
    app: { name: 'bj-work-residence-permit-assistant', version: '0.1.0' },
    exportedAt: AT,
    masked: false,
    counts: Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length])),
    tables,
  };
  return { name: `backup-${note}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) };
}

/** What the extension's database holds: rows per table and the notes written on employees. */
async function stored(page: Page): Promise<{ employees: number; documents: number; audit: number; notes: string[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('jzz-assistant');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['employees', 'documents', 'audit'], 'readonly');
          const out = { employees: 0, documents: 0, audit: 0, notes: [] as string[] };
          tx.objectStore('employees').count().onsuccess = (e) => (out.employees = (e.target as IDBRequest<number>).result);
          tx.objectStore('documents').count().onsuccess = (e) => (out.documents = (e.target as IDBRequest<number>).result);
          tx.objectStore('audit').count().onsuccess = (e) => (out.audit = (e.target as IDBRequest<number>).result);
          tx.objectStore('employees').getAll().onsuccess = (e) => (out.notes = [...new Set((e.target as IDBRequest<{ notes?: string }[]>).result.map((r) => r.notes ?? ''))]);
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
  );
}

test('a large restore shows its progress, and cancelling it before the commit changes nothing', async ({ context, extensionId }) => {
  test.setTimeout(120_000);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/casebook.html#/settings`);

  // 1. A restore of 2,000 employees with 6,000 documents runs to the end; its last progress is every row.
  await page.getByTestId('backup-file').setInputFiles(backup(2000, 3, 'first'));
  await expect(page.getByTestId('backup-plan')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('backup-apply').click();
  await expect(page.getByTestId('backup-progress')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: '导入进度' })).toBeVisible();
  await expect(page.getByText('备份已导入。')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('backup-progress')).toHaveCount(0);
  const before = await stored(page);
  expect(before).toMatchObject({ employees: 2000, documents: 6000, notes: ['first'] });

  // 2. The same people with new notes and 20,000 documents: cancelled while it writes.
  await page.getByTestId('backup-file').setInputFiles(backup(2000, 10, 'second'));
  await expect(page.getByTestId('backup-plan')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('backup-apply').click();
  const progress = page.getByTestId('backup-progress');
  // Rows written, not yet all of them: what the agent sees before deciding to cancel.
  await expect(progress).toHaveAttribute('data-total', '22000');
  await expect(progress).not.toHaveAttribute('data-done', '0');
  await expect(progress).toContainText(/已写入 \d+ \/ 22000 行/);
  await page.getByTestId('backup-progress-cancel').click();
  await expect(page.getByText('已取消导入，数据库未作任何修改。')).toBeVisible({ timeout: 60_000 });
  await expect(progress).toHaveCount(0);
  expect(await stored(page)).toEqual(before);
  await page.close();
});
