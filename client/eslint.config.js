import parser from '@typescript-eslint/parser';

/**
 * The import rule of the layout: a feature (src/features/<feature>/) imports no other feature, and the shared
 * folders (components/, lib/, api/, i18n/, test/) import no feature. What several features use belongs in
 * components/ or lib/; only app/ (routes, shell, home page) puts features together.
 */
const message = 'A feature imports no other feature: move what several features use to components/ or lib/ (see docs/architecture.md).';

/** A file this many folders below its feature's root leaves the feature with this many "../". */
const depths = [0, 1, 2, 3];

export default [
  { ignores: ['dist/**', 'node_modules/**', 'src/api/schema.d.ts'] },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { parser, ecmaVersion: 'latest', sourceType: 'module' },
  },
  ...depths.map((depth) => ({
    files: [`src/features/*/${'*/'.repeat(depth)}*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // A feature names its own files relatively, so any @/features/ path is another feature's; so is a "../" above its root.
            { regex: '^@/features/', message },
            { regex: `^(\\.\\./){${depth + 1}}`, message },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/{components,lib,api,i18n,test}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(@/|(\\.\\./)+)features/', message: 'Shared code imports no feature: only app/ puts features together.' }] }],
    },
  },
];
