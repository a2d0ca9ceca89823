// Lint rules, chiefly the import boundaries between layers (see README "Architecture").
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'stream', 'util', 'url'];
const nativeModules = ['sharp', 'onnxruntime-node', 'onnxruntime-common', 'fast-png'];
const bareModules = new Set([...nodeBuiltins, ...nativeModules, 'vscode']);

/** Forbids the listed bare modules (exact names) and path patterns (gitignore style) with one message. */
function restrict(entries, message) {
  const paths = entries.filter((e) => bareModules.has(e)).map((name) => ({ name, message }));
  const group = entries.filter((e) => !bareModules.has(e));
  return { 'no-restricted-imports': ['error', { paths, patterns: group.length > 0 ? [{ group, message }] : [] }] };
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'dist-vsix/**', '.facegap-tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      curly: ['error', 'multi-line'],
      eqeqeq: ['error', 'always'],
      'no-throw-literal': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'webview/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 45, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: restrict(
      ['vscode', 'node:*', ...nodeBuiltins, ...nativeModules, '**/node/**', '**/host/**', '**/cli/**', '**/protocol/**'],
      'src/core is pure: no vscode, no Node built-ins, no native modules; depend on a port instead.',
    ),
  },
  {
    files: ['src/protocol/**/*.ts'],
    rules: restrict(['vscode', 'node:*', ...nodeBuiltins, ...nativeModules, '**/node/**', '**/host/**', '**/cli/**'], 'src/protocol holds message types and the RPC class only.'),
  },
  {
    files: ['src/node/**/*.ts'],
    rules: restrict(['vscode', '**/host/**', '**/cli/**'], 'src/node adapts core ports to Node; it never imports vscode, host or cli code.'),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict(['vscode', '**/host/**'], 'The CLI runs without VS Code.'),
  },
  {
    files: ['src/host/**/*.ts'],
    rules: restrict(['**/cli/**', '**/webview/**'], 'src/host wires core, node and protocol into VS Code; it never imports the CLI or webview code.'),
  },
  {
    files: ['src/plots/**/*.ts'],
    rules: {
      ...restrict(
        ['vscode', 'node:*', ...nodeBuiltins, ...nativeModules, '**/node/**', '**/host/**', '**/cli/**', '**/webview/**', '**/protocol/**'],
        'src/plots draws figures in a document it is given (browser or linkedom): it depends on @observablehq/plot and src/core types only.',
      ),
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/core/**'], allowTypeImports: true, message: 'src/plots takes src/core types only, so the webview bundles no core code.' }] },
      ],
    },
  },
  {
    files: ['webview/**/*.ts'],
    rules: restrict(
      ['vscode', 'node:*', ...nodeBuiltins, ...nativeModules, '**/src/core/**', '**/src/node/**', '**/src/host/**', '**/src/cli/**'],
      'webview code runs in the browser: it talks to the host through src/protocol and draws figures with src/plots only.',
    ),
  },
);
