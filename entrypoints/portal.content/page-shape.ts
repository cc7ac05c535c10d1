/**
 * 导出页面结构（不含个人信息） (issue #17 1): the page's structure as a standalone HTML file, built here with
 * DOM APIs into a fresh document and serialised once; no page text is ever pasted into HTML source.
 *
 * Kept: tags, class names (digits masked), roles, types, ARIA states, the label/`for` links (ids renamed
 * ea, eb…), and every text or text attribute (placeholder, title, alt, aria-label) that is vocabulary
 * (shape-mask.ts). Masked to the same shape: every other text, every input, select, textarea and
 * option value, data-* values, the page address's query and hash-route parameter values. Dropped:
 * scripts, styles, stylesheets, images' and frames' sources, frames' content, svg, event handlers, the
 * `checked`/`selected` states, links' query strings, our own hosts. What the adapter reads from the
 * layout is written as a small inline style of our own: hidden (display/visibility) and a title's
 * font weight and size (evidence.ts looksLikeTitle).
 *
 * The side panel asks for it (utils/page-shape.ts exportPageShape), shows exactly this text, and saves it
 * only when the agent clicks 保存文件. Nothing is sent anywhere.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import type { PageShape, PageShapeProtocolMap } from '../../utils/page-shape';
import { localToday } from './bridge';
import { isOurs } from './hosts';
import { maskAll, maskCode, maskText, maskUrl } from './shape-mask';

/** Never copied, with their content. */
const DROP_TAGS = new Set([
  'script', 'style', 'link', 'meta', 'noscript', 'template', 'object', 'embed', 'base', 'svg', 'math', 'audio', 'video',
  'source', 'track', 'param', 'frameset', 'frame', 'head', 'title', 'slot',
]);
/** Copied as an empty element: no source, no content. */
const EMPTY_TAGS = new Set(['iframe', 'img', 'canvas', 'picture']);
/** Containers laid out one child per line in the file (readability only; the adapter ignores white space). */
const BLOCK_TAGS = new Set([
  'body', 'div', 'form', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'ul', 'ol', 'dl', 'section', 'header', 'footer', 'main',
  'aside', 'nav', 'fieldset', 'colgroup', 'select', 'article',
]);
/** Tags with a user-agent font weight or size of their own: their computed value is always written. */
const UA_FONT_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th', 'b', 'strong', 'small', 'big', 'caption', 'legend', 'font']);

/** Attributes kept as written when they are a short plain word (roles, types, states). */
const WORD_ATTRS = new Set([
  'role', 'type', 'aria-hidden', 'aria-expanded', 'aria-selected', 'aria-disabled', 'aria-required', 'aria-readonly',
  'aria-modal', 'aria-haspopup', 'aria-level', 'aria-sort', 'disabled', 'readonly', 'required', 'hidden', 'multiple',
  'contenteditable', 'colspan', 'rowspan', 'scope', 'maxlength', 'open', 'tabindex',
]);
/** Code-like attributes: Latin kept, digits and Han masked. */
const CODE_ATTRS = new Set(['class', 'name', 'accept', 'autocomplete', 'inputmode']);
/** Human-readable attributes: vocabulary kept, anything else masked. */
const TEXT_ATTRS = new Set(['placeholder', 'title', 'alt', 'aria-label', 'aria-placeholder', 'aria-roledescription', 'label', 'summary']);
/** Attributes naming other elements by id: renamed with the ids. */
const REF_ATTRS = new Set(['id', 'for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant', 'list', 'form', 'headers']);

/** Classes that say which radio, checkbox or option is chosen (Element's is-checked, selected): left out. */
const CHOSEN_CLASS = /checked|selected/i;

/** Beyond this the file is cut (a page this large is not a portal form); the preview says so. */
const MAX_ELEMENTS = 30_000;
const MAX_TEXT = 2_000;

interface Inherited {
  visibility: string;
  weight: number;
  size: number;
}

/** The page's structure without personal data (see the file comment). */
function pageShape(doc: Document, href: string, today: string): PageShape {
  // No argument: no <title> of its own (ours is added below, after the charset).
  const out = doc.implementation.createHTMLDocument();
  const view = doc.defaultView;
  const ids = new Map<string, string>();
  const stats: PageShape['stats'] = { elements: 0, keptTexts: 0, maskedTexts: 0, maskedValues: 0, dropped: 0, truncated: false };
  // Letters only (ea, eb…): no digit in the file comes from the page's ids.
  const idOf = (v: string) => {
    let t = ids.get(v);
    if (!t) ids.set(v, (t = `e${letters(ids.size)}`));
    return t;
  };
  const text = (v: string) => {
    const masked = maskText(v.length > MAX_TEXT ? v.slice(0, MAX_TEXT) : v);
    if (masked === v.replace(/\s+/g, ' ')) stats.keptTexts++;
    else stats.maskedTexts++;
    return masked;
  };
  const value = (v: string) => {
    if (v) stats.maskedValues++;
    return maskAll(v.length > MAX_TEXT ? v.slice(0, MAX_TEXT) : v);
  };

  const copyAttributes = (el: Element, copy: Element, tag: string) => {
    for (const { name, value: v } of [...el.attributes]) {
      let result: string | null = null;
      if (WORD_ATTRS.has(name)) result = /^[\w-]{0,20}$/.test(v) ? v : null;
      // Which option is chosen is the person's answer (性别, 学历): only a tab's selection is structure.
      if (name === 'aria-selected' && el.getAttribute('role') !== 'tab') result = null;
      else if (name === 'class') result = maskCode(v).split(/\s+/).filter((c) => c && !CHOSEN_CLASS.test(c)).join(' ');
      else if (CODE_ATTRS.has(name)) result = maskCode(v).slice(0, MAX_TEXT);
      else if (TEXT_ATTRS.has(name)) result = text(v);
      else if (REF_ATTRS.has(name)) result = v.split(/\s+/).filter(Boolean).map(idOf).join(' ');
      else if (name.startsWith('data-')) {
        const safe = maskCode(name).replace(/[^\w-]/g, '');
        if (safe.length > 5) {
          try {
            copy.setAttribute(safe, value(v));
          } catch {
            /* not a valid attribute name after masking: left out */
          }
        }
        continue;
      } else if ((name === 'href' && (tag === 'a' || tag === 'area')) || (name === 'action' && tag === 'form')) {
        result = maskUrl(v, href, 'dropped') || null;
      }
      // Everything else (style, src, srcset, on*, value, checked, selected…) is not copied.
      if (result !== null) copy.setAttribute(name, result);
    }
  };

  const copyValue = (el: Element, copy: Element, tag: string) => {
    if (tag === 'input') {
      const input = el as HTMLInputElement;
      const type = input.type;
      if (type === 'button' || type === 'submit' || type === 'reset') copy.setAttribute('value', text(input.value));
      else if (type === 'checkbox' || type === 'radio') copy.setAttribute('value', value(input.getAttribute('value') ?? ''));
      else if (type !== 'file' && type !== 'image') copy.setAttribute('value', value(input.value));
    } else if (tag === 'textarea') {
      copy.textContent = value((el as HTMLTextAreaElement).value);
    } else if (tag === 'option' && el.hasAttribute('value')) {
      copy.setAttribute('value', value(el.getAttribute('value') ?? ''));
    }
  };

  /** Our own inline style: only what the adapter reads from the layout. */
  const styleOf = (el: Element, tag: string, parent: Inherited): { style: string; mine: Inherited } => {
    if (!view) return { style: '', mine: parent };
    const cs = view.getComputedStyle(el);
    const weight = Number(cs.fontWeight) || (cs.fontWeight === 'bold' ? 700 : 400);
    const size = Math.round(parseFloat(cs.fontSize) || parent.size);
    const visibility = cs.visibility === 'visible' ? 'visible' : 'hidden';
    const parts: string[] = [];
    if (cs.display === 'none') parts.push('display:none');
    if (visibility !== parent.visibility) parts.push(`visibility:${visibility}`);
    if (weight >= 600 !== parent.weight >= 600 || UA_FONT_TAGS.has(tag)) parts.push(`font-weight:${weight >= 600 ? 700 : 400}`);
    if (size !== parent.size || UA_FONT_TAGS.has(tag)) parts.push(`font-size:${size}px`);
    return { style: parts.join(';'), mine: { visibility, weight, size } };
  };

  const copyChildren = (from: Element, to: Element, inherited: Inherited, tag: string) => {
    const block = BLOCK_TAGS.has(tag) && ![...from.childNodes].some((n) => n.nodeType === 3 && n.nodeValue?.trim());
    for (let n = from.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const v = n.nodeValue ?? '';
        if (!v.trim()) {
          if (!block && v) to.append(out.createTextNode(v.includes('\n') ? '\n' : ' '));
          continue;
        }
        to.append(out.createTextNode(text(v)));
      } else if (n.nodeType === 1) {
        const child = copyElement(n as Element, inherited);
        if (!child) continue;
        if (block) to.append(out.createTextNode('\n'));
        to.append(child);
      }
      // Comments and processing instructions are left out.
    }
    if (block && to.lastChild) to.append(out.createTextNode('\n'));
  };

  const copyElement = (el: Element, parent: Inherited): Element | null => {
    if (isOurs(el)) return null;
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
      stats.dropped++;
      return null;
    }
    const tag = el.localName;
    if (DROP_TAGS.has(tag)) {
      stats.dropped++;
      return null;
    }
    if (stats.elements >= MAX_ELEMENTS) {
      stats.truncated = true;
      return null;
    }
    stats.elements++;
    let copy: Element;
    try {
      copy = out.createElement(tag);
    } catch {
      copy = out.createElement('div');
    }
    copyAttributes(el, copy, tag);
    copyValue(el, copy, tag);
    const { style, mine } = styleOf(el, tag, parent);
    if (style) copy.setAttribute('style', style);
    if (EMPTY_TAGS.has(tag) || tag === 'textarea') return copy;
    copyChildren(el, copy, mine, tag);
    return copy;
  };

  const url = maskUrl(href, href, 'masked');
  out.documentElement.setAttribute('lang', 'zh-CN');
  const head = out.head;
  const meta = (attrs: Record<string, string>) => {
    const m = out.createElement('meta');
    for (const [k, v] of Object.entries(attrs)) m.setAttribute(k, v);
    head.append(out.createTextNode('\n'), m);
  };
  meta({ charset: 'utf-8' });
  meta({ name: 'generator', content: '工作居住证申报助手 · 导出页面结构（不含个人信息）' });
  meta({ name: 'jzz-shape-url', content: url });
  meta({ name: 'jzz-shape-date', content: today });
  const title = out.createElement('title');
  title.textContent = text(doc.title);
  head.append(out.createTextNode('\n'), title, out.createTextNode('\n'));

  const body = doc.body;
  if (body) {
    const root: Inherited = { visibility: 'visible', weight: 400, size: 16 };
    const copy = copyElement(body, root);
    if (copy) out.body.replaceWith(copy);
  }
  const html = `<!DOCTYPE html>\n${out.documentElement.outerHTML}\n`;
  return { html, url, stats };
}

/** 0 → a, 25 → z, 26 → ba… */
function letters(n: number): string {
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
}

const messenger = defineExtensionMessaging<PageShapeProtocolMap>();

/**
 * Answers the side panel's exportPageShape for this tab. Only our own extension pages can ask (a page has
 * no way to message us); returns the stop function for ctx.onInvalidated.
 */
export function listenPageShape(): () => void {
  const own = browser.runtime.getURL('/');
  return messenger.onMessage('exportPageShape', ({ sender }) => {
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(own)) throw new Error('refused');
    return pageShape(document, location.href, localToday());
  });
}
