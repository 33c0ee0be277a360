// One linter for the project. The domain rules make "pure: no I/O, no clock, no environment" mechanical.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// bot/store/ is the one home of the database: every query is a named store method (CONTRIBUTING.md, "add a
// store query"), the benchmarks' bulk seeding and plans included (bot/store/bench-database.ts). bot/, cards/ and
// scripts/ call the stores; only tests/ may read and write tables directly, to prove what is stored.
const onlyStoreImportsTheDatabase = {
  group: ['kysely', 'kysely-*', 'pg', 'pg-*', '@electric-sql/*'],
  message: 'Only bot/store/ may import Kysely or a database driver: add a store method (CONTRIBUTING.md, "add a store query").',
};
const queryBuilding = {
  selector: "CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]",
  message: 'Queries are written in bot/store/ only: add a store method (CONTRIBUTING.md, "add a store query").',
};

const onlyTeamsImportsBotbuilder = { group: ['botbuilder*', 'restify', 'botframework-*'], message: 'Only bot/teams/ may import botbuilder or restify.' };

// bot/handlers/ is one file per capability; what two handlers share lives outside it (bot/cases/, bot/plans/,
// bot/closures/, bot/replies/), so no handler imports another and none can form a cycle through another.
const handlerImportsNoHandler = () => ({
  group: ['./*', '!./context.js'],
  message: 'A handler does not import another handler: move what both need out of bot/handlers/ (CONTRIBUTING.md says where).',
});

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
            { group: ['**/bot/**', '**/cards/**', 'botbuilder*', 'restify'], message: 'The domain depends on nothing of ours outside it.' },
            onlyStoreImportsTheDatabase,
          ],
        },
      ],
    },
  },
  {
    files: ['bot/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['bot/store/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [onlyStoreImportsTheDatabase] }],
      'no-restricted-syntax': ['error', queryBuilding],
    },
  },
  {
    files: ['bot/**/*.ts'],
    ignores: ['bot/teams/**', 'bot/store/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [onlyTeamsImportsBotbuilder, onlyStoreImportsTheDatabase] }],
    },
  },
  {
    files: ['bot/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [onlyTeamsImportsBotbuilder] }],
    },
  },
  {
    files: ['bot/handlers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [onlyTeamsImportsBotbuilder, onlyStoreImportsTheDatabase, handlerImportsNoHandler()] }],
    },
  },
  {
    files: ['cards/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            onlyTeamsImportsBotbuilder,
            onlyStoreImportsTheDatabase,
            { group: ['**/bot/**'], message: 'The bot uses cards, not the other way round: a type both need lives in cards/ or domain/.' },
          ],
        },
      ],
    },
  },
);
