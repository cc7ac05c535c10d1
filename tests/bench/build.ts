/**
 * Step 1 of `npm run bench`, in its own process: the same production build as `npx wxt build` (chrome,
 * into .output/chrome-mv3, wxt.config.ts unchanged) through WXT's JS API, with one passive Rollup plugin
 * that records which modules end up in the content script. Rollup's per-module rendered code (after
 * tree-shaking, before minification) is grouped by package / folder, each group minified with esbuild
 * and gzipped on its own: an estimate of what dominates the real, minified file.
 * Writes the stats next to the bundled bench code and prints one BENCH_JSON line.
 */
import { build, type WxtViteConfig } from 'wxt';
import * as esbuild from 'esbuild';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Vite's Plugin type as WXT's own (nested) copy of vite declares it. */
type VitePlugin = Extract<NonNullable<WxtViteConfig['plugins']>[number], { name: string }>;

export interface GroupStat {
  group: string;
  modules: number;
  /** Rollup's rendered length (after tree-shaking, not minified). */
  renderedBytes: number;
  /** The group's rendered code minified by esbuild, alone. */
  minifiedBytes: number;
  /** gzip -9 of that minified code, alone (gzip is not additive: the parts exceed the whole a little). */
  gzipBytes: number;
  /** Shortest import chain entry → … → first module of the group. */
  via?: string[];
}

export interface BuildStats {
  file: string;
  sha256: string;
  groups: GroupStat[];
}

export function groupOf(id: string, root: string): string {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const nm = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(clean);
  if (nm) return nm[1];
  if (!path.isAbsolute(clean)) return `(virtual) ${clean.split(':')[0]}`;
  const rel = path.relative(root, clean).split(path.sep).join('/');
  const parts = rel.split('/');
  if (parts[0] === 'entrypoints' && parts.length > 2) return parts.slice(0, 2).join('/') + '/';
  return parts.length > 1 ? parts[0] + '/' : rel;
}

async function main() {
  const root = process.cwd();
  const cacheDir = process.argv[2];
  const captured = new Map<string, { id: string; code: string; renderedLength: number }[]>();
  const importers = new Map<string, readonly string[]>();
  const entries = new Set<string>();
  const statsPlugin: VitePlugin = {
    name: 'jzz-bench-module-stats',
    generateBundle(_options, bundle) {
      for (const [file, out] of Object.entries(bundle)) {
        if (out.type !== 'chunk' || !file.startsWith('content-scripts/')) continue;
        captured.set(
          file,
          Object.entries(out.modules).map(([id, m]) => ({ id, code: m.code ?? '', renderedLength: m.renderedLength })),
        );
        for (const id of this.getModuleIds()) {
          const info = this.getModuleInfo(id);
          if (!info) continue;
          importers.set(id, info.importers);
          if (info.isEntry) entries.add(id);
        }
      }
    },
  };
  const started = performance.now();
  await build({ root, browser: 'chrome', vite: () => ({ plugins: [statsPlugin] }) });
  const buildMs = performance.now() - started;

  const all: BuildStats[] = [];
  for (const [file, modules] of captured) {
    const groups = new Map<string, { code: string[]; rendered: number; n: number }>();
    for (const m of modules) {
      const g = groupOf(m.id, root);
      const cur = groups.get(g) ?? { code: [], rendered: 0, n: 0 };
      cur.code.push(m.code);
      cur.rendered += m.renderedLength;
      cur.n += 1;
      groups.set(g, cur);
    }
    const short = (id: string) => (path.isAbsolute(id) ? path.relative(root, id).split(path.sep).join('/') : id.replace(/^\0/, ''));
    /** Breadth-first over importers, from the group's modules back to the entry. */
    const viaOf = (group: string): string[] | undefined => {
      const prev = new Map<string, string | null>();
      const queue: string[] = [];
      for (const m of modules) if (groupOf(m.id, root) === group) { prev.set(m.id, null); queue.push(m.id); }
      while (queue.length) {
        const cur = queue.shift()!;
        if (entries.has(cur) || /portal\.content\/index\.tsx$/.test(cur)) {
          const chain: string[] = [];
          for (let n: string | null = cur; n !== null; n = prev.get(n) ?? null) chain.push(short(n));
          return chain;
        }
        for (const imp of importers.get(cur) ?? []) if (!prev.has(imp)) { prev.set(imp, cur); queue.push(imp); }
      }
      return undefined;
    };
    const stats: GroupStat[] = [];
    for (const [group, g] of groups) {
      const code = g.code.join('\n');
      let min = code;
      try {
        // Not wrapped in a function: the group's top-level declarations are used by other groups and must stay.
        min = (await esbuild.transform(code, { minify: true, treeShaking: false, loader: 'js', target: 'chrome116' })).code;
      } catch {
        // Rendered fragments that do not parse on their own (rare): measured unminified.
      }
      const via = group.startsWith('entrypoints/') ? undefined : viaOf(group);
      stats.push({ group, modules: g.n, renderedBytes: g.rendered, minifiedBytes: min.length, gzipBytes: zlib.gzipSync(min, { level: 9 }).length, ...(via ? { via } : {}) });
    }
    stats.sort((a, b) => b.minifiedBytes - a.minifiedBytes);
    const outFile = path.join(root, '.output/chrome-mv3', file);
    const sha256 = fs.existsSync(outFile) ? crypto.createHash('sha256').update(fs.readFileSync(outFile)).digest('hex') : '';
    all.push({ file, sha256, groups: stats });
  }
  fs.writeFileSync(path.join(cacheDir, 'content-script-stats.json'), JSON.stringify(all, null, 1));
  process.stdout.write('BENCH_JSON' + JSON.stringify({ buildMs, stats: all }) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
