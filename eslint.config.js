// ESLint (flat config): TypeScript's recommended rules, React hooks rules, and the size limit
// the codebase holds itself to (no function over 100 lines: split it into named parts).
// Formatting is Prettier's job (`npm run format:check`), so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'public/**', 'seeds/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The two classic hook rules (the React Compiler rules of plugin v7 are not adopted).
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // Data from outside (JSON, messages) is `unknown` and checked by zod, not `any`.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      // zod comes from lib/zod.ts: its mini build, which keeps the content script small, with
      // the English messages the refusals quote.
      'no-restricted-imports': [
        'error',
        {
          paths: ['zod', 'zod/v4', 'zod/mini', 'zod/v4/mini'].map((name) => ({
            name,
            message: "Import { z } from lib/zod.ts (zod's mini build, English messages loaded).",
          })),
        },
      ],
    },
  },
  {
    files: ['lib/zod.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Tests read external JSON fixtures (W3C, Hypothesis) whose shape is their own.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['scripts/**/*.{mjs,js}', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    // The size limit holds for product code; tests are long lists of cases.
    files: ['lib/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 100, skipBlankLines: true, skipComments: true }],
    },
  },
);
