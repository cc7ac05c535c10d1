/** @jsxImportSource @/entrypoints/portal.content/jsx */
/**
 * Upload pre-check: when a file is chosen in any upload control, it is checked locally (type, size,
 * resolution, EXIF orientation, an ID photo's shape, and — the how-to's colour-PDF-scan advice — a
 * greyscale picture or a PDF whose images are all grey) and a warning appears beside the control.
 * Never blocks: the portal's own upload goes on untouched.
 */
import { addFeature } from '../runtime';
import { isRecognised } from '../pages';
import { isOurs, cellText } from '../dom';
import { brandOf, shownBox } from '../kit';
import { Note, type Placement } from '../ui';
import { acceptedTypes, checkUpload, limitFromText, looksGreyscale, pdfColourEstimate, sniff, UPLOAD_BASIS_CITATION, uploadCitations, type UploadWarning } from '../upload-check';
import type { FeatureEnv } from '../runtime';

const HEAD_BYTES = 64 * 1024;

/**
 * The 附件管理 row a control uploads to (its name cell), which survives the table re-rendering after an
 * upload; null outside a table (there the control itself is the key).
 */
function rowOf(input: HTMLInputElement): string | null {
  const tr = input.closest('tr');
  if (!tr) return null;
  const texts = [...tr.children].map((c) => cellText(c)).filter((t) => t && !/^\d+$/.test(t));
  return texts[0] ?? null;
}

/** A size limit written near the control, else anywhere on the page. */
function limitNear(input: HTMLInputElement): number | null {
  for (let el: Element | null = input.parentElement, depth = 0; el && depth < 6; el = el.parentElement, depth++) {
    const text = el.textContent ?? '';
    if (text.length > 3000) break;
    const limit = limitFromText(text);
    if (limit) return limit;
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (isOurs(n.parentElement)) continue;
    const limit = n.nodeValue?.includes('不超过') ? limitFromText(n.nodeValue) : null;
    if (limit) return limit;
  }
  return null;
}

/** An ID photo's control: the page calls it a photo (证件照片) next to it or in its title. */
function isPhotoControl(input: HTMLInputElement): boolean {
  for (let el: Element | null = input.parentElement, depth = 0; el && depth < 5; el = el.parentElement, depth++) {
    const text = el.textContent ?? '';
    if (text.length > 500) break;
    if (/照片|证件照/.test(text)) return true;
  }
  return false;
}

/** The picture drawn this small (longest side) to judge its colour: cheap, and a seal still shows. */
const COLOUR_SAMPLE_SIDE = 160;
/** A PDF larger than this is not read whole for its colour spaces (its colour stays unknown). */
const PDF_SCAN_BYTES = 20 * 1024 * 1024;

/** The bitmap's pixels, scaled down (OffscreenCanvas: nothing is drawn in the page). */
function samplePixels(bitmap: ImageBitmap): Uint8ClampedArray | null {
  const scale = Math.min(1, COLOUR_SAMPLE_SIDE / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * scale));
  const h = Math.max(1, Math.round(bitmap.height * scale));
  const g = new OffscreenCanvas(w, h).getContext('2d');
  if (!g) return null;
  g.drawImage(bitmap, 0, 0, w, h);
  return g.getImageData(0, 0, w, h).data;
}

async function inspect(file: File, input: HTMLInputElement, photo: boolean, row: string | null): Promise<UploadWarning[]> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const kind = sniff(head);
  let image: { width: number; height: number } | undefined;
  let colour: 'grey' | 'colour' | 'unknown' | undefined;
  if (kind === 'jpg' || kind === 'png') {
    try {
      const bitmap = await createImageBitmap(file);
      image = { width: bitmap.width, height: bitmap.height };
      if (!photo) {
        const pixels = samplePixels(bitmap);
        if (pixels) colour = looksGreyscale(pixels) ? 'grey' : 'colour';
      }
      bitmap.close();
    } catch {
      /* not decodable: the type check speaks */
    }
  } else if (kind === 'pdf' && !photo && file.size <= PDF_SCAN_BYTES) {
    colour = pdfColourEstimate(new Uint8Array(await file.arrayBuffer()));
  }
  return checkUpload(
    { name: file.name, size: file.size, head, ...(image ? { image } : {}), ...(colour ? { colour } : {}) },
    { accepted: acceptedTypes(input.getAttribute('accept')), limit: limitNear(input), photo, row },
  );
}

function message(env: FeatureEnv, w: UploadWarning): string {
  const mb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);
  switch (w.kind) {
    case 'type':
      return env.t('portal.upload.type', { name: w.name, accepted: w.accepted });
    case 'mismatch':
      return env.t('portal.upload.mismatch', { name: w.name, actual: w.actual.toUpperCase() });
    case 'empty':
      return env.t('portal.upload.empty');
    case 'size':
      return env.t('portal.upload.size', { size: mb(w.size), limit: mb(w.limit) });
    case 'resolution':
      return env.t('portal.upload.resolution', { width: w.width, height: w.height, min: w.min });
    case 'orientation':
      return env.t('portal.upload.orientation', { orientation: w.orientation });
    case 'photoShape':
      return env.t('portal.upload.photoShape', { width: w.width, height: w.height });
    case 'greyscale':
      return env.t(w.estimate ? 'portal.upload.greyscalePdf' : 'portal.upload.greyscale');
    case 'preferPdf':
      return env.t('portal.upload.preferPdf');
  }
}

type Result = { file: string; warnings: UploadWarning[]; key: string };
// Module-wide, for the content script's lifetime: an SPA switching views runs no feature for a moment
// (the loading view is no module), and a file chosen then must still be checked and shown.
const byInput = new WeakMap<HTMLInputElement, Result>();
const byRow = new Map<string, Result>();
let seq = 0;
let listening = false;
let refresh: () => void = () => {};
/** File inputs with a listener of their own, and the change events already seen (on the input or on the document). */
const bound = new WeakSet<HTMLInputElement>();
const seen = new WeakSet<Event>();

/** A file chosen: its File objects kept at once (the portal may clear the input right after), then checked. */
function fileChosen(event: Event): void {
  if (seen.has(event)) return;
  seen.add(event);
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== 'file' || isOurs(input)) return;
  const files = [...(input.files ?? [])];
  if (!files.length) return;
  const row = rowOf(input);
  const photo = isPhotoControl(input);
  void Promise.all(files.map((f) => inspect(f, input, photo, row))).then((lists) => {
    const result: Result = { file: files.map((f) => f.name).join('、'), warnings: lists.flat(), key: row ? `row:${row}` : `input#${seq++}` };
    byInput.set(input, result);
    if (row) byRow.set(`${location.href}|${row}`, result);
    refresh();
  });
}

function listen(env: FeatureEnv): void {
  refresh = () => env.refreshSoon();
  if (listening) return;
  listening = true;
  env.ctx.onInvalidated(() => (listening = false));
  // The page's change handler may clear the input: ours runs first (capture) and keeps the files.
  env.ctx.addEventListener(document, 'change', fileChosen, { capture: true });
}

/**
 * A listener on the input itself too: a file chosen while the portal re-renders its table lands on an input the
 * page has just taken out, whose change event never reaches the document (the page's own handler still uploads it).
 */
function bind(env: FeatureEnv, input: HTMLInputElement): void {
  if (bound.has(input)) return;
  bound.add(input);
  env.ctx.addEventListener(input, 'change', fileChosen, { capture: true });
}

addFeature({
  id: 'upload-precheck',
  include: [isRecognised],
  init(env) {
    listen(env);
    env.onRefresh(() => {
      const placements: Placement[] = [];
      // Read through the scan: a batch that adds, removes or restyles no file input (a list reloaded) does not
      // re-check this (issue #16); a checked file asks for a refresh itself (refreshSoon above).
      for (const input of env.scan().all<HTMLInputElement>('input[type=file]')) {
        bind(env, input);
        const row = rowOf(input);
        const result = byInput.get(input) ?? (row ? byRow.get(`${location.href}|${row}`) : undefined);
        const box = result ? shownBox(env, input) : null;
        if (!result || !box) continue;
        placements.push({
          key: result.key,
          anchor: box,
          where: 'after',
          version: JSON.stringify([result, env.lang]),
          render: () => (
            <Note brand={brandOf(env)} level={result.warnings.length ? 'warning' : 'ok'} title={env.t('portal.upload.title', { file: result.file })} section={result.warnings.length ? uploadCitations(result.warnings) : UPLOAD_BASIS_CITATION.advice}>
              {result.warnings.length ? (
                <ul>
                  {result.warnings.map((w) => (
                    <li class="warning">{message(env, w)}</li>
                  ))}
                </ul>
              ) : (
                env.t('portal.upload.ok')
              )}
              {result.warnings.length ? <div class="s">{env.t('portal.upload.notBlocked')}</div> : null}
            </Note>
          ),
        });
      }
      env.anchors.sync(placements);
    });
  },
});

// Tested on: person-platform #/person-platform/attachments (hidden el-upload inputs; the table re-renders
// after the upload), #/person-platform/photo (accept .jpg, 200KB limit in the tip) and gzjzz/person/fjgl.html
// (visible file inputs, 5M in the page tip); colour advice on the same two 附件管理 pages (grey/colour JPEGs, grey/RGB PDFs).
