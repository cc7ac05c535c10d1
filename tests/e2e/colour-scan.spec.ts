/**
 * The employer how-to's colour PDF scans (issue #17 5) in the upload pre-check, as 助手建议: a greyscale
 * picture is flagged, a colour one is not, a picture for 学历证书 is advised to be a PDF, and a PDF whose
 * images all declare a grey colour space is flagged as an estimate. Never blocking: the page's own upload goes on.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './harness';
import { expectInjected, findInjected } from './shadow';

const FW = 'https://fw.bjrcgz.gov.cn';
const GREY = '看起来是黑白或灰度扫描件';

/** A 1200×1600 scan drawn by the browser: black text lines on white, with a red seal when `seal`. */
async function scan(page: Page, seal: boolean): Promise<Buffer> {
  const b64 = await page.evaluate(async (withSeal) => {
    const canvas = new OffscreenCanvas(1200, 1600);
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, 1200, 1600);
    g.fillStyle = '#222222';
    for (let y = 100; y < 1400; y += 60) g.fillRect(100, y, 1000, 18);
    if (withSeal) {
      g.strokeStyle = '#d01010';
      g.lineWidth = 24;
      g.beginPath();
      g.arc(900, 1300, 160, 0, Math.PI * 2);
      g.stroke();
    }
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  }, seal);
  return Buffer.from(b64, 'base64');
}

/** A PDF whose one image declares `space` (the bytes the estimate reads; not a viewable scan). */
const pdf = (space: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /${space} /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream\nendobj\n%%EOF\n`, 'latin1');

/** The text of our pre-check note about `file`. */
async function noteAbout(page: Page, file: string): Promise<string> {
  await expectInjected(page, `上传前检查：${file}`);
  // The outermost element saying it holds the whole note (read again if the note was being redrawn meanwhile).
  let text = '';
  await expect
    .poll(async () => {
      const found = await findInjected(page, { text: `上传前检查：${file}` });
      text = found.map((e) => e.text).reduce((a, b) => (b.length > a.length ? b : a), '');
      return text.length;
    })
    .toBeGreaterThan(0);
  return text;
}

test('a greyscale scan is flagged and a colour one is not, in both styles; a grey PDF is an estimate', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${FW}/person-platform/#/person-platform/attachments`);
  await page.waitForFunction(() => (window as unknown as { __replica?: { ready?: boolean } }).__replica?.ready === true);
  const row = (name: string) => page.locator('.el-table__body-wrapper tr', { hasText: name }).locator('input[type=file]');
  await expectInjected(page, '附件核对清单');

  const firstInput = await row('学历证书').elementHandle();
  await firstInput!.setInputFiles({ name: 'xueli-grey.jpg', mimeType: 'image/jpeg', buffer: await scan(page, false) });
  const grey = await noteAbout(page, 'xueli-grey.jpg');
  // The portal re-renders its table 200 ms after an upload: the agent chooses the next file in the new table
  // (a file set on an input the page has just thrown away reaches nobody, the page included).
  await page.waitForFunction((input) => !input.isConnected, firstInput);
  expect(grey).toContain(GREY);
  expect(grey).toContain('建议上传彩色 PDF 扫描件');
  expect(grey).toContain('助手建议');
  await row('其他材料').setInputFiles({ name: 'qita-colour.jpg', mimeType: 'image/jpeg', buffer: await scan(page, true) });
  const colour = await noteAbout(page, 'qita-colour.jpg');
  expect(colour).not.toContain(GREY);
  // Not blocked: the replica recorded both files.
  await expect.poll(() => page.evaluate(() => (window as unknown as { __replica: { uploads: unknown[] } }).__replica.uploads.length)).toBe(2);

  await page.goto(`${FW}/gzjzz/person/fjgl.html`);
  // The agent chooses files once the page is up and the assistant has recognised it (its checklist shows).
  await expectInjected(page, '附件核对清单');
  await page.locator('input[name=grfj_6]').setInputFiles({ name: 'xuewei.pdf', mimeType: 'application/pdf', buffer: pdf('DeviceGray') });
  expect(await noteAbout(page, 'xuewei.pdf')).toContain('估计为黑白或灰度扫描件');
  await page.locator('input[name=grfj_4]').setInputFiles({ name: 'shouru.pdf', mimeType: 'application/pdf', buffer: pdf('DeviceRGB') });
  const rgb = await noteAbout(page, 'shouru.pdf');
  expect(rgb).not.toContain('灰度');
  await page.locator('input[name=grfj_2]').setInputFiles({ name: 'chengxin-grey.jpg', mimeType: 'image/jpeg', buffer: await scan(page, false) });
  expect(await noteAbout(page, 'chengxin-grey.jpg')).toContain(GREY);
});
