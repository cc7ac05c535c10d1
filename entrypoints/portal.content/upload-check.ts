/**
 * Local checks of a file chosen for upload, before it is sent: type, size, resolution and EXIF orientation.
 * Each warning says what it rests on (issue #14 4.8): the guide states only 「上传材料应清晰完整不得遮挡、内容连续
 * 方向（文字）正确」 (§五) — so only the orientation cites §五; a type or size limit the page itself states (its
 * `accept` attribute, 「不超过 10MB」 near the control) cites 本页要求; everything else (our default formats and
 * 10 MB, resolution, photo shape, an extension that lies, an empty file, and the employer how-to's colour PDF scans
 * of issue #17: a greyscale picture, a PDF estimated grey, a picture where a PDF is advised) is 助手建议 with no section. Pure functions over bytes and numbers, so that
 * they are unit-tested without a browser; the feature (features/upload-precheck.tsx) feeds them.
 * Nothing leaves the page: the file is read locally and never sent anywhere by us.
 */

/** What a warning rests on: the page's own stated limit, the guide (§五), or the assistant's suggestion. */
export type UploadBasis = 'page' | 'guide' | 'advice';

/** How each basis is cited next to the warning. */
export const UPLOAD_BASIS_CITATION: Readonly<Record<UploadBasis, string>> = { page: '本页要求', guide: '§五', advice: '助手建议' };

export type UploadWarning = (
  | { kind: 'type'; name: string; accepted: string }
  | { kind: 'mismatch'; name: string; actual: string }
  | { kind: 'empty' }
  | { kind: 'size'; size: number; limit: number }
  | { kind: 'resolution'; width: number; height: number; min: number }
  | { kind: 'orientation'; orientation: number }
  | { kind: 'photoShape'; width: number; height: number }
  /** A picture that looks black-and-white / greyscale, or (estimate) a PDF whose images all declare a grey colour space. */
  | { kind: 'greyscale'; estimate: boolean }
  /** A picture for an attachment the how-to wants as a colour PDF scan. */
  | { kind: 'preferPdf' }
) & { basis: UploadBasis };

/** The citations of a set of warnings, each once, in the order 本页要求, §五, 助手建议. */
export function uploadCitations(warnings: readonly UploadWarning[]): string {
  return (['page', 'guide', 'advice'] as const).filter((b) => warnings.some((w) => w.basis === b)).map((b) => UPLOAD_BASIS_CITATION[b]).join(' · ');
}

/** Accepted when the page says nothing: common scan formats (助手建议 — the guide names no format). */
const DEFAULT_TYPES = ['pdf', 'jpg', 'jpeg', 'png'];
/** Used when the page states no size (助手建议 — the guide states no size). */
const DEFAULT_LIMIT = 10 * 1024 * 1024;
/** A scan narrower than this (shorter side, px) is likely unreadable once printed or zoomed. */
const MIN_DOCUMENT_SIDE = 800;
/** A one-inch photo at 300 dpi is 295 × 413 px. */
const MIN_PHOTO = { width: 295, height: 413 };

/** The extension of a file name, lower-case, without the dot. */
export function extensionOf(name: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(name);
  return m ? m[1].toLowerCase() : '';
}

/** What the first bytes say the file is. */
export function sniff(bytes: Uint8Array): 'pdf' | 'jpg' | 'png' | 'other' {
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  return 'other';
}

/** The types an `accept` attribute allows (".jpg,.jpeg", "image/png"), as extensions; [] when none. */
export function acceptedTypes(accept: string | null): string[] {
  if (!accept) return [];
  const out = new Set<string>();
  for (const part of accept.split(',').map((s) => s.trim().toLowerCase())) {
    if (part.startsWith('.')) out.add(part.slice(1));
    else if (part === 'image/jpeg' || part === 'image/jpg') ['jpg', 'jpeg'].forEach((e) => out.add(e));
    else if (part === 'image/png') out.add('png');
    else if (part === 'application/pdf') out.add('pdf');
    else if (part === 'image/*') ['jpg', 'jpeg', 'png'].forEach((e) => out.add(e));
  }
  return [...out];
}

/** A size limit written on the page ("单个文件不超过 10MB", "大小不超过 200KB", "不超过 5M"), in bytes. */
export function limitFromText(text: string): number | null {
  const m = /不超过\s*(\d+(?:\.\d+)?)\s*(MB|M|KB|K)\b/i.exec(text) ?? /(\d+(?:\.\d+)?)\s*(MB|M|KB|K)\s*以内/i.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  return Math.round(/^k/i.test(m[2]) ? n * 1024 : n * 1024 * 1024);
}

/**
 * The EXIF orientation of a JPEG (1 = upright … 8), or null without EXIF. Walks the JPEG segments to
 * APP1 "Exif", reads the TIFF header's byte order and IFD0's tag 0x0112.
 */
export function jpegOrientation(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.byteLength < 4 || view.getUint16(0) !== 0xffd8) return null;
  let offset = 2;
  while (offset + 4 <= view.byteLength) {
    const marker = view.getUint16(offset);
    if ((marker & 0xff00) !== 0xff00) return null;
    // Start of scan or end of image: no EXIF before the picture data.
    if (marker === 0xffda || marker === 0xffd9) return null;
    const length = view.getUint16(offset + 2);
    if (length < 2) return null;
    if (marker === 0xffe1 && offset + 10 <= view.byteLength && view.getUint32(offset + 4) === 0x45786966 /* Exif */ && view.getUint16(offset + 8) === 0) {
      const tiff = offset + 10;
      if (tiff + 8 > view.byteLength) return null;
      const little = view.getUint16(tiff) === 0x4949;
      if (!little && view.getUint16(tiff) !== 0x4d4d) return null;
      const u16 = (at: number) => view.getUint16(at, little);
      const u32 = (at: number) => view.getUint32(at, little);
      if (u16(tiff + 2) !== 42) return null;
      const ifd = tiff + u32(tiff + 4);
      if (ifd + 2 > view.byteLength) return null;
      const entries = u16(ifd);
      for (let i = 0; i < entries; i++) {
        const entry = ifd + 2 + i * 12;
        if (entry + 12 > view.byteLength) return null;
        if (u16(entry) === 0x0112) {
          const value = u16(entry + 8);
          return value >= 1 && value <= 8 ? value : null;
        }
      }
      return null;
    }
    offset += 2 + length;
  }
  return null;
}

export interface FileFacts {
  name: string;
  size: number;
  /** The first bytes (64 KB are plenty for the EXIF header). */
  head: Uint8Array;
  /** Pixel size of an image, when it could be decoded. */
  image?: { width: number; height: number };
  /**
   * Colour: a decoded picture's pixels judged by looksGreyscale ('grey' / 'colour'), a PDF's by
   * pdfColourEstimate ('grey' only when every image declares a grey colour space; else 'colour' / 'unknown').
   */
  colour?: 'grey' | 'colour' | 'unknown';
}

export interface CheckContext {
  /** Extensions the control accepts ([] → DEFAULT_TYPES). */
  accepted: string[];
  /** Byte limit written near the control, else DEFAULT_LIMIT. */
  limit: number | null;
  /** An ID photo (证件照片): resolution and shape of a one-inch photo. */
  photo: boolean;
  /** The 附件管理 row's name, when the control is in one (the how-to's colour-PDF kinds). */
  row?: string | null;
}

/** Every warning for a chosen file; [] when it looks fine. Warnings only: the upload goes on. */
export function checkUpload(f: FileFacts, c: CheckContext): UploadWarning[] {
  const out: UploadWarning[] = [];
  const ext = extensionOf(f.name);
  const accepted = c.accepted.length ? c.accepted : DEFAULT_TYPES;
  const norm = (e: string) => (e === 'jpeg' ? 'jpg' : e);
  if (!accepted.map(norm).includes(norm(ext))) out.push({ kind: 'type', name: f.name, accepted: [...new Set(accepted.map(norm))].join('/'), basis: c.accepted.length ? 'page' : 'advice' });
  const actual = sniff(f.head);
  if (f.size > 0 && actual !== 'other' && ['pdf', 'jpg', 'png'].includes(norm(ext)) && actual !== norm(ext)) {
    out.push({ kind: 'mismatch', name: f.name, actual, basis: 'advice' });
  }
  if (f.size === 0) out.push({ kind: 'empty', basis: 'advice' });
  const limit = c.limit ?? DEFAULT_LIMIT;
  if (f.size > limit) out.push({ kind: 'size', size: f.size, limit, basis: c.limit !== null ? 'page' : 'advice' });
  if (f.image) {
    const { width, height } = f.image;
    if (c.photo) {
      if (width < MIN_PHOTO.width || height < MIN_PHOTO.height) out.push({ kind: 'resolution', width, height, min: MIN_PHOTO.width, basis: 'advice' });
      const ratio = width / height;
      // One inch is 25 × 35 mm (0.71); a landscape or square picture is not an ID photo.
      if (ratio < 0.6 || ratio > 0.85) out.push({ kind: 'photoShape', width, height, basis: 'advice' });
    } else if (Math.min(width, height) < MIN_DOCUMENT_SIDE) {
      out.push({ kind: 'resolution', width, height, min: MIN_DOCUMENT_SIDE, basis: 'advice' });
    }
  }
  if (actual === 'jpg') {
    const orientation = jpegOrientation(f.head);
    // §五: 「内容连续方向（文字）正确」 — the guide's own words.
    if (orientation !== null && orientation !== 1) out.push({ kind: 'orientation', orientation, basis: 'guide' });
  }
  // The employer how-to (issue #17): colour PDF scans. Not the guide's words: 助手建议. An ID photo has its own rules.
  if (!c.photo && f.colour === 'grey') out.push({ kind: 'greyscale', estimate: actual === 'pdf', basis: 'advice' });
  if (!c.photo && (actual === 'jpg' || actual === 'png') && c.row && COLOUR_PDF_ROWS.test(c.row) && accepted.map(norm).includes('pdf')) {
    out.push({ kind: 'preferPdf', basis: 'advice' });
  }
  return out;
}

/**
 * The attachments an employer's how-to for the new system asks for as colour PDF scans (issue #17): 学历/学位证书,
 * 入职本单位至今的应税收入材料, 诚信声明, 在京合法稳定住所证明, 户口本首页及本人页.
 */
const COLOUR_PDF_ROWS = /学历|学位|应税收入|诚信声明|住所证明|户口本|户口簿/;

/** A pixel counts as coloured when its channels differ by more than this (0–255); JPEG noise on grey stays below. */
const CHROMA_SPREAD = 20;
/** A picture with fewer coloured pixels than this share looks black-and-white (a red seal covers far more). */
const GREY_MAX_SHARE = 0.005;

/** The share of pixels (RGBA bytes, as ImageData holds them) whose channels differ by more than CHROMA_SPREAD. */
export function colourShare(rgba: Uint8ClampedArray | Uint8Array): number {
  let coloured = 0;
  let counted = 0;
  for (let i = 0; i + 3 < rgba.length; i += 4) {
    // Transparent pixels say nothing about the scan.
    if (rgba[i + 3] < 128) continue;
    counted++;
    const r = rgba[i];
    const g = rgba[i + 1];
    const b = rgba[i + 2];
    if (Math.max(r, g, b) - Math.min(r, g, b) > CHROMA_SPREAD) coloured++;
  }
  return counted ? coloured / counted : 0;
}

/** Whether a picture's sampled pixels look black-and-white or greyscale (助手建议: the how-to wants colour scans). */
export function looksGreyscale(rgba: Uint8ClampedArray | Uint8Array): boolean {
  return colourShare(rgba) < GREY_MAX_SHARE;
}

/**
 * An estimate of a PDF's colour without a PDF engine: the colour space each image XObject declares. 'grey' only
 * when there are images and every one declares DeviceGray / CalGray or is a 1-bit mask; 'colour' when one declares
 * an RGB, CMYK or Lab space (its pixels may still be grey: this says only that the file can hold colour);
 * 'unknown' for everything else (no images — a PDF made from text —, colour spaces by reference, ICC profiles,
 * palettes, JPEG 2000 without a declared space, dictionaries in compressed object streams).
 */
export function pdfColourEstimate(bytes: Uint8Array): 'grey' | 'colour' | 'unknown' {
  // Latin-1 keeps one character per byte, so the keywords are found as written.
  const text = new TextDecoder('latin1').decode(bytes);
  let images = 0;
  let grey = 0;
  for (const m of text.matchAll(/\/Subtype\s*\/Image\b/g)) {
    images++;
    // The image's dictionary: from its "N 0 obj" to its "stream" (a stream's dictionary is never compressed).
    const start = text.lastIndexOf('obj', m.index);
    const end = text.indexOf('stream', m.index);
    if (start < 0 || end < 0) return 'unknown';
    const dict = text.slice(start, end);
    if (/\/ImageMask\s*true/.test(dict)) {
      grey++;
      continue;
    }
    const space = /\/ColorSpace\s*(?:\[\s*)?(\/[A-Za-z]+|\d+\s+\d+\s+R)/.exec(dict)?.[1];
    if (!space) return 'unknown';
    if (/^\/(DeviceGray|CalGray)$/.test(space)) grey++;
    else if (/^\/(DeviceRGB|DeviceCMYK|CalRGB|Lab)$/.test(space)) return 'colour';
    else return 'unknown';
  }
  return images > 0 && grey === images ? 'grey' : 'unknown';
}
