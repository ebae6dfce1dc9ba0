// `npm run lint` runs ESLint with this configuration, then `prettier --check .` (layout is prettier's: .prettierrc.json).
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
      // What prettier cannot wrap (long strings, comments, template literals) stays within its printWidth too.
      'max-len': ['error', { code: 120, ignoreUrls: true }],
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
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
);
