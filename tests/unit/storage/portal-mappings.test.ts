/**
 * Taught portal mappings (issue #17 part 3) in storage: what the agent teaches is kept as label texts only,
 * and a 页面适配包 is refused whole — with a Chinese reason and nothing changed — when it is not JSON, not a
 * pack, from a newer version, too large, hostile, or carries anything but labels of known fields and modules.
 * A good pack is previewed (adds / replaces) and imported in one transaction.
 */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../storage/db';
import { STORES_V2 } from '../../../storage/schema-v2';
import { parsePortalPack } from '../../../storage/repos/portal-mappings';
import { PORTAL_PACK_FORMAT, type PortalMappingInput } from '../../../storage/schemas';
import { makeClock, snapshot, useFreshDb } from './helpers';
import { registerPortalHandlers } from '../../../entrypoints/background/portal-handlers';
import type { MessageSender } from '../../../entrypoints/background/storage-handlers';
import { PageReport } from '../../../utils/messaging';

const FIELD: PortalMappingInput = { kind: 'field', module: 'person-education', key: 'educationLevel', label: '培养层次', path: 'div.el-table > table > thead > tr > th' };
const PAGE: PortalMappingInput = { kind: 'page', module: 'person-education', heading: 'EducationRecords', labels: ['培养层次', '就读机构', '起始', '截止'] };
const pack = (mappings: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: PORTAL_PACK_FORMAT, version: 1, exportedAt: '2026-12-04T02:00:00.000Z', mappings, ...extra });

describe('a 页面适配包 is refused whole, with its reason in Chinese', () => {
  const refusals: [string, () => string, RegExp][] = [
    ['an empty file', () => '', /文件是空的/],
    ['a file that is not JSON', () => '{"format": "jzz-portal-pack",', /不是有效的 JSON/],
    ['a JSON array', () => '[1,2,3]', /不是本扩展导出的页面适配包/],
    ['a backup file instead of a pack', () => JSON.stringify({ format: 'jzz-backup', formatVersion: 1 }), /不是本扩展导出的页面适配包/],
    ['a pack from a newer version', () => pack([FIELD], { version: 2 }), /更新版本.*请先升级扩展/],
    ['a file over 64 KB', () => pack([FIELD], { padding: 'x'.repeat(70_000) }), /文件过大/],
    ['a hostile __proto__ key', () => pack([JSON.parse('{"__proto__": {"polluted": true}, "kind": "page"}')]), /不允许的键「__proto__」/],
    ['too many entries', () => pack(Array.from({ length: 201 }, () => FIELD)), /超过上限 200/],
    ['an unknown field key', () => pack([{ ...FIELD, key: 'bankAccount' }]), /未知的字段/],
    ['an unknown module', () => pack([{ ...FIELD, module: 'bank' }]), /内容无效/],
    ['an unknown property', () => pack([{ ...FIELD, value: '张伟' }]), /内容无效/],
    ['HTML in a label', () => pack([{ ...FIELD, label: '<img src=x onerror=alert(1)>' }]), /HTML 或脚本/],
    ['script in a heading', () => pack([{ ...PAGE, heading: 'javascript:alert(1)' }]), /HTML 或脚本/],
    ['an ID number as a label', () => pack([{ ...FIELD, label: '11010119900307123X' }]), /连续数字/],
    ['a phone number as a label', () => pack([{ ...FIELD, label: '手机13812345678' }]), /连续数字/],
    ['an e-mail address as a label', () => pack([{ ...FIELD, label: 'li.na@example.cn' }]), /邮箱/],
    ['a long text as a label', () => pack([{ ...FIELD, label: '北京市大兴区兴华大街一号院三号楼五单元' + '某'.repeat(10) }]), /过长/],
    ['a generated id in the structural path', () => pack([{ ...FIELD, path: 'div#el-id-1024-7 > label' }]), /结构路径/],
    ['a class name with digits in the structural path', () => pack([{ ...FIELD, path: 'div.el-id-1024 > label' }]), /结构路径/],
    ['the same field twice', () => pack([FIELD, { ...FIELD, label: '层次' }]), /出现了两次/],
  ];
  const t = useFreshDb();
  it.each(refusals)('%s', async (_name, make, reason) => {
    const text = make();
    expect(() => parsePortalPack(text)).toThrow(reason);
    const before = await snapshot(t.db);
    await expect(t.repos.portalMappings.importPack(text)).rejects.toMatchObject({ code: 'invalid' });
    await expect(t.repos.portalMappings.previewImport(text)).rejects.toThrow(/无法导入页面适配包.*未导入任何内容/);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('a refusal never quotes the offending text back', () => {
    expect(() => parsePortalPack(pack([{ ...FIELD, label: '张伟的身份证11010119900307123X' }]))).toThrow(/^(?!.*11010119900307123X).*$/s);
    expect(() => parsePortalPack(pack([{ ...FIELD, label: '某'.repeat(40) }]))).toThrow(/^(?!.*某某某某).*$/s);
  });
});

describe('teaching, editing and sharing mappings', () => {
  const t = useFreshDb({ now: makeClock('2026-12-04T02:00:00.000Z').now });

  it('teaching the same field again replaces its label; a page is kept per module and heading', async () => {
    await t.repos.portalMappings.save(FIELD);
    await t.repos.portalMappings.save({ ...FIELD, label: '层次' });
    await t.repos.portalMappings.save(PAGE);
    await t.repos.portalMappings.save({ ...PAGE, heading: '学业档案' });
    const rows = await t.repos.portalMappings.list();
    expect(rows.map((r) => r.kind)).toEqual(['page', 'page', 'field']);
    expect(rows.find((r) => r.kind === 'field')).toMatchObject({ label: '层次' });
  });

  it('editing a page heading moves it; editing a field with a page patch is refused', async () => {
    const page = await t.repos.portalMappings.save(PAGE);
    const moved = await t.repos.portalMappings.update(page.id, { heading: '学业记录' });
    expect(moved.id).not.toBe(page.id);
    expect((await t.repos.portalMappings.list()).map((r) => r.kind === 'page' && r.heading)).toEqual(['学业记录']);
    const field = await t.repos.portalMappings.save(FIELD);
    await expect(t.repos.portalMappings.update(field.id, { heading: '学业记录' })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('export → import into a fresh profile: previewed as additions, then every mapping is there', async () => {
    await t.repos.portalMappings.save(FIELD);
    await t.repos.portalMappings.save(PAGE);
    const text = JSON.stringify(await t.repos.portalMappings.exportPack());
    expect(text).not.toMatch(/"id"|createdAt|updatedAt/);
    const other = openDb(`test-${globalThis.crypto.randomUUID()}`);
    try {
      const { createRepos } = await import('../../../storage/repos');
      const repos = createRepos(other);
      await repos.portalMappings.save({ ...FIELD, label: '层次' });
      const preview = await repos.portalMappings.previewImport(text);
      expect(preview.adds).toHaveLength(1);
      expect(preview.replaces).toHaveLength(1);
      expect(preview.replaces[0].before).toMatchObject({ label: '层次' });
      expect(await repos.portalMappings.importPack(text)).toEqual({ added: 1, replaced: 1 });
      expect((await repos.portalMappings.list()).map((r) => (r.kind === 'field' ? r.label : r.heading))).toEqual(['EducationRecords', '培养层次']);
      // Importing the same pack again changes nothing.
      expect(await repos.portalMappings.importPack(text)).toEqual({ added: 0, replaced: 0 });
    } finally {
      await other.delete();
    }
  });
});

describe('upgrading a version 2 database to version 4', () => {
  it('keeps every table and adds an empty, writable portalMappings', async () => {
    const name = `test-v2-${globalThis.crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(2).stores(STORES_V2);
    await old.open();
    await old.table('notes').add({ id: 'n1', employeeId: 'e1', text: '旧备注', at: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
    old.close();
    const db = openDb(name);
    try {
      await db.open();
      expect(db.verno).toBe(4);
      expect(await db.notes.count()).toBe(1);
      expect(await db.portalMappings.count()).toBe(0);
      const { createRepos } = await import('../../../storage/repos');
      await createRepos(db).portalMappings.save(FIELD);
      expect(await db.portalMappings.count()).toBe(1);
    } finally {
      await db.delete();
    }
  });
});

describe('getPortalMappings: what the content script is told', () => {
  const t = useFreshDb();
  const RUNTIME_ID = 'ourextensionidaaaaaaaaaaaaaaaaaa';
  const PORTAL = 'https://fw.bjrcgz.gov.cn/person-platform/v2/education.html';
  const handler = () => {
    const handlers = new Map<string, (m: { data: unknown; sender: MessageSender }) => Promise<unknown>>();
    registerPortalHandlers(((type: string, h: never) => handlers.set(type, h)) as never, { db: t.db, runtimeId: RUNTIME_ID, focusDraft: async () => null });
    return handlers.get('getPortalMappings')!;
  };

  it('labels, headings, modules and paths only, to our content script on the portal only', async () => {
    await t.repos.portalMappings.save(FIELD);
    await t.repos.portalMappings.save(PAGE);
    const get = handler();
    const sender: MessageSender = { id: RUNTIME_ID, url: PORTAL, tab: { id: 7, url: PORTAL, active: true }, frameId: 0 };
    expect(await get({ data: undefined, sender })).toEqual({
      fields: [{ module: 'person-education', key: 'educationLevel', label: '培养层次', path: FIELD.kind === 'field' ? FIELD.path : '' }],
      pages: [{ module: 'person-education', heading: 'EducationRecords', labels: ['培养层次', '就读机构', '起始', '截止'] }],
    });
    await expect(get({ data: undefined, sender: { id: 'otherextension', url: PORTAL, tab: { id: 7, url: PORTAL } } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(get({ data: { all: true }, sender })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('a page report may say what teaching recognised, in labels only', () => {
    const base = { url: PORTAL, title: '北京市政务服务', module: 'person-education', fieldsFound: ['educationLevel'], fieldsMissing: [], reasons: [], reportedAt: 1 };
    expect(PageReport.safeParse({ ...base, taught: { page: 'EducationRecords', fields: [{ key: 'educationLevel', label: '培养层次' }] } }).success).toBe(true);
    expect(PageReport.safeParse({ ...base, taught: { fields: [{ key: 'educationLevel', label: '某'.repeat(31) }] } }).success).toBe(false);
    expect(PageReport.safeParse({ ...base, taught: { fields: [], value: '张伟' } }).success).toBe(false);
  });
});
