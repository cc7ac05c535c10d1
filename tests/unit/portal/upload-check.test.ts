import { describe, expect, it } from 'vitest';
import { acceptedTypes, checkUpload, extensionOf, jpegOrientation, limitFromText, sniff, uploadCitations } from '../../../entrypoints/portal.content/upload-check';

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
