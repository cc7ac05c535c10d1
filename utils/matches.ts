/**
 * The one place that says which pages are the portal: the manifest's host permission and content
 * script matches (wxt.config.ts, entrypoints/portal.content) and every sender check in the background
 * use these. https only: a page served over http can be rewritten on the way, so it gets neither our
 * script nor our answers.
 */

/** The match pattern of the portal's pages (bjrcgz.gov.cn and its subdomains, https only). */
const PORTAL_MATCH = 'https://*.bjrcgz.gov.cn/*';

/** The manifest's `matches` / `host_permissions`. */
export const PORTAL_MATCHES: string[] = [PORTAL_MATCH];

const PORTAL_HOST = /(^|\.)bjrcgz\.gov\.cn$/i;

/** True for https URLs on bjrcgz.gov.cn or a subdomain: exactly what PORTAL_MATCH matches. */
export function isPortalUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && PORTAL_HOST.test(u.hostname);
  } catch {
    return false;
  }
}

/** The host of a portal URL, as the side panel names it beside anything offered from page content ('' when none). */
export function portalHostOf(url: string | undefined | null): string {
  if (!url) return '';
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * The name under which the running portal content script marks itself in its isolated world (a function saying
 * whether it is still alive); the background reads it before injecting the script again (portal-injection.ts).
 */
export const PORTAL_ALIVE_KEY = '__jzzPortalAlive';
