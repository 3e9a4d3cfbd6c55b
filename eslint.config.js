// Type-aware lint for every TypeScript file we own: the rules that catch real bugs (promises left floating or
// passed where a callback's result is ignored, awaits of non-promises, unsafe any flows), as typescript-eslint's
// own repository and knip run on themselves. Formatting is prettier's job, not the linter's.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      'fixtures/',
      'dist/',
      '.seams/',
      '.bench/',
      '.eval/',
      'test-output/',
      'packages/report/src/html/generated/',
      '**/*.cjs',
      '**/*.js',
    ],
  },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read our own JSON output back (JSON.parse gives any) to compare it with expectations; typing every
    // such read adds casts, not safety. Everything else about promises and types still applies to tests.
    files: ['**/test/**', 'scripts/test-summary.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      // Fakes of async interfaces (save, load, local, remote) answer at once.
      '@typescript-eslint/require-await': 'off',
      // Terminal tests match ANSI escapes.
      'no-control-regex': 'off',
    },
  },
);
