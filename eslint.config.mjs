// Lint rules for the TypeScript sources and tests: ESLint's and typescript-eslint's recommended sets, run by
// `npm test` (npm run lint). Formatting is Prettier's job (.prettierrc.json), not the linter's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', '.cache/', 'test-results/', 'test/e2e/workspace/', '.vscode-test/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // Unused names are compile errors already (tsconfig noUnusedLocals/Parameters); `_x` marks a deliberate one.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The language client library is loaded when activate runs (client/src/extension.ts: `await import(…)`), not
    // with dist/extension.js: a value import in any client module would evaluate it at load again.
    files: ['client/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'vscode-languageclient/node',
              allowTypeImports: true,
              message: 'Import its types only (`import type`); activate() loads the library itself, to keep activation cheap.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests walk arbitrary JSON (exports, LSP answers) and spell YAML indentation out in their patterns.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-regex-spaces': 'off' },
  },
  {
    // The timeline webview's script runs in the editor's browser frame.
    files: ['media/**/*.js'],
    languageOptions: { globals: Object.fromEntries(['window', 'document', 'acquireVsCodeApi', 'console'].map((name) => [name, 'readonly'])) },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: {
      globals: Object.fromEntries(
        ['process', 'console', 'URL', 'fetch', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Buffer', 'AbortController'].map((name) => [
          name,
          'readonly',
        ]),
      ),
    },
  },
);
