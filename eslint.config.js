// @ts-check
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/**
 * The house has one-way arrows (README, "Architecture"). Each folder of src/ may import
 * only the folders listed here; everything else is refused by `no-restricted-imports`.
 * Relative imports may not climb out of a folder: crossing folders goes through an alias,
 * so this table sees every crossing.
 */
const FOLDERS = [
  'app',
  'engine',
  'schema',
  'db',
  'backup',
  'worker',
  'features',
  'ui',
  'lib',
  'i18n',
];

/** Allowed arrows; `type` means type-only imports (`import type`). */
const ALLOWED = {
  engine: { values: ['lib'], types: [] },
  schema: { values: ['lib'], types: [] },
  lib: { values: [], types: [] },
  i18n: { values: ['lib'], types: ['schema'] },
  ui: { values: ['lib', 'i18n'], types: [] },
  backup: { values: ['schema', 'lib'], types: ['engine'] },
  db: { values: ['schema', 'lib'], types: ['engine'] },
  worker: { values: ['engine', 'backup', 'db', 'schema', 'lib'], types: [] },
  features: { values: ['db', 'worker', 'schema', 'engine', 'ui', 'lib', 'i18n'], types: [] },
};

/** @param {keyof typeof ALLOWED} folder */
function boundaryRules(folder) {
  const { values, types } = ALLOWED[folder];
  const forbidden = FOLDERS.filter((f) => f !== folder && !values.includes(f));
  const patterns = [
    {
      group: ['../*', '../../*'],
      message: 'Import across folders through an alias ($lib/…, $schema/…), never ../',
    },
    ...forbidden.map((f) => ({
      group: [`$${f}/*`],
      message: `${folder}/ may not import ${f}/ (see the architecture in README.md).`,
      allowTypeImports: types.includes(f),
    })),
  ];
  if (folder === 'engine' || folder === 'lib') {
    patterns.push({
      group: ['dexie', 'svelte', 'svelte/*', 'comlink'],
      message: `${folder}/ is pure: no storage, no UI, no worker plumbing.`,
      allowTypeImports: false,
    });
  }
  return {
    files: [`src/${folder}/**/*.ts`, `src/${folder}/**/*.svelte`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

export default ts.config(
  {
    ignores: [
      'dist/',
      'dev-dist/',
      '.bench/',
      '.bench-app/',
      '.bench-import/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.strict,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['test/**/*.ts', 'vite.config.ts', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // A test that indexes past its own fixture should fail loudly, which `!` then does.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // These URLs are replaced whole, never mutated, so SvelteURL's fine-grained
    // reactivity would add nothing.
    files: ['src/app/router.svelte.ts', 'src/worker/worker-client.svelte.ts'],
    rules: { 'svelte/prefer-svelte-reactivity': 'off' },
  },
  ...Object.keys(ALLOWED).map((folder) =>
    boundaryRules(/** @type {keyof typeof ALLOWED} */ (folder)),
  ),
  {
    // The engine has no clock: the as-of date is always an input. Its loops index typed
    // arrays within bounds they compute themselves, where `!` reads better than a guard.
    files: ['src/engine/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The engine has no clock: take the as-of date as an input.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The engine has no clock: take the as-of date as an input.',
        },
      ],
    },
  },
  {
    // Views over a scores record index its typed-array columns with positions taken from
    // the same record; `!` says so where a guard would only hide a broken record.
    files: ['src/features/clients/**', 'src/features/client/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Benchmarks report on the console; that is their output.
    files: ['test/bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
