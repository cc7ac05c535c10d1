import { describe, expect, it } from 'vitest';
import { acceptedTypes, checkUpload, colourShare, extensionOf, jpegOrientation, limitFromText, looksGreyscale, pdfColourEstimate, sniff, uploadCitations } from '../../../entrypoints/portal.content/upload-check';

/** A minimal JPEG: SOI, optional APP0, an APP1 Exif segment with IFD0 orientation, then SOS. */
function jpeg(orientation: number | null, order: 'MM' | 'II' = 'MM', withApp0 = true): Uint8Array {
  const bytes: number[] = [0xff, 0xd8];
  if (withApp0) bytes.push(0xff, 0xe0, 0x00, 0x10, ...Array.from('JFIF\0', (c) => c.charCodeAt(0)), 1, 1, 0, 0, 1, 0, 1, 0, 0);
  if (orientation !== null) {
    const be = order === 'MM';
    const u16 = (n: number) => (be ? [n >> 8, n & 0xff] : [n & 0xff, n >> 8]);
    const u32 = (n: number) => (be ? [0, 0, n >> 8, n & 0xff] : [n & 0xff, n >> 8, 0, 0]);
    const tiff = [...Array.from(order, (c) => c.charCodeAt(0)), ...u16(42), ...u32(8), ...u16(2),
      // an unrelated tag first (ImageWidth), then Orientation (SHORT, count 1)
      ...u16(0x0100), ...u16(3), ...u32(1), ...u16(640), 0, 0,
      ...u16(0x0112), ...u16(3), ...u32(1), ...u16(orientation), 0, 0,
      ...u32(0)];
    const body = [...Array.from('Exif\0\0', (c) => c.charCodeAt(0)), ...tiff];
    bytes.push(0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body);
  }
  bytes.push(0xff, 0xda, 0x00, 0x02, 0x00);
  return new Uint8Array(bytes);
}

describe('EXIF orientation read from the JPEG bytes', () => {
  it('reads orientation 6 (rotated) in big-endian and little-endian TIFF', () => {
    expect(jpegOrientation(jpeg(6, 'MM'))).toBe(6);
    expect(jpegOrientation(jpeg(8, 'II'))).toBe(8);
  });
  it('reads an upright photo as 1, also without an APP0 segment before EXIF', () => {
    expect(jpegOrientation(jpeg(1, 'MM', false))).toBe(1);
  });
  it('returns null without EXIF, for non-JPEG bytes, and for a truncated segment', () => {
    expect(jpegOrientation(jpeg(null))).toBeNull();
    expect(jpegOrientation(new TextEncoder().encode('%PDF-1.7'))).toBeNull();
    expect(jpegOrientation(jpeg(6).slice(0, 30))).toBeNull();
  });
});

describe('what the page says it accepts', () => {
  it('an accept attribute becomes extensions', () => {
    expect(acceptedTypes('.jpg,.jpeg')).toEqual(['jpg', 'jpeg']);
    expect(acceptedTypes('.pdf, image/png')).toEqual(['pdf', 'png']);
    expect(acceptedTypes(null)).toEqual([]);
  });
  it('a size limit in the page text, in MB, M or KB', () => {
    expect(limitFromText('单个文件不超过 10MB。')).toBe(10 * 1024 * 1024);
    expect(limitFromText('格式为 jpg、pdf，单个文件不超过 5M。')).toBe(5 * 1024 * 1024);
    expect(limitFromText('jpg/jpeg 格式，大小不超过 200KB，建议尺寸 358×441 像素。')).toBe(200 * 1024);
    expect(limitFromText('请上传清晰的原件')).toBeNull();
  });
  it('file names and magic bytes', () => {
    expect(extensionOf('合同.PDF')).toBe('pdf');
    expect(sniff(new TextEncoder().encode('%PDF-1.4'))).toBe('pdf');
    expect(sniff(jpeg(1))).toBe('jpg');
  });
});

describe('checkUpload warns, with the thresholds on both sides', () => {
  const ctx = { accepted: [], limit: null, photo: false };
  const pdf = new TextEncoder().encode('%PDF-1.7');
  it('a clean PDF under the default 10 MB passes', () => {
    expect(checkUpload({ name: 'a.pdf', size: 10 * 1024 * 1024, head: pdf }, ctx)).toEqual([]);
  });
  it('one byte over the page limit is too big', () => {
    expect(checkUpload({ name: 'a.pdf', size: 5 * 1024 * 1024 + 1, head: pdf }, { ...ctx, limit: 5 * 1024 * 1024 })).toEqual([{ kind: 'size', size: 5 * 1024 * 1024 + 1, limit: 5 * 1024 * 1024, basis: 'page' }]);
  });
  it('a Word file is the wrong type; a .pdf that is really a JPEG is flagged', () => {
    expect(checkUpload({ name: 'a.docx', size: 10, head: new Uint8Array([0x50, 0x4b, 3, 4]) }, ctx).map((w) => w.kind)).toEqual(['type']);
    expect(checkUpload({ name: 'a.pdf', size: 10, head: jpeg(1) }, ctx).map((w) => w.kind)).toEqual(['mismatch']);
  });
  it('a scan with a short side of 799 px is low resolution, 800 px is not', () => {
    expect(checkUpload({ name: 'a.jpg', size: 10, head: jpeg(1), image: { width: 799, height: 1200 } }, ctx).map((w) => w.kind)).toEqual(['resolution']);
    expect(checkUpload({ name: 'a.jpg', size: 10, head: jpeg(1), image: { width: 800, height: 1200 } }, ctx)).toEqual([]);
  });
  it('a sideways JPEG is not upright', () => {
    expect(checkUpload({ name: 'a.jpg', size: 10, head: jpeg(6), image: { width: 1200, height: 1600 } }, ctx)).toEqual([{ kind: 'orientation', orientation: 6, basis: 'guide' }]);
  });
  it('an ID photo needs 295 × 413 px and a one-inch shape', () => {
    const photo = { ...ctx, photo: true, accepted: ['jpg', 'jpeg'] };
    expect(checkUpload({ name: 'p.jpg', size: 10, head: jpeg(1), image: { width: 295, height: 413 } }, photo)).toEqual([]);
    expect(checkUpload({ name: 'p.jpg', size: 10, head: jpeg(1), image: { width: 294, height: 413 } }, photo).map((w) => w.kind)).toEqual(['resolution']);
    expect(checkUpload({ name: 'p.jpg', size: 10, head: jpeg(1), image: { width: 600, height: 600 } }, photo).map((w) => w.kind)).toEqual(['photoShape']);
    expect(checkUpload({ name: 'p.png', size: 10, head: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) }, photo).map((w) => w.kind)).toEqual(['type']);
  });
  it('cites 本页要求 only for limits the page states, §五 only for orientation, 助手建议 for the rest (issue #14 4.8)', () => {
    const big = 10 * 1024 * 1024 + 1;
    expect(checkUpload({ name: 'a.pdf', size: big, head: pdf }, ctx)[0]).toMatchObject({ kind: 'size', basis: 'advice' });
    expect(checkUpload({ name: 'a.pdf', size: big, head: pdf }, { ...ctx, limit: 10 * 1024 * 1024 })[0]).toMatchObject({ kind: 'size', basis: 'page' });
    expect(checkUpload({ name: 'a.docx', size: 10, head: new Uint8Array([0x50, 0x4b, 3, 4]) }, ctx)[0].basis).toBe('advice');
    expect(checkUpload({ name: 'a.docx', size: 10, head: new Uint8Array([0x50, 0x4b, 3, 4]) }, { ...ctx, accepted: ['pdf'] })[0].basis).toBe('page');
    expect(checkUpload({ name: 'a.jpg', size: 10, head: jpeg(1), image: { width: 799, height: 1200 } }, ctx)[0].basis).toBe('advice');
    const mixed = checkUpload({ name: 'a.jpg', size: big, head: jpeg(6), image: { width: 799, height: 1200 } }, { ...ctx, limit: 1024 });
    expect(uploadCitations(mixed)).toBe('本页要求 · §五 · 助手建议');
    expect(uploadCitations(checkUpload({ name: 'a.jpg', size: 10, head: jpeg(1), image: { width: 799, height: 1200 } }, ctx))).toBe('助手建议');
  });
  it('an empty file is flagged', () => {
    expect(checkUpload({ name: 'a.pdf', size: 0, head: new Uint8Array() }, ctx).map((w) => w.kind)).toEqual(['empty']);
  });
});

describe('colour scans (助手建议 from the employer how-to, issue #17)', () => {
  /** RGBA pixels: `n` of `colour`, the rest white. */
  const pixels = (total: number, n: number, colour: [number, number, number]) => {
    const a = new Uint8ClampedArray(total * 4).fill(255);
    for (let i = 0; i < n; i++) a.set([...colour, 255], i * 4);
    return a;
  };
  it('a white page with black text looks greyscale; one with a red seal on 2 % of it does not', () => {
    expect(looksGreyscale(pixels(10_000, 800, [20, 20, 20]))).toBe(true);
    expect(looksGreyscale(pixels(10_000, 200, [200, 30, 40]))).toBe(false);
  });
  it('JPEG-like noise on grey (channels within 20) stays grey; a tinted background is colour', () => {
    expect(looksGreyscale(pixels(10_000, 10_000, [128, 140, 133]))).toBe(true);
    expect(looksGreyscale(pixels(10_000, 10_000, [223, 232, 245]))).toBe(false);
  });
  it('on both sides of the 0.5 % share: 49 coloured pixels in 10 000 is grey, 50 is colour', () => {
    expect(colourShare(pixels(10_000, 50, [255, 0, 0]))).toBe(0.005);
    expect(looksGreyscale(pixels(10_000, 49, [255, 0, 0]))).toBe(true);
    expect(looksGreyscale(pixels(10_000, 50, [255, 0, 0]))).toBe(false);
  });
  it('transparent pixels are not counted', () => {
    const a = pixels(100, 100, [255, 0, 0]);
    for (let i = 3; i < a.length; i += 4) a[i] = 0;
    expect(colourShare(a)).toBe(0);
  });

  /** A PDF holding one image XObject per dictionary entry (only the bytes the estimate reads). */
  const pdf = (...images: string[]) =>
    new TextEncoder().encode(
      `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n${images
        .map((d, i) => `${i + 2} 0 obj\n<< /Type /XObject /Subtype /Image /Width 10 /Height 10 ${d} /Length 3 >>\nstream\nabc\nendstream\nendobj\n`)
        .join('')}%%EOF`,
    );
  it('a PDF whose images all declare DeviceGray (or are 1-bit masks) is estimated grey', () => {
    expect(pdfColourEstimate(pdf('/ColorSpace /DeviceGray /BitsPerComponent 8'))).toBe('grey');
    expect(pdfColourEstimate(pdf('/ColorSpace/DeviceGray', '/ImageMask true /BitsPerComponent 1'))).toBe('grey');
    expect(pdfColourEstimate(pdf('/ColorSpace [/CalGray << /WhitePoint [1 1 1] >>]'))).toBe('grey');
  });
  it('one RGB or CMYK image makes it colour', () => {
    expect(pdfColourEstimate(pdf('/ColorSpace /DeviceGray', '/ColorSpace /DeviceRGB'))).toBe('colour');
    expect(pdfColourEstimate(pdf('/ColorSpace /DeviceCMYK'))).toBe('colour');
  });
  it('anything it cannot read honestly is unknown: no images, a referenced or ICC colour space, a palette, no colour space', () => {
    expect(pdfColourEstimate(pdf())).toBe('unknown');
    expect(pdfColourEstimate(pdf('/ColorSpace 7 0 R'))).toBe('unknown');
    expect(pdfColourEstimate(pdf('/ColorSpace [/ICCBased 7 0 R]'))).toBe('unknown');
    expect(pdfColourEstimate(pdf('/ColorSpace [/Indexed /DeviceRGB 255 8 0 R]'))).toBe('unknown');
    expect(pdfColourEstimate(pdf('/Filter /JPXDecode'))).toBe('unknown');
    expect(pdfColourEstimate(pdf('/ColorSpace /DeviceGray', '/ColorSpace 9 0 R'))).toBe('unknown');
  });

  const base = { accepted: [] as string[], limit: null, photo: false };
  const jpegHead = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
  const pdfHead = new TextEncoder().encode('%PDF-1.7');
  const kinds = (w: { kind: string }[]) => w.map((x) => x.kind);
  it('a grey picture gets the advice as 助手建议, a colour one does not, an ID photo never', () => {
    const grey = checkUpload({ name: 'a.jpg', size: 10, head: jpegHead, colour: 'grey' }, base);
    expect(grey).toContainEqual({ kind: 'greyscale', estimate: false, basis: 'advice' });
    expect(kinds(checkUpload({ name: 'a.jpg', size: 10, head: jpegHead, colour: 'colour' }, base))).not.toContain('greyscale');
    expect(kinds(checkUpload({ name: 'a.jpg', size: 10, head: jpegHead, colour: 'grey' }, { ...base, photo: true }))).not.toContain('greyscale');
  });
  it('a PDF estimated grey is labelled an estimate; unknown says nothing', () => {
    expect(checkUpload({ name: 'a.pdf', size: 10, head: pdfHead, colour: 'grey' }, base)).toContainEqual({ kind: 'greyscale', estimate: true, basis: 'advice' });
    expect(kinds(checkUpload({ name: 'a.pdf', size: 10, head: pdfHead, colour: 'unknown' }, base))).toEqual([]);
  });
  it('a picture for a how-to row (学历证书, 户口本…) is advised to be a colour PDF, where the control takes PDFs', () => {
    expect(kinds(checkUpload({ name: 'a.jpg', size: 10, head: jpegHead }, { ...base, row: '学历证书' }))).toContain('preferPdf');
    expect(kinds(checkUpload({ name: 'a.jpg', size: 10, head: jpegHead }, { ...base, row: '申请人户口本首页及本人页' }))).toContain('preferPdf');
    expect(kinds(checkUpload({ name: 'a.pdf', size: 10, head: pdfHead }, { ...base, row: '学历证书' }))).not.toContain('preferPdf');
    expect(kinds(checkUpload({ name: 'a.jpg', size: 10, head: jpegHead }, { ...base, row: '其他材料' }))).not.toContain('preferPdf');
    expect(kinds(checkUpload({ name: 'a.jpg', size: 10, head: jpegHead }, { ...base, accepted: ['jpg'], row: '学历证书' }))).not.toContain('preferPdf');
  });
});
