/**
 * The boundaries between our folders, checked in `npm test` (npm run lint:deps) and proven to bite by
 * tests/unit/architecture/boundaries.test.ts, which feeds this rule set a forbidden import.
 * Type-only imports count too: a type from storage/ in the content script is still a dependency on it.
 * @type {import('dependency-cruiser').IConfiguration}
 */
export default {
  forbidden: [
    {
      name: 'rules-imports-nothing-of-ours',
      comment: 'rules/ is the guide as pure data and functions: no DOM, browser, database or UI code of ours.',
      severity: 'error',
      from: { path: '^rules/' },
      to: { path: '^(storage|components|entrypoints|utils|tests)/' },
    },
    {
      name: 'rules-are-pure',
      comment: 'No browser, database, UI or messaging library in rules/: its functions run anywhere, tests included.',
      severity: 'error',
      from: { path: '^rules/' },
      to: { path: 'node_modules/(wxt|dexie|dexie-react-hooks|react|react-dom|@webext-core)/' },
    },
    {
      name: 'storage-knows-no-browser',
      comment: 'storage/ is Dexie and zod: browser APIs, UI and messaging live in the entrypoints and utils/.',
      severity: 'error',
      from: { path: '^storage/' },
      to: { path: 'node_modules/(wxt|react|react-dom|@webext-core)/' },
    },
    {
      name: 'storage-is-the-database-only',
      comment: 'storage/ never reaches up into the UI or the entrypoints.',
      severity: 'error',
      from: { path: '^storage/' },
      to: { path: '^(components|entrypoints|tests)/' },
    },
    {
      name: 'content-script-never-imports-storage',
      comment: 'Opened from the content script, IndexedDB would be the portal\'s; it asks the background instead.',
      severity: 'error',
      from: { path: '^entrypoints/portal\\.content/' },
      to: { path: '^storage/' },
    },
    {
      name: 'components-never-import-entrypoints',
      comment: 'Components are shared by the side panel and the case book; entrypoints compose them, not the reverse.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^entrypoints/' },
    },
    {
      name: 'utils-are-general',
      comment: 'utils/ (messaging, CSV, ICS, crypto, masking) serve every context and import no UI or entrypoint.',
      severity: 'error',
      from: { path: '^utils/' },
      to: { path: '^(components|entrypoints|tests)/' },
    },
    {
      name: 'entrypoints-are-separate',
      comment: 'One entrypoint never imports another (WXT builds each on its own).',
      severity: 'error',
      from: { path: '^entrypoints/([^/]+)/' },
      to: { path: '^entrypoints/', pathNot: '^entrypoints/$1/' },
    },
    {
      name: 'product-never-imports-tests',
      severity: 'error',
      from: { path: '^(rules|storage|components|entrypoints|utils)/' },
      to: { path: '^tests/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes load order matter and hides which layer owns what.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(\\.output|\\.wxt)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] },
  },
};
