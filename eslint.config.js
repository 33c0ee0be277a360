// One linter for the project. The domain rules make "pure: no I/O, no clock, no environment" mechanical.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const clockRules = {
  'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'The domain takes "today" as a parameter.' }],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The domain takes "today" as a parameter.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/', 'bench-results/', 'drafts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: 'error',
    },
  },
  {
    files: ['domain/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...clockRules,
      'no-restricted-globals': ['error', 'process', 'fetch', 'setTimeout', 'setInterval', 'console'],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process'], message: 'The domain does no I/O.' },
            { group: ['**/bot/**', '**/cards/**', 'botbuilder*', 'restify', 'pg', '@electric-sql/*'], message: 'The domain depends on nothing of ours outside it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['bot/**/*.ts', 'cards/**/*.ts'],
    ignores: ['bot/teams/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['botbuilder*', 'restify', 'botframework-*'], message: 'Only bot/teams/ may import botbuilder or restify.' }] },
      ],
    },
  },
);
