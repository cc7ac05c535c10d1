// Renders tests/tools/assets/icon.svg to the PNG sizes the manifest uses (WXT picks up public/icon/<size>.png).
// Run once after changing the SVG: node tests/tools/make-icons.mjs
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
const ROOT = path.resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const svg = fs.readFileSync(path.join(ROOT, 'tests/tools/assets/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-quic', '--no-first-run'] });
for (const size of [16, 32, 48, 96, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}`);
  await page.screenshot({ path: path.join(ROOT, `public/icon/${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
