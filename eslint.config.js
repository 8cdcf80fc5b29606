// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-irregular-whitespace': ['error', { skipStrings: true, skipComments: true, skipTemplates: true, skipRegExps: true }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: '不用 enum：请用 as const 对象。' }],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'core 不做 I/O：不得引入 Node 模块。' },
          { group: ['@jixiao/documents', '@jixiao/audit', '@jixiao/server', '@jixiao/cli', '@jixiao/web'], message: 'core 不依赖其他包。' },
        ],
      }],
    },
  },
  {
    // read → import → audit → write: reading and writing documents never depends on the audit or the service
    files: ['packages/documents/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@jixiao/audit', '@jixiao/server', '@jixiao/cli', '@jixiao/web'], message: 'documents 只读写文档：不依赖审核、服务端与命令行。' }],
      }],
    },
  },
);
