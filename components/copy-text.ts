/**
 * Copies text to the clipboard, for React pages and the content script alike (no React here).
 * Without clipboard permission or focus it falls back to a selected textarea and the copy command;
 * `container` keeps that textarea inside our own UI (the content script passes its closed shadow
 * root's node, so the page never sees the text).
 */
export async function copyText(text: string, container?: Node | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    (container ?? document.body).appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}
