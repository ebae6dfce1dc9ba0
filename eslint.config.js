// `npm run lint` runs ESLint with this configuration, then `prettier --check .` (layout: .prettierrc.json).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.compiled/',
      'data/',
      'schemas/',
      'tests/vendor/',
      'scripts/checks/generated/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // What prettier cannot wrap (strings, comments) stays within its printWidth too; a regular expression literal
      // cannot be split, so it may not.
      'max-len': ['error', { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }],
      // node:test's test() and describe() return promises that the runner awaits itself.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
          ],
        },
      ],
      // Off: escaping and rejecting control characters is what several regular expressions here are for (issue 26).
      'no-control-regex': 'off',
      // `_name` marks a value left out on purpose (`const { id: _id, ...rest } = record`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // A JSON Schema `pattern` in a JSDoc tag (the schemas are generated from these comments) cannot be split either.
    files: ['types/**/*.ts'],
    rules: {
      'max-len': [
        'error',
        { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true, ignorePattern: '^\\s*\\* @pattern ' },
      ],
    },
  },
  {
    // These tests edit records and schemas into shapes no type allows (a wrong type, a missing field, a nested
    // JSON Schema object), or walk jsonld's expanded output (IRI keys, nested @list/@value arrays): that is what
    // they test, so their values are untyped on purpose.
    files: [
      'tests/release-schema-diff.test.ts',
      'tests/broken-messages.test.ts',
      'tests/validate-parallel.test.ts',
      'tests/validate-runner.test.ts',
      'tests/validate-incremental.test.ts',
      'tests/new-scaffold.test.ts',
      'tests/interop-exports.test.ts',
      'scripts/checks/rules/*.test.ts',
    ],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', performance: 'readonly' },
    },
  },
);
