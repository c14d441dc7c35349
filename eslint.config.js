// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';

// Process boundaries (architecture §1): shared/ is pure, renderer/ never reaches Node or the main
// process, electron/ never imports the renderer. `import type` across a boundary is allowed.
const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'stream',
];
const pattern = (group, message) => ({ group, message, allowTypeImports: true });

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Hooks called conditionally break React's state silently; missing effect dependencies give
    // stale values (an autosave of old text). Both are errors.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(nodeBuiltins, 'shared/ is pure TypeScript: no Node built-ins.'),
            pattern(['electron', 'electron/*'], 'shared/ must not import Electron.'),
            pattern(
              ['react', 'react-dom', 'react/*', '@mui/*'],
              'shared/ must not import React or MUI.',
            ),
            pattern(
              ['**/electron/**', '**/renderer/**'],
              'shared/ must not import from electron/ or renderer/.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(nodeBuiltins, 'The renderer is sandboxed: no Node built-ins.'),
            pattern(
              ['electron', 'electron/*'],
              'The renderer must not import Electron; use window.api.',
            ),
            pattern(
              ['**/electron/**'],
              'The renderer must not import from electron/; use window.api.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [pattern(['**/renderer/**'], 'electron/ must not import from renderer/.')] },
      ],
    },
  },
  {
    // Services, the store and the IPC core run unchanged in the app, the browser harness and the
    // tests; Electron reaches them only through ports (services/ports.ts) built in electron/main.
    files: [
      'electron/main/services/**/*.ts',
      'electron/main/store/**/*.ts',
      'electron/main/documents/**/*.ts',
      'electron/main/ipc/dispatch.ts',
      'electron/main/ipc/handlers.ts',
      'electron/main/ipc/env.ts',
      'electron/main/ipc/input-guard.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(['**/renderer/**'], 'electron/ must not import from renderer/.'),
            pattern(
              ['electron', 'electron/*'],
              'Services, the store, documents and the IPC core must not import Electron: take a port (services/ports.ts).',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  prettier,
);
