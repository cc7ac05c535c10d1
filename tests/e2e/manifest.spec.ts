import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

for (const target of ['chrome-mv3', 'edge-mv3']) {
  test(`the ${target} manifest asks for exactly the permissions the product uses`, () => {
    const file = path.join(root, '.output', target, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toBe('__MSG_extName__');
    // scripting (no install warning): the background injects the portal content script after a portal page's load
    // event (issue #16); it is a file of the build, and the manifest declares no content script at all.
    expect([...manifest.permissions].sort()).toEqual(['alarms', 'contextMenus', 'notifications', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage']);
    // https only (issue #20): an http page gets neither our script nor our answers.
    expect(manifest.host_permissions).toEqual(['https://*.bjrcgz.gov.cn/*']);
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(fs.existsSync(path.join(root, '.output', target, 'content-scripts/portal.js'))).toBe(true);
    expect(manifest.content_security_policy.extension_pages).toBe("script-src 'self'; object-src 'self'");
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    expect(manifest.side_panel.default_path).toBe('sidepanel.html');
    expect(manifest.action).toBeDefined();
    const zh = JSON.parse(fs.readFileSync(path.join(root, '.output', target, '_locales/zh_CN/messages.json'), 'utf8'));
    const en = JSON.parse(fs.readFileSync(path.join(root, '.output', target, '_locales/en/messages.json'), 'utf8'));
    expect(zh.extName.message).toBe('工作居住证申报助手');
    expect(en.extName.message).toBe('Beijing Work Residence Permit Assistant');
  });
}
