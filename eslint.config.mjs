// Lint, and the layers' boundary as a rule: src/core is the product's logic, run by the extension (in a
// desktop or a web extension host), the CLI and worker threads alike, so it imports neither `vscode` nor
// Node; src/extension runs in the browser too (its `browser` entry), so only desktop.ts, the `main`
// entry, imports Node or src/node (the rest takes them through the Platform it builds, types aside);
// the CLI and src/node never reach into the extension. `npm run lint`; `npm test` runs it too, and
// test/unit/lintBoundary.test.ts shows the rules refuse what they should.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const vscode = { name: 'vscode', message: 'Only src/extension talks to VS Code.' };
const intoExtension = { regex: '^(\\.\\./)+extension(/|$)', message: 'src/extension builds on src/cli, src/node and src/core, never the other way.' };
const withoutNode = 'src/core runs without Node (in a web extension host too): take what it needs through an interface.';
const nodeBuiltins = builtinModules.map((name) => ({ name, message: withoutNode }));
const nodeScheme = { regex: '^node:', message: withoutNode };
const onTheWeb = 'src/extension runs in the browser too (web.ts): Node and src/node only through the Platform that desktop.ts builds (a type import is fine).';
const webSafe = [
  builtinModules.map((name) => ({ name, message: onTheWeb, allowTypeImports: true })),
  [
    { regex: '^node:', message: onTheWeb, allowTypeImports: true },
    { regex: '^(\\.\\./)+node(/|$)', message: onTheWeb, allowTypeImports: true },
  ],
];
const outOfCore = { regex: '^(\\.\\./)+(extension|cli|node)(/|$)', message: 'src/core depends on nothing outside it: the other layers build on it.' };

/** The typed rule replaces the base one: it also sees `import x = require(...)` and `export ... from`. */
const restrictImports = (paths, patterns) => ({
  'no-restricted-imports': 'off',
  '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', '.cache/', '.vscode-test/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // A disable comment that no longer silences anything is stale: say so, and fail.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // The tests match YAML and tables with their indentation written out (`/\n  date: /`), which reads
    // as the file does; `/ {2}/` would not.
    files: ['test/**/*.ts'],
    rules: { 'no-regex-spaces': 'off' },
  },
  {
    // The build script, the test runner and the test host's setup: plain CommonJS run by Node.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The scripts of webviews run in the webview's browser page, where VS Code defines acquireVsCodeApi.
    files: ['media/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, acquireVsCodeApi: 'readonly' } },
  },
  {
    // A function the end-to-end check hands to the workbench page (Playwright's evaluate): it runs there, in the browser.
    files: ['test/host/textShown.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      ...restrictImports([vscode, ...nodeBuiltins], [nodeScheme, outOfCore]),
      // `require()` is already refused (no-require-imports); `import()` would slip past the rule above.
      'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: 'src/core imports statically, so the boundary rule sees every import.' }],
    },
  },
  {
    files: ['src/extension/**/*.ts'],
    ignores: ['src/extension/desktop.ts'],
    rules: {
      ...restrictImports(...webSafe),
      // Node's globals type-check here (the desktop entry has Node's types) but do not exist in a web worker.
      'no-restricted-globals': ['error', ...['process', 'Buffer', 'global', 'setImmediate', 'clearImmediate', '__dirname', '__filename', 'require', 'module'].map((name) => ({ name, message: onTheWeb }))],
    },
  },
  { files: ['src/cli/**/*.ts', 'src/node/**/*.ts'], rules: restrictImports([vscode], [intoExtension]) },
);
