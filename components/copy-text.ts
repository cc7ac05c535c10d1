/**
 * Copies text to the clipboard, for React pages and the content script alike (no React here).
 * Only the async Clipboard API: when it fails (no permission or focus, or a page's
 * `Permissions-Policy: clipboard-write=()`), the caller says 复制失败 and shows the text. There is no
 * selected-textarea + document copy-command fallback: in a portal page that copy fires the page's own
 * copy listeners, which could read and replace what we copy while we said 已复制 (issue #20).
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
