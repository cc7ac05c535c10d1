/**
 * A Chromium with the extension loaded, for `npm run bench -- --only storage,casebook`: the storage, sheet and
 * case book phases then run without the page phase's two browsers (whose "with" arm they otherwise reuse).
 */
import { chromium, type BrowserContext } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, chromiumArgs } from '../e2e/replica-routing.mjs';

export async function launchExtension(extensionDir: string): Promise<{ context: BrowserContext; extensionId: string; chromium: string; close: () => Promise<void> }> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jzz-bench-only-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: chromiumArgs(extensionDir), viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  // The welcome tab opened on install would compete for the cores: close it.
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const own = context.pages().filter((p) => p.url().startsWith(`chrome-extension://${extensionId}/`));
    if (own.length) {
      for (const p of own) await p.close();
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const cdp = await context.browser()?.newBrowserCDPSession();
  const version = cdp ? ((await cdp.send('Browser.getVersion')) as { product: string }).product : '';
  await cdp?.detach();
  return {
    context,
    extensionId,
    chromium: version,
    close: async () => {
      await context.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
