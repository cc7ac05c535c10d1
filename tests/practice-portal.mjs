// `npm start`: the practice portal. Opens Chromium with the built extension at the replica portal's
// 附件管理 page (served at its real https://fw.bjrcgz.gov.cn address through request routing, so no
// login and no network are needed). Without a display it runs headless, saves screenshots and says where.
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, EXTENSION_DIR, ROOT, chromiumArgs, routeReplicas } from './e2e/replica-routing.mjs';

const START_URL = 'https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/attachments';
const headed = Boolean(process.env.DISPLAY) && !process.env.CI && process.env.HEADLESS !== '1';

function findBrowser() {
  // Branded Google Chrome 137+ ignores --load-extension; Chromium or Chrome for Testing still honour it.
  const candidates = [process.env.CHROMIUM_PATH, CHROMIUM, '/usr/bin/chromium-browser', '/snap/bin/chromium'].filter(Boolean);
  return candidates.find((p) => fs.existsSync(p));
}

const executablePath = findBrowser();
if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
  console.error('未找到构建结果 .output/chrome-mv3，请先运行 npm run build。 / Build first: npm run build');
  process.exit(1);
}
if (!executablePath) {
  console.error(
    [
      '未找到 Chromium。请安装 Chromium（Debian/Ubuntu：sudo apt-get install chromium），或设置 CHROMIUM_PATH。',
      '也可以手动加载：打开 chrome://extensions 或 edge://extensions → 开启“开发者模式” → “加载已解压的扩展程序” → 选择 .output/chrome-mv3。',
      'Chromium not found. Install it or set CHROMIUM_PATH; or load .output/chrome-mv3 unpacked from chrome://extensions.',
    ].join('\n'),
  );
  process.exit(1);
}

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jzz-practice-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: !headed,
  args: chromiumArgs(EXTENSION_DIR),
  viewport: { width: 1366, height: 768 },
  locale: 'zh-CN',
});
await routeReplicas(context);
let [worker] = context.serviceWorkers();
if (!worker) worker = await context.waitForEvent('serviceworker');
const extensionId = new URL(worker.url()).host;

// The panel (opened as a tab here; the real side panel needs a click on the icon) first, then the
// portal: activating a blank new tab would tell the panel that no portal tab is active.
const panel = context.pages()[0] ?? (await context.newPage());
await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
const portal = await context.newPage();
await portal.goto(START_URL);
await portal.bringToFront();

if (headed) {
  console.log('练习门户已打开（附件管理页）。点击工具栏中的扩展图标可打开侧边栏。关闭浏览器即可结束。');
  console.log('Practice portal open at 附件管理. Click the extension icon to open the side panel. Close the browser to finish.');
  await new Promise((resolve) => context.on('close', resolve));
} else {
  const outDir = path.join(ROOT, 'screenshots');
  fs.mkdirSync(outDir, { recursive: true });
  // Let the SPA render and the content script recognise the page.
  // Our hosts carry no name the page (or this script) could wait for: wait for the replica, then give the content script a moment.
  await portal.waitForFunction(() => window.__replica?.ready === true, null, { timeout: 15_000 }).catch(() => {});
  await portal.waitForTimeout(1500);
  const portalShot = path.join(outDir, 'practice-portal.png');
  await portal.screenshot({ path: portalShot });

  await panel.setViewportSize({ width: 400, height: 768 });
  await panel.waitForTimeout(800);
  const panelShot = path.join(outDir, 'practice-sidepanel.png');
  await panel.screenshot({ path: panelShot });
  console.log('没有图形显示，已在无界面模式下运行。截图已保存：');
  console.log(`  门户页面（含助手界面）：${portalShot}`);
  console.log(`  侧边栏：${panelShot}`);
  console.log('No display: ran headless. Screenshots written to the paths above.');
  await context.close();
}
fs.rmSync(userDataDir, { recursive: true, force: true });
