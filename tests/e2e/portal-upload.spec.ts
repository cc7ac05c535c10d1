/**
 * Upload pre-check: a file chosen in an upload control is checked locally — type, size against the
 * page's own limit, resolution, EXIF orientation, an ID photo's shape — and a warning appears beside
 * the control; the portal's upload goes on regardless.
 */
import { test, expect } from './harness';
import { expectInjected, injectedText } from './shadow';
import type { Page } from '@playwright/test';

const FW = 'https://fw.bjrcgz.gov.cn';

/** A real JPEG/PNG of `w`×`h` drawn by the browser. */
async function picture(page: Page, w: number, h: number, type: 'image/jpeg' | 'image/png'): Promise<Buffer> {
  const b64 = await page.evaluate(
    async ([w, h, type]) => {
      const canvas = new OffscreenCanvas(w as number, h as number);
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#dfe8f5';
      g.fillRect(0, 0, w as number, h as number);
      g.fillStyle = '#1f2328';
      g.fillRect(10, 10, (w as number) / 2, (h as number) / 3);
      const blob = await canvas.convertToBlob({ type: type as string, quality: 0.9 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (const b of bytes) s += String.fromCharCode(b);
      return btoa(s);
    },
    [w, h, type] as const,
  );
  return Buffer.from(b64, 'base64');
}

/** The JPEG with an EXIF APP1 segment saying orientation `o` (big-endian TIFF, one IFD0 entry). */
function withOrientation(jpeg: Buffer, o: number): Buffer {
  const tiff = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, o, 0, 0, 0, 0, 0, 0, 0, 0]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

/** Loads a replica page and waits until its view (for an SPA: the route asked for) has rendered. */
async function open(page: Page, url: string) {
  await page.goto(url);
  const route = /#(\/[^?]*)/.exec(url)?.[1] ?? null;
  await page.waitForFunction((r) => {
    const rep = (window as unknown as { __replica?: { ready?: boolean; route?: string } }).__replica;
    return rep?.ready === true && (r === null || rep.route === r);
  }, route);
}

const uploads = (page: Page) => page.evaluate(() => (window as unknown as { __replica: { uploads: unknown[] } }).__replica.uploads.length);

test('files chosen for upload are checked locally and warned about, never blocked', async ({ context }) => {
  test.setTimeout(90_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // SPA 附件管理: a sideways, low-resolution scan for 诚信声明 (hidden el-upload input; the table re-renders after the upload).
  await open(page, `${FW}/person-platform/#/person-platform/attachments`);
  // The agent chooses files beside the assistant's checklist (it arrives after the page's load event).
  await expectInjected(page, '附件核对清单');
  const rotated = withOrientation(await picture(page, 640, 480, 'image/jpeg'), 6);
  const row = (name: string) => page.locator('.el-table__body-wrapper tr', { hasText: name }).locator('input[type=file]');
  const first = await row('诚信声明').elementHandle();
  await first!.setInputFiles({ name: 'chengxin.jpg', mimeType: 'image/jpeg', buffer: rotated });
  await expectInjected(page, '上传前检查：chengxin.jpg', '照片方向未摆正（EXIF 方向 6）', '分辨率偏低（480×640 像素');
  await expect.poll(() => uploads(page)).toBe(1);
  // The portal re-renders its table 200 ms after an upload: the agent chooses the next file in the new table (a file
  // set on an input the page is throwing away reaches the page's own handler but no listener on the document).
  await page.waitForFunction((input) => !input.isConnected, first);
  // …and one chosen on the input the page has just taken out is checked all the same (the page uploads it too).
  await first!.setInputFiles({ name: 'chengxin2.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') });
  await expectInjected(page, '上传前检查：chengxin2.pdf');
  await expect.poll(() => uploads(page)).toBe(2);
  // A Word file.
  await row('应税收入材料').setInputFiles({ name: 'shouru.docx', mimeType: 'application/msword', buffer: Buffer.from('PK\x03\x04 not really a pdf') });
  await expectInjected(page, '文件类型不符：「shouru.docx」，此处应为 pdf/jpg/png');
  await expect.poll(() => uploads(page)).toBe(3);

  // 证件照片: the page accepts .jpg only, up to 200KB; a small square PNG is wrong in three ways; a good photo passes.
  await open(page, `${FW}/person-platform/#/person-platform/photo`);
  const file = page.locator('input[type=file]');
  await file.setInputFiles({ name: 'zhao.png', mimeType: 'image/png', buffer: await picture(page, 200, 200, 'image/png') });
  await expectInjected(page, '文件类型不符：「zhao.png」，此处应为 jpg', '分辨率偏低（200×200', '不像一寸证件照');
  const photo = await picture(page, 358, 441, 'image/jpeg');
  await file.setInputFiles({ name: 'zhao.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expectInjected(page, '上传前检查：zhao.jpg', '格式、大小、清晰度与方向未见问题');
  // Over the page's own 200KB (bytes after the JPEG's end are ignored by decoders).
  await file.setInputFiles({ name: 'zhao-big.jpg', mimeType: 'image/jpeg', buffer: Buffer.concat([photo, Buffer.alloc(260 * 1024)]) });
  await expectInjected(page, '超过页面要求的 200 KB');

  // Classic 附件管理: visible inputs, a 5M limit in the page's tip; a mislabelled file.
  await page.goto(`${FW}/gzjzz/person/fjgl.html`);
  await expectInjected(page, '附件核对清单');
  const classic = page.locator('input[name=grfj_4]');
  await classic.setInputFiles({ name: 'shouru.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5 * 1024 * 1024 + 100 * 1024, 0x20)]) });
  await expectInjected(page, '超过页面要求的 5.0 MB');
  await page.locator('input[name=grfj_5]').setInputFiles({ name: 'xueli.pdf', mimeType: 'application/pdf', buffer: await picture(page, 1200, 1600, 'image/jpeg') });
  await expectInjected(page, '「xueli.pdf」的内容实为 JPG 文件');
  // Not blocked: the classic page's own 上传 still works.
  await page.locator('tr', { hasText: '应税收入材料' }).locator('input[value=上传]').click();
  await expect.poll(() => uploads(page)).toBe(1);
  expect(await injectedText(page)).toContain('仅为提示，上传不受影响');
  expect(errors).toEqual([]);
});
