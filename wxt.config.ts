import { defineConfig } from 'wxt';
import { PORTAL_MATCHES } from './utils/matches';

// Manifest kept to what the product uses; a test pins it (tests/e2e/manifest.spec.ts).
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Every dependency is an import line: no auto-imports (the dependency check reads imports, and so do newcomers).
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // contextMenus: the action's menu item 「打开案卷簿」. scripting: the portal content script is injected by the
    // background after a portal page's load event (entrypoints/background/portal-injection.ts, issue #16: the page's
    // load event waits for no script of ours).
    permissions: ['storage', 'unlimitedStorage', 'sidePanel', 'alarms', 'notifications', 'contextMenus', 'scripting'],
    // https only (utils/matches.ts): an http page could be rewritten on the way.
    host_permissions: PORTAL_MATCHES,
    // No declared content script: see above.
    action: { default_title: '__MSG_actionTitle__' },
    // No remote code, ever: only the extension's own scripts.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '116' }),
  }),
  zip: { artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip' },
});
