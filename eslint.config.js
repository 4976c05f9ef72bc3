import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * The architecture's arrows (../shared/design/ARCHITECTURE.md): which of our packages each folder
 * may import, by its public name only. Relative imports into another package's folder are refused
 * everywhere, so a package's public face (its src/index.ts) is the only way in.
 */
const ourPackages = [
  'model',
  'random',
  'travel',
  'routing',
  'placement',
  'data',
  'redis',
  'planner',
  'report',
  'cli',
  'api',
  'web',
  'solver-worker',
];
const mayImport = {
  'packages/model': [],
  'packages/random': [],
  'packages/travel': ['model'],
  'packages/routing': ['model', 'random'],
  'packages/placement': ['model', 'random'],
  'packages/data': ['model'],
  'packages/redis': [],
  'packages/planner': ['model', 'travel', 'placement', 'routing'],
  'packages/report': ['model', 'planner'],
  'packages/cli': ['model', 'travel', 'routing', 'placement', 'data', 'planner', 'report'],
  'services/web': ['model', 'report'],
  'services/api': ['model', 'travel', 'routing', 'placement', 'data', 'planner', 'report', 'web', 'redis'],
  'workers/solver': ['model', 'travel', 'routing', 'placement', 'data', 'planner', 'report', 'redis'],
};
const crossFolderImport = {
  regex: '^(\\.\\./)+(\\.\\./)(packages|services|workers)/',
  message: 'import another package by its name (@paketbygd/…), not by a path into its folder',
};
// A service's tests start a real solver worker beside it.
const testsMayImport = {
  'services/web/test': [...mayImport['services/web'], 'api', 'solver-worker'],
  'services/api/test': [...mayImport['services/api'], 'solver-worker'],
};
// Benchmarks and examples use the packages as a user would, by their public names. A package's test
// fixtures (its test/ folder) may serve its benchmark too, so both measure the same instances.
const publicFaceOnly = {
  files: ['benchmarks/**/*.ts', 'examples/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^@paketbygd/[^/]+/.+',
            message: "import a package's public face (@paketbygd/name), not its files",
          },
          {
            regex: '^(\\.\\./)+(packages|services|workers)/[^/]+/src(/|$)',
            message: 'import a package by its name (@paketbygd/…), not a path into its src/',
          },
        ],
      },
    ],
  },
};
const boundaryRules = Object.entries({ ...mayImport, ...testsMayImport }).map(([folder, allowed]) => ({
  files: [`${folder}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^@paketbygd/(?!(${allowed.join('|') || '$^'})$)(${ourPackages.join('|')})(/.*)?$`,
            message: `${folder} may import only ${allowed.length ? allowed.map((a) => '@paketbygd/' + a).join(', ') : 'none of our packages'} (ARCHITECTURE.md)`,
          },
          {
            regex: '^@paketbygd/[^/]+/.+',
            message: "import a package's public face (@paketbygd/name), not its files",
          },
          crossFolderImport,
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/.cache/**', 'tests/artifacts/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['packages/cli/src/**/*.ts', 'benchmarks/**/*.ts', '**/test/**/*.ts', 'tests/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Test data is mutated deep inside arbitrary JSON; `any` is the honest type there.
    files: ['**/test/**/*.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // No import loops, and no relative path into another workspace package (its public name instead).
    files: ['packages/*/src/**/*.ts', 'services/*/src/**/*.ts', 'workers/*/src/**/*.ts'],
    plugins: { 'import-x': importX },
    // The typescript settings (extensions, parser) make import-x read .ts files at all: without them
    // no-cycle resolved our imports but parsed none of them, so it never saw a loop.
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-relative-packages': 'error',
    },
  },
  {
    // The page bundles the example documents (JSON) from examples/, which is data, not a package.
    files: ['services/web/src/**/*.ts'],
    rules: { 'import-x/no-relative-packages': 'off' },
  },
  ...boundaryRules,
  publicFaceOnly,
  prettier,
);
