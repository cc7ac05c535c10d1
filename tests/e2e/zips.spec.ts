/**
 * The store packages (`npm run zip`: .output/*-chrome.zip and *-edge.zip) are what users install, so
 * each is unpacked into a temporary folder and checked as a store would and as a browser would: the
 * manifest (version = package.json's, every file it names inside the zip, every __MSG_…__ resolved in
 * both locales, the icons the sizes they claim, nothing Edge's store refuses), then loaded into
 * Chromium: the service worker starts and the side panel page renders.
 * `npm test` runs `npm run zip` before the e2e tests; on its own, run `npm run zip` first.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// wxt's own zip library (a dependency of wxt, which writes these zips); node has no unzip of its own.
import JSZip from 'jszip';
import { test, expect } from '@playwright/test';
import { CHROMIUM, chromiumArgs } from './replica-routing.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUTPUT = path.join(ROOT, '.output');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

// Each zip gets its own browser; the two run side by side.
test.describe.configure({ mode: 'parallel' });

/** Unpacks `zipFile` into a new temporary folder; refuses entries that would land outside it. */
async function unpack(zipFile: string): Promise<{ dir: string; names: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jzz-zip-'));
  const zip = await JSZip.loadAsync(fs.readFileSync(zipFile));
  const names: string[] = [];
  for (const entry of Object.values(zip.files)) {
    const target = path.resolve(dir, entry.name);
    if (!target.startsWith(dir + path.sep)) throw new Error(`zip entry outside the folder: ${entry.name}`);
    if (entry.dir) {
      fs.mkdirSync(target, { recursive: true });
      continue;
    }
    names.push(entry.name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, await entry.async('nodebuffer'));
  }
  return { dir, names };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

type Manifest = {
  manifest_version: number;
  name: string;
  description: string;
  version: string;
  default_locale?: string;
  icons: Record<string, string>;
  permissions: string[];
  minimum_chrome_version?: string;
  update_url?: string;
  key?: string;
  action?: { default_title?: string };
  background: { service_worker: string; type?: string };
  side_panel: { default_path: string };
  content_scripts: { js?: string[]; css?: string[] }[];
};

for (const browser of ['chrome', 'edge'] as const) {
  test(`the ${browser} zip unpacks into an extension Chromium loads: service worker, version, manifest, side panel`, async () => {
    test.setTimeout(90_000);
    const zipFile = path.join(OUTPUT, `${pkg.name}-${pkg.version}-${browser}.zip`);
    expect(fs.existsSync(zipFile), `${path.relative(ROOT, zipFile)} is missing: run npm run zip`).toBe(true);
    const { dir, names } = await unpack(zipFile);
    let context: BrowserContext | null = null;
    try {
      // Both stores want manifest.json at the top of the zip, and nothing of the developer's in it.
      expect(names).toContain('manifest.json');
      expect(names.filter((n) => /(^|\/)(\.env|\.git|node_modules)(\/|$)|\.map$/.test(n))).toEqual([]);
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
      expect(manifest.manifest_version).toBe(3);
      expect(manifest.version).toBe(pkg.version);

      // Every file the manifest names is in the zip.
      const named = [
        manifest.background.service_worker,
        manifest.side_panel.default_path,
        ...Object.values(manifest.icons),
        ...manifest.content_scripts.flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
      ];
      for (const file of named) expect(names, `${file} named by the manifest`).toContain(file);
      // The side panel page's own scripts and styles too.
      const panelHtml = fs.readFileSync(path.join(dir, manifest.side_panel.default_path), 'utf8');
      const refs = [...panelHtml.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) expect(names, `${ref} used by the side panel`).toContain(ref.replace(/^\.\//, ''));

      // Icons are the size their key says (the stores show the 128 px one).
      expect(Object.keys(manifest.icons)).toEqual(expect.arrayContaining(['16', '32', '48', '128']));
      for (const [size, file] of Object.entries(manifest.icons)) expect(pngSize(path.join(dir, file)), file).toEqual({ width: Number(size), height: Number(size) });

      // Every __MSG_name__ resolves in the default locale and in English.
      expect(manifest.default_locale).toBe('zh_CN');
      const texts = [manifest.name, manifest.description, manifest.action?.default_title ?? ''];
      for (const locale of ['zh_CN', 'en']) {
        const messages = JSON.parse(fs.readFileSync(path.join(dir, '_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
        for (const text of texts) {
          for (const [, key] of text.matchAll(/__MSG_(\w+)__/g)) expect(messages[key]?.message?.trim(), `${locale} ${key}`).toBeTruthy();
        }
        // Chrome refuses a name over 75 characters and a description over 132.
        expect(messages.extName.message.length).toBeLessThanOrEqual(75);
        expect(messages.extDescription.message.length).toBeLessThanOrEqual(132);
      }

      if (browser === 'edge') {
        // Edge has the side panel API from 114 and takes the same MV3 service worker; its store refuses
        // a package that updates itself from elsewhere (update_url) or carries a signing key.
        expect(manifest.permissions).toContain('sidePanel');
        expect(Number(manifest.minimum_chrome_version ?? '0')).toBeGreaterThanOrEqual(114);
        expect(manifest.update_url).toBeUndefined();
        expect(manifest.key).toBeUndefined();
        expect(manifest.background.type ?? 'classic').toBe('classic');
      }

      // Loaded into Chromium: the service worker starts, and it is this zip's.
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'jzz-zip-profile-'));
      context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: chromiumArgs(dir), locale: 'zh-CN' });
      await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
      let [worker] = context.serviceWorkers();
      if (!worker) worker = await context.waitForEvent('serviceworker');
      const url = new URL(worker.url());
      expect(url.protocol).toBe('chrome-extension:');
      expect(url.pathname).toBe(`/${manifest.background.service_worker}`);
      // The worker's own view of its manifest (chrome.* exists only there; typed loosely for this one call).
      const version = await worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }).chrome.runtime.getManifest().version);
      expect(version).toBe(pkg.version);

      // The side panel page renders its first screen (a fresh profile: add the first employee).
      const panel = await context.newPage();
      const errors: string[] = [];
      panel.on('pageerror', (e) => errors.push(e.message));
      await panel.setViewportSize({ width: 380, height: 800 });
      await panel.goto(`chrome-extension://${url.host}/${manifest.side_panel.default_path}`);
      await expect(panel.getByTestId('new-employee-form')).toBeVisible();
      await expect(panel.getByRole('button', { name: '保存员工' })).toBeVisible();
      expect(errors).toEqual([]);
    } finally {
      await context?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
