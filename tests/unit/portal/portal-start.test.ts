/**
 * The portal content script is injected by the background when the small start script asks (issue #16):
 * into the asking frame of the asking portal tab, and for nobody else.
 */
import { describe, expect, it } from 'vitest';
import { registerPortalHandlers } from '../../../entrypoints/background/portal-handlers';
import type { MessageSender } from '../../../entrypoints/background/storage-handlers';
import { useFreshDb, makeClock } from '../storage/helpers';

const RUNTIME_ID = 'ourextensionidaaaaaaaaaaaaaaaaaa';
const PORTAL = 'https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/basic-info';
const startScript = (over: Partial<MessageSender> = {}): MessageSender => ({ id: RUNTIME_ID, url: PORTAL, frameId: 0, tab: { id: 7, url: PORTAL, active: true }, ...over });

describe('startPortalScript', () => {
  const t = useFreshDb({ now: makeClock().ticking });

  function setup() {
    const injected: [number, number][] = [];
    const handlers = new Map<string, (m: { data: unknown; sender: MessageSender }) => Promise<unknown>>();
    const on = ((type: string, handler: (m: { data: unknown; sender: MessageSender }) => Promise<unknown>) => {
      handlers.set(type, handler);
      return () => {};
    }) as never;
    registerPortalHandlers(on, { db: t.db, runtimeId: RUNTIME_ID, focusDraft: async () => null, injectPortalScript: async (tab, frame) => void injected.push([tab, frame]) });
    return { start: handlers.get('startPortalScript')!, injected };
  }

  it('injects the portal script into the frame of the portal tab that asked', async () => {
    const { start, injected } = setup();
    await start({ data: undefined, sender: startScript() });
    await start({ data: undefined, sender: startScript({ frameId: 3 }) });
    expect(injected).toEqual([
      [7, 0],
      [7, 3],
    ]);
  });

  it('injects nothing for another extension, a page outside the portal, an http page or a payload', async () => {
    const { start, injected } = setup();
    await expect(start({ data: undefined, sender: startScript({ id: 'someoneelseaaaaaaaaaaaaaaaaaaaaa' }) })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(start({ data: undefined, sender: startScript({ url: 'https://example.com/', tab: { id: 7, url: 'https://example.com/' } }) })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(start({ data: undefined, sender: startScript({ url: PORTAL.replace('https:', 'http:'), tab: { id: 7, url: PORTAL.replace('https:', 'http:') } }) })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(start({ data: { files: ['evil.js'] }, sender: startScript() })).rejects.toMatchObject({ code: 'invalid' });
    expect(injected).toEqual([]);
  });
});
