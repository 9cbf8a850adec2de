// ESLint: the recommended rules of ESLint, typescript-eslint and eslint-plugin-astro over the
// project's code. Without type information: `astro check` already type-checks in strictest mode,
// and type-aware linting of .astro files would double the time of a lint run. Formatting is
// Prettier's job (npm run format:check), not ESLint's.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-portal/',
      '**/.astro/',
      'node_modules/',
      'screenshots/',
      'reports/',
      'test-results/',
      'tests/fixtures/',
      'src/env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // A leading underscore names what is left out on purpose (an unused argument, or the
      // fields dropped from an object by a rest pattern).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `cond ? a() : b()` as a statement is used for two-way counting.
      '@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true, allowShortCircuit: true }],
      // The privacy scan, the output gate and the report look for control characters and byte
      // ranges on purpose (URL schemes are compared after removing them, as browsers do).
      'no-control-regex': 'off',
      // The checker prints `path:line  field  message` with two spaces: the tests' patterns
      // over its lines keep the spaces as printed, which reads better than {2}.
      'no-regex-spaces': 'off',
    },
  },
);
