/**
 * Puts a made-up employee, case, company, captured draft and the side panel's focus into the
 * extension's database, the way the case book would, so that the portal features have a draft.
 * Written from an extension page with plain IndexedDB (the same origin as the background's Dexie),
 * after the background has created the database.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './harness';

const NOW = '2026-11-20T08:00:00.000Z';

/** 张伟 of the SPA replica, as the case book knows him (a new permit, category A, two children). */
export const DRAFT = {
  employee: {
    id: 'emp-zhangwei',
    name: '张伟',
    residentId: '130602199003151214',
    residentIdRev: '412151300991206031',
    gender: 'male',
    birthDate: '1990-03-15',
    phone: '13912345678',
    category: 'A',
    holderStatus: 'applying',
    createdAt: NOW,
    updatedAt: NOW,
  },
  case: {
    id: 'case-zhangwei-new',
    employeeId: 'emp-zhangwei',
    business: 'new-permit',
    status: 'collecting',
    facts: {
      category: 'A',
      children: [{ birthDate: '2016-05-20', name: '张小明' }, { birthDate: '2019-11-02', name: '张小雨' }],
      housing: 'rented',
      contractStart: '2023-05-15',
      contractEnd: '2029-05-14',
    },
    createdAt: NOW,
    updatedAt: NOW,
  },
  company: {
    id: 'company',
    name: '北京兴创智能科技有限公司',
    creditCode: '91110115MA01XK3P66',
    localityOffice: '黄村镇',
    agentName: '周敏',
    agentPhone: '13701234567',
    updatedAt: NOW,
  },
  /** Values captured earlier on other pages (a marker address the page itself never shows). */
  captured: {
    residence: '北京市大兴区兴华大街 99 号院 7 号楼 701 室（草稿）',
    hukouAddress: '河北省保定市竞秀区草稿路 1 号',
    position: '高级算法工程师',
  },
};

/**
 * Seeds DRAFT (or another draft of the same shape). `portal` must be a recognised portal page already open: its content script asked the
 * background for settings, which opened (and so created) the database.
 */
export async function seedDraft(context: BrowserContext, extensionId: string, draft: typeof DRAFT = DRAFT): Promise<void> {
  const page: Page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await expect
      .poll(() => page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === 'jzz-assistant')), { timeout: 10_000 })
      .toBe(true);
    await page.evaluate(async (d) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('jzz-assistant');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction(['employees', 'cases', 'company', 'drafts', 'focus'], 'readwrite');
      const captured = Object.fromEntries(
        Object.entries(d.captured).map(([k, value]) => [k, { value, module: 'person-basic-info', capturedAt: d.employee.createdAt }]),
      );
      tx.objectStore('employees').put(d.employee);
      tx.objectStore('cases').put(d.case);
      tx.objectStore('company').put(d.company);
      tx.objectStore('drafts').put({ id: `employee:${d.employee.id}`, employeeId: d.employee.id, fields: captured, updatedAt: d.employee.createdAt });
      tx.objectStore('focus').put({ id: 'focus', employeeId: d.employee.id, caseId: d.case.id, at: d.employee.createdAt });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, draft);
  } finally {
    await page.close();
  }
}

/** The captured values of the seeded employee and case (the case's win), read back from the database. */
export async function readDraftFields(context: BrowserContext, extensionId: string): Promise<Record<string, { value: string; module: string }>> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    return await page.evaluate(async (ids) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('jzz-assistant');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const get = (id: string) =>
        new Promise<{ fields?: Record<string, { value: string; module: string }> } | undefined>((resolve) => {
          const req = db.transaction('drafts').objectStore('drafts').get(id);
          req.onsuccess = () => resolve(req.result);
        });
      const merged = { ...((await get(ids[0]))?.fields ?? {}), ...((await get(ids[1]))?.fields ?? {}) };
      db.close();
      return merged;
    }, [`employee:${DRAFT.employee.id}`, `case:${DRAFT.case.id}`]);
  } finally {
    await page.close();
  }
}

/** Sets the UI language in the settings row, as the case book's settings would. */
export async function setLanguage(context: BrowserContext, extensionId: string, language: 'zh-CN' | 'en'): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await page.evaluate(async (language) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('jzz-assistant');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction('settings', 'readwrite');
      const store = tx.objectStore('settings');
      const current = await new Promise<Record<string, unknown> | undefined>((resolve) => {
        const req = store.get('app');
        req.onsuccess = () => resolve(req.result);
      });
      store.put({
        id: 'app',
        firstRunDone: true,
        wageOverrides: [],
        reminders: { documentLeadDays: 30, permitLeadWorkingDays: 80, staleCaseDays: 30 },
        ...current,
        language,
        updatedAt: new Date().toISOString(),
      });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, language);
  } finally {
    await page.close();
  }
}
