/**
 * The portal content script comes after a portal page's load event (issue #16): the background injects it when the
 * tab's load completes, once per document, only on https portal pages; a loading tab is looked at every LOAD_POLL_MS
 * (a 'complete' event missed by a worker still starting), and a load that never completes gets it after SLOW_LOAD_MS.
 */
import { describe, expect, it } from 'vitest';
import { LOAD_POLL_MS, portalInjection, SLOW_LOAD_MS } from '../../../entrypoints/background/portal-injection';

const PORTAL = 'https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/basic-info';

function setup(opts: { running?: boolean; failInject?: boolean } = {}) {
  const injected: number[] = [];
  const asked: number[] = [];
  const timers = new Map<number, () => void>();
  let nextTimer = 1;
  const tabs = new Map<number, { status?: string; url?: string }>();
  const injection = portalInjection({
    running: async (tabId) => {
      asked.push(tabId);
      return opts.running ?? injected.includes(tabId);
    },
    inject: async (tabId) => {
      if (opts.failInject) throw new Error('Cannot access contents of the page');
      injected.push(tabId);
    },
    tab: async (tabId) => tabs.get(tabId) ?? null,
    setTimer: (fn, ms) => {
      expect(ms).toBe(LOAD_POLL_MS);
      const id = nextTimer++;
      timers.set(id, fn);
      return id;
    },
    clearTimer: (id) => timers.delete(id as number),
  });
  const fire = async () => {
    const pending = [...timers.values()];
    timers.clear();
    for (const fn of pending) fn();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { injection, injected, asked, timers, tabs, fire };
}

describe('the portal script injected after the load event', () => {
  it('a portal page that completes its load gets the script once, however often it completes again', async () => {
    const t = setup();
    await t.injection.onUpdated(7, { status: 'loading', url: PORTAL }, { url: PORTAL });
    expect(t.injected).toEqual([]);
    await t.injection.onUpdated(7, { status: 'complete' }, { url: PORTAL });
    expect(t.injected).toEqual([7]);
    // An SPA route change or a page back from the back-forward cache completes again: the running copy is asked first.
    await t.injection.onUpdated(7, { status: 'complete' }, { url: PORTAL });
    expect(t.injected).toEqual([7]);
    expect(t.asked).toEqual([7, 7]);
    // The slow-load timer went with the completed load.
    expect(t.timers.size).toBe(0);
  });

  it('injects nothing outside the portal, on an http copy of it, or into a tab whose script already runs', async () => {
    const t = setup();
    await t.injection.onUpdated(1, { status: 'complete' }, { url: 'https://example.com/' });
    await t.injection.onUpdated(2, { status: 'complete' }, { url: PORTAL.replace('https:', 'http:') });
    await t.injection.onUpdated(3, { status: 'complete' }, { url: 'https://bjrcgz.gov.cn.evil.example/' });
    await t.injection.onUpdated(4, { status: 'complete' }, {});
    await t.injection.onUpdated(5, { status: 'loading', url: 'https://example.com/' }, {});
    expect(t.injected).toEqual([]);
    expect(t.timers.size).toBe(0);
    const running = setup({ running: true });
    await running.injection.onUpdated(6, { status: 'complete' }, { url: PORTAL });
    expect(running.injected).toEqual([]);
  });

  it('a load that never completes still gets the assistant after SLOW_LOAD_MS, unless it completed or left the portal', async () => {
    const t = setup();
    await t.injection.onUpdated(7, { status: 'loading', url: PORTAL }, { url: PORTAL });
    t.tabs.set(7, { status: 'loading', url: PORTAL });
    const polls = SLOW_LOAD_MS / LOAD_POLL_MS;
    for (let i = 1; i < polls; i++) {
      await t.fire();
      expect(t.injected).toEqual([]);
    }
    await t.fire();
    expect(t.injected).toEqual([7]);
    expect(t.timers.size).toBe(0);

    const left = setup();
    await left.injection.onUpdated(8, { status: 'loading', url: PORTAL }, { url: PORTAL });
    left.tabs.set(8, { status: 'loading', url: 'https://example.com/' });
    await left.fire();
    expect(left.injected).toEqual([]);
    expect(left.timers.size).toBe(0);

    const closed = setup();
    await closed.injection.onUpdated(9, { status: 'loading', url: PORTAL }, { url: PORTAL });
    closed.injection.onRemoved(9);
    expect(closed.timers.size).toBe(0);
  });

  it("a tab whose 'complete' event was missed is injected at the next look at its status", async () => {
    const t = setup();
    await t.injection.onUpdated(7, { status: 'loading', url: PORTAL }, { url: PORTAL });
    t.tabs.set(7, { status: 'complete', url: PORTAL });
    await t.fire();
    expect(t.injected).toEqual([7]);
  });

  it('a page the browser will not let us script (an error page) is left alone without an error', async () => {
    const t = setup({ failInject: true });
    await expect(t.injection.onUpdated(7, { status: 'complete' }, { url: PORTAL })).resolves.toBeUndefined();
  });
});

describe('portal tabs open when the extension is installed or updated', () => {
  it('each loaded https portal tab without our script gets it; a loading one once it has loaded; other tabs never', async () => {
    const t = setup();
    await t.injection.sweep([
      { id: 1, url: PORTAL, status: 'complete' },
      { id: 2, url: 'https://example.com/', status: 'complete' },
      { id: 3, url: PORTAL, status: 'loading' },
      { url: PORTAL, status: 'complete' },
      { id: 4, url: PORTAL.replace('https:', 'http:'), status: 'complete' },
    ]);
    expect(t.injected).toEqual([1]);
    await t.injection.sweep([{ id: 1, url: PORTAL, status: 'complete' }]);
    expect(t.injected).toEqual([1]);
    t.tabs.set(3, { status: 'complete', url: PORTAL });
    await t.fire();
    expect(t.injected).toEqual([1, 3]);
  });
});
