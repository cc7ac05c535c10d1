/**
 * Helpers of durability.spec.ts: a browser on a profile directory that can be killed like a crash
 * (SIGKILL to every process of that profile, not Playwright's clean shutdown), raw reads of the
 * extension's IndexedDB from one of its pages, and a database written in schema version 1.
 */
import fs from 'node:fs';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, extensionIdOf, launchWithExtension } from './harness';

export interface Browser {
  context: BrowserContext;
  id: string;
  dir: string;
}

export async function launch(dir: string): Promise<Browser> {
  const context = await launchWithExtension(dir);
  return { context, id: await extensionIdOf(context), dir };
}

/** An extension page of `b` (e.g. `casebook.html#/case/x`), loaded. */
export async function openPage(b: Browser, pathAndHash: string): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.id}/${pathAndHash}`);
  return page;
}

/** Process ids whose command line names this profile directory (the browser and all its children). */
function pidsOf(dir: string): number[] {
  const flag = `--user-data-dir=${dir}`;
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.includes(flag)) out.push(Number(entry));
    } catch {
      /* the process ended meanwhile */
    }
  }
  return out;
}

/**
 * Kills the browser of `b` the way a crash or a power-off of the process would: SIGKILL to the browser
 * process and every child of that profile at once, so nothing gets to flush or run `pagehide`.
 */
export async function killBrowser(b: Browser): Promise<number> {
  const closed = new Promise<void>((resolve) => b.context.once('close', () => resolve()));
  const pids = pidsOf(b.dir);
  if (pids.length === 0) throw new Error(`no Chromium process found for ${b.dir}`);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  await expect.poll(() => pidsOf(b.dir).length, { timeout: 10_000 }).toBe(0);
  await closed;
  // Chromium refuses a profile whose lock names a live process; the dead one's lock is stale and reclaimed.
  return pids.length;
}

/** Every row of `table`, read with plain IndexedDB from an extension page (no Dexie, no live query). */
export async function rows<T = Record<string, unknown>>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(async (table) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const r = indexedDB.open('jzz-assistant');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    try {
      return await new Promise<T[]>((resolve, reject) => {
        const q = db.transaction(table).objectStore(table).getAll();
        q.onsuccess = () => resolve(q.result as T[]);
        q.onerror = () => reject(q.error);
      });
    } finally {
      db.close();
    }
  }, table);
}

/** The service worker of the extension once it is (back) up, e.g. after `chrome.runtime.reload()`. */
export async function serviceWorker(context: BrowserContext, extensionId: string, exclude?: Worker): Promise<Worker> {
  const find = () => context.serviceWorkers().find((w) => w !== exclude && new URL(w.url()).host === extensionId);
  const found = find();
  if (found) return found;
  return context.waitForEvent('serviceworker', { predicate: (w) => w !== exclude && new URL(w.url()).host === extensionId, timeout: 15_000 });
}

/**
 * Reloads the extension the way an update does (`chrome.runtime.reload()` from one of its pages; every
 * page of the extension closes) and waits for its new service worker. Chromium re-enables an unpacked
 * extension after a reload only in developer mode (else it is disabled as an "unsupported developer
 * extension"), so developer mode is switched on first, as chrome://extensions would.
 */
export async function updateExtension(b: Browser): Promise<void> {
  const settings = await b.context.newPage();
  await settings.goto('chrome://extensions');
  await settings.evaluate(() =>
    (globalThis as unknown as { chrome: { developerPrivate: { updateProfileConfiguration(c: object): Promise<void> } } }).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }),
  );
  await settings.close();
  const old = await serviceWorker(b.context, b.id);
  const page = await openPage(b, 'privacy.html');
  // The reload closes this page before the call returns.
  await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
  await expect.poll(() => b.context.serviceWorkers().some((w) => w !== old && new URL(w.url()).host === b.id), { timeout: 20_000 }).toBe(true);
}

/**
 * Replaces the extension's database with a schema-version-1 one holding `dump` (rows as v1 stored
 * them), from an extension page. Dexie maps its version n to IndexedDB version n × 10, so v1 is 10;
 * its stores and indexes are those of storage/schema-v1.ts. Dexie connections elsewhere (the service
 * worker, other pages) close on the delete's `versionchange` and must not reopen before the reload.
 */
export async function writeV1Database(page: Page, stores: Record<string, string>, dump: Record<string, unknown[]>): Promise<void> {
  await page.evaluate(
    async ({ stores, dump }) => {
      await new Promise<void>((resolve, reject) => {
        const r = indexedDB.deleteDatabase('jzz-assistant');
        r.onsuccess = () => resolve();
        r.onerror = () => reject(r.error);
      });
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const r = indexedDB.open('jzz-assistant', 10);
        r.onupgradeneeded = () => {
          // Dexie's schema syntax: first entry the primary key (++ auto-increment, [a+b] compound), then
          // indexes (& unique, [a+b] compound).
          const keyPath = (spec: string): string | string[] => {
            const s = spec.replace(/^\+\+|^&/, '');
            return s.startsWith('[') ? s.slice(1, -1).split('+') : s;
          };
          for (const [name, spec] of Object.entries(stores)) {
            const [primary, ...indexes] = spec.split(',').map((s) => s.trim());
            const store = r.result.createObjectStore(name, { keyPath: keyPath(primary), autoIncrement: primary.startsWith('++') });
            for (const index of indexes) {
              const kp = keyPath(index);
              store.createIndex(index.replace(/^&/, ''), kp, { unique: index.startsWith('&') });
            }
          }
        };
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const tx = db.transaction(Object.keys(dump), 'readwrite');
      for (const [table, list] of Object.entries(dump)) for (const row of list) tx.objectStore(table).add(row);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
      db.close();
    },
    { stores, dump },
  );
}
