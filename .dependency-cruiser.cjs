/**
 * The boundaries of src/ (ARCHITECTURE.md, "Boundaries"), checked by `npm run lint`. Each
 * violation is reported as `rule: importing file → imported file`.
 *
 * Layers, lowest first: lib → api → components → features → app. A layer imports only the
 * layers below it; a feature never imports another feature. mocks/ (the demo server) and
 * testing/ (test helpers) are not part of the app: only the demo wiring in main.tsx loads
 * mocks/, and only tests load testing/.
 */
const TEST = '\\.test\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'feature-imports-feature',
      comment:
        'A feature never imports another feature: the app joins them (src/app/view-adapters.ts).',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'nothing-imports-app',
      comment: 'app/ is the top: only main.tsx and app/ itself import it.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/app/', '^src/main\\.tsx$'] },
      to: { path: '^src/app/' },
    },
    {
      name: 'shared-imports-features',
      comment: 'lib/, api/ and components/ are shared by every feature and know none of them.',
      severity: 'error',
      from: { path: '^src/(lib|api|components)/' },
      to: { path: '^src/features/' },
    },
    {
      name: 'components-import-api',
      comment: 'Shared components know no API: they are given what they show.',
      severity: 'error',
      from: { path: '^src/components/' },
      to: { path: '^src/api/' },
    },
    {
      name: 'lower-layer-imports-higher',
      comment: 'lib/ is the bottom layer; api/ builds on lib/ only.',
      severity: 'error',
      from: { path: '^src/(lib|api)/' },
      to: { path: '^src/components/' },
    },
    {
      name: 'lib-imports-api',
      comment: 'lib/ holds small pure helpers that know no endpoint.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/api/' },
    },
    {
      name: 'app-code-imports-mocks',
      comment:
        'The demo server (mocks/) is loaded only by the demo wiring in main.tsx, and by tests.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/mocks/', '^src/testing/', '^src/main\\.tsx$', TEST] },
      to: { path: '^src/mocks/' },
    },
    {
      name: 'app-code-imports-testing',
      comment: 'Test helpers (testing/) are for tests only.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/testing/', TEST] },
      to: { path: '^src/testing/' },
    },
    {
      name: 'src-imports-outside',
      comment: 'The app does not import the servers, the bench, the e2e specs or the scripts.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(server|bench|e2e|scripts)/' },
    },
    {
      name: 'no-circular',
      comment:
        'Import cycles make the order modules run in depend on who imports first (type-only ' +
        'imports, read as require() by .dependency-cruiser-babel.cjs, do not run).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['require'] } },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    // Type-only imports count: a feature that needs another's types is coupled to it.
    tsPreCompilationDeps: true,
    babelConfig: { fileName: '.dependency-cruiser-babel.cjs' },
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: {
      err: {},
    },
  },
};
