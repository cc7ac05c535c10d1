/**
 * Taught portal mappings (issue #17 part 3): saved from the side panel after the agent picked an element
 * on the page, listed, edited and deleted in the case book's settings, and exported / imported as a
 * 页面适配包. An import is validated whole (format, version, size, shape, every text a label) before
 * anything is written, previewed, and then written in one transaction: all or nothing.
 */
import { StorageError, fromZodError, type Bilingual } from '../errors';
import { findHostileKey } from '../../utils/hostile';
import {
  PORTAL_PACK_FORMAT,
  PORTAL_PACK_LIMITS,
  PORTAL_PACK_VERSION,
  FieldMappingPatch,
  PageMappingPatch,
  PortalMappingInput,
  PortalMappingRow,
  PortalPack,
  portalMappingId,
  type PortalMapping,
  type PortalMappingPatch,
} from '../schemas';
import { applyPatch, audit, parseOrThrow, readOp, writeTx, type RepoContext } from './context';

const WHAT: Bilingual = { zh: '页面适配', en: 'Portal mapping' };
const UNCHANGED: Bilingual = { zh: '未导入任何内容。', en: 'Nothing was imported.' };

/** What an import would do, shown to the agent before confirming. */
export interface PackPreview {
  pack: PortalPack;
  /** Entries with no mapping of the same module and field / heading yet. */
  adds: PortalMappingInput[];
  /** Entries replacing a different mapping of the same id. */
  replaces: { before: PortalMapping; after: PortalMappingInput }[];
  /** Entries already present as they are. */
  same: number;
}

function refusePack(text: Bilingual): StorageError {
  return new StorageError('invalid', { zh: `无法导入页面适配包：${text.zh}${UNCHANGED.zh}`, en: `Cannot import the portal pack: ${text.en} ${UNCHANGED.en}` });
}

/** Parses and validates a 页面适配包's text; throws a StorageError naming the reason in Chinese and English. */
export function parsePortalPack(text: string): PortalPack {
  if (typeof text !== 'string' || !text.trim()) throw refusePack({ zh: '文件是空的。', en: 'the file is empty.' });
  if (text.length > PORTAL_PACK_LIMITS.maxChars) {
    throw refusePack({ zh: `文件过大（超过 ${PORTAL_PACK_LIMITS.maxChars / 1024} KB），不像页面适配包。`, en: `the file is over ${PORTAL_PACK_LIMITS.maxChars / 1024} KB, too large for a portal pack.` });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw refusePack({ zh: '文件不是有效的 JSON。', en: 'the file is not valid JSON.' });
  }
  const o = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  if (o.format !== PORTAL_PACK_FORMAT) throw refusePack({ zh: '这不是本扩展导出的页面适配包。', en: 'this is not a portal pack exported by this extension.' });
  if (typeof o.version === 'number' && o.version > PORTAL_PACK_VERSION) {
    throw refusePack({ zh: `适配包来自更新版本的扩展（版本 ${o.version}），请先升级扩展。`, en: `the pack comes from a newer version (${o.version}); update the extension first.` });
  }
  const hostile = findHostileKey(raw);
  if (hostile) throw refusePack({ zh: `文件含不允许的键「${hostile}」。`, en: `the file contains the forbidden key "${hostile}".` });
  if (Array.isArray(o.mappings) && o.mappings.length > PORTAL_PACK_LIMITS.maxMappings) {
    throw refusePack({ zh: `适配包有 ${o.mappings.length} 条，超过上限 ${PORTAL_PACK_LIMITS.maxMappings}。`, en: `the pack has ${o.mappings.length} entries, over the limit of ${PORTAL_PACK_LIMITS.maxMappings}.` });
  }
  const r = PortalPack.safeParse(raw);
  if (!r.success) {
    const e = fromZodError(r.error, { zh: '适配包', en: 'Pack' });
    const first = e.details[0] ?? '';
    const [zh, en] = first.split(' / ');
    throw refusePack({ zh: `内容无效（${zh ?? first}）。`, en: `invalid content (${en ?? first}).` });
  }
  const ids = r.data.mappings.map(portalMappingId);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw refusePack({ zh: '同一模块的同一字段或标题出现了两次。', en: 'the same module field or heading appears twice.' });
  return r.data;
}

function inputOf(row: PortalMapping): PortalMappingInput {
  return row.kind === 'field'
    ? { kind: 'field', module: row.module, key: row.key, label: row.label, ...(row.path ? { path: row.path } : {}) }
    : { kind: 'page', module: row.module, heading: row.heading, labels: row.labels };
}

const sameInput = (a: PortalMappingInput, b: PortalMappingInput) => JSON.stringify(a) === JSON.stringify({ ...b });

export function portalMappingsRepo(ctx: RepoContext) {
  const { db } = ctx;

  const put = async (input: PortalMappingInput): Promise<PortalMapping> => {
    const id = portalMappingId(input);
    const current = await db.portalMappings.get(id);
    const at = ctx.now().toISOString();
    const row = parseOrThrow(PortalMappingRow, { ...input, id, createdAt: current?.createdAt ?? at, updatedAt: at }, WHAT);
    await db.portalMappings.put(row);
    await audit(ctx, { table: 'portalMappings', recordId: id, op: current ? 'update' : 'create', ...(current ? { before: { ...inputOf(current) } } : {}), after: { ...input } });
    return row;
  };

  return {
    /** Every mapping: pages first, then fields, each by module. */
    async list(): Promise<PortalMapping[]> {
      return readOp(async () => {
        const rows = await db.portalMappings.toArray();
        return rows.sort((a, b) => (a.kind === b.kind ? a.module.localeCompare(b.module) || a.id.localeCompare(b.id) : a.kind === 'page' ? -1 : 1));
      });
    },

    /** Saves what the agent taught (replacing the mapping of the same module and field / heading). */
    async save(input: PortalMappingInput): Promise<PortalMapping> {
      const data = parseOrThrow(PortalMappingInput, input, WHAT);
      return writeTx(ctx, [db.portalMappings], () => put(data));
    },

    /** Edits a field's label or a page's heading / labels. */
    async update(id: string, patch: PortalMappingPatch): Promise<PortalMapping> {
      return writeTx(ctx, [db.portalMappings], async () => {
        const current = await db.portalMappings.get(id);
        if (!current) throw new StorageError('not-found', { zh: '该页面适配已不存在。', en: 'This mapping no longer exists.' });
        // A field's patch is its label; a page's, its heading and labels (anything else is refused by the strict schema).
        const p: Record<string, unknown> = parseOrThrow(current.kind === 'field' ? FieldMappingPatch : PageMappingPatch, patch, WHAT);
        const r = applyPatch(current, p);
        if (Object.keys(r.changes).length === 0) return current;
        // A new heading is a new natural id: the row moves.
        const next = parseOrThrow(PortalMappingInput, inputOf(r.next), WHAT);
        const id2 = portalMappingId(next);
        if (id2 !== id) {
          if (await db.portalMappings.get(id2)) throw new StorageError('duplicate', { zh: '同一模块已有这个标题的页面适配。', en: 'This module already has a page mapping with that heading.' });
          await db.portalMappings.delete(id);
          await audit(ctx, { table: 'portalMappings', recordId: id, op: 'delete', before: { ...inputOf(current) } });
          return put(next);
        }
        const row = parseOrThrow(PortalMappingRow, { ...r.next, updatedAt: ctx.now().toISOString() }, WHAT);
        await db.portalMappings.put(row);
        await audit(ctx, { table: 'portalMappings', recordId: id, op: 'update', before: r.before, after: r.after });
        return row;
      });
    },

    async remove(id: string): Promise<void> {
      await writeTx(ctx, [db.portalMappings], async () => {
        const current = await db.portalMappings.get(id);
        if (!current) throw new StorageError('not-found', { zh: '该页面适配已不存在。', en: 'This mapping no longer exists.' });
        await db.portalMappings.delete(id);
        await audit(ctx, { table: 'portalMappings', recordId: id, op: 'delete', before: { ...inputOf(current) } });
      });
    },

    /** The 页面适配包 of every mapping (no ids, no dates of teaching: only labels, headings, modules and paths). */
    async exportPack(): Promise<PortalPack> {
      const rows = await this.list();
      return PortalPack.parse({ format: PORTAL_PACK_FORMAT, version: PORTAL_PACK_VERSION, exportedAt: ctx.now().toISOString(), mappings: rows.map(inputOf) });
    },

    /** What importing `text` would add and replace; throws (changing nothing) when the pack is refused. */
    async previewImport(text: string): Promise<PackPreview> {
      const pack = parsePortalPack(text);
      return readOp(async () => {
        const preview: PackPreview = { pack, adds: [], replaces: [], same: 0 };
        for (const m of pack.mappings) {
          const before = await db.portalMappings.get(portalMappingId(m));
          if (!before) preview.adds.push(m);
          else if (sameInput(inputOf(before), m)) preview.same++;
          else preview.replaces.push({ before, after: m });
        }
        return preview;
      });
    },

    /** Imports a pack the agent confirmed: validated again, then every entry written in one transaction. */
    async importPack(text: string): Promise<{ added: number; replaced: number }> {
      const pack = parsePortalPack(text);
      return writeTx(ctx, [db.portalMappings], async () => {
        let added = 0;
        let replaced = 0;
        for (const m of pack.mappings) {
          const before = await db.portalMappings.get(portalMappingId(m));
          if (before && sameInput(inputOf(before), m)) continue;
          await put(m);
          if (before) replaced++;
          else added++;
        }
        return { added, replaced };
      });
    },
  };
}

export type PortalMappingsRepo = ReturnType<typeof portalMappingsRepo>;
