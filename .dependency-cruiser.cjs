/**
 * Lede's layering, checked on every `npm test` (DESIGN.md): src/core is platform-free; the
 * renderer never reaches into the Node side; the preload sees only the api contract. Inside the
 * renderer: state ← commands ← features ← App.tsx, ui ← features, no feature imports another, and
 * features reach the backend only through state's actions.
 * The DOM half of "platform-free" is checked by tsconfig.core.json, which compiles src/core without
 * DOM typings.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-platform-free',
      comment: 'src/core may not import Node built-ins',
      severity: 'error',
      from: { path: '^src/core' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-has-no-platform-packages',
      comment: 'src/core may not import Electron, React, lowdb, DOM libraries or file-system packages',
      severity: 'error',
      from: { path: '^src/core' },
      to: { path: 'node_modules/(electron|react|react-dom|lowdb|steno|jsdom|@mozilla/readability|zustand|chart\\.js)(/|$)' },
    },
    {
      name: 'core-stays-inside',
      comment: 'src/core may not import the shells built on it',
      severity: 'error',
      from: { path: '^src/core' },
      to: { path: '^src/(main|renderer|preload)' },
    },
    {
      name: 'renderer-not-main',
      comment: 'the renderer talks to the backend only through the api contract',
      severity: 'error',
      from: { path: '^src/renderer' },
      to: { path: '^src/(main|preload)' },
    },
    {
      name: 'renderer-no-node',
      comment: 'the renderer runs sandboxed: no Node built-ins, no Electron',
      severity: 'error',
      from: { path: '^src/renderer' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-electron',
      severity: 'error',
      from: { path: '^src/renderer' },
      to: { path: 'node_modules/electron(/|$)' },
    },
    {
      name: 'feature-not-feature',
      comment:
        'a renderer feature imports no other feature: a piece two features share moves to ui/, state/ or commands/, or App.tsx composes one into the other (ARCHITECTURE.md)',
      severity: 'error',
      from: { path: '^src/renderer/features/([^/]+)/' },
      to: { path: '^src/renderer/features/', pathNot: '^src/renderer/features/$1/' },
    },
    {
      name: 'features-call-no-backend',
      comment:
        'a feature reaches the backend only through state actions (state/*-actions.ts, the stores): never the connection (state/api.ts) or the transport (bridge/) itself (ARCHITECTURE.md)',
      severity: 'error',
      from: { path: '^src/renderer/features/' },
      to: { path: '^src/renderer/(bridge/|state/api\\.ts$)' },
    },
    {
      name: 'state-not-view',
      comment: 'renderer state (stores and actions, all backend calls) imports no feature, command or UI piece: they are built on it',
      severity: 'error',
      from: { path: '^src/renderer/state/' },
      to: { path: '^src/renderer/(features|commands|ui)/' },
    },
    {
      name: 'commands-not-features',
      comment: 'commands (shortcuts, keys, the menu registry) act on state, never on a feature; a feature registers its handlers with them',
      severity: 'error',
      from: { path: '^src/renderer/commands/' },
      to: { path: '^src/renderer/(features|ui)/' },
    },
    {
      name: 'ui-not-features',
      comment: 'shared UI pieces (modal, notices) are below the features that use them',
      severity: 'error',
      from: { path: '^src/renderer/ui/' },
      to: { path: '^src/renderer/features/' },
    },
    {
      name: 'preload-only-contract',
      comment: 'the preload exposes exactly the api contract: it may import Electron and src/core/api only',
      severity: 'error',
      from: { path: '^src/preload' },
      to: { path: '^src/', pathNot: '^src/(preload|core/api)/' },
    },
    {
      name: 'main-not-renderer',
      severity: 'error',
      from: { path: '^src/main' },
      to: { path: '^src/(renderer|preload)' },
    },
    {
      name: 'fs-only-in-services',
      comment: 'only src/main/services touches the file system (ARCHITECTURE.md): shells and the CLI write and read files through services',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/main/services/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?fs(/promises)?$' },
    },
    {
      name: 'suggest-worker-without-zod',
      comment: 'the suggestion rules run in a web worker loaded on demand: zod alone would double its bundle (src/core/suggest/README.md)',
      severity: 'error',
      from: { path: '^src/core/suggest/index\\.ts$' },
      to: { path: 'node_modules/zod(/|$)', reachable: true },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
