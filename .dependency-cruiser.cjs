/**
 * Import loops that eslint's import-x/no-cycle cannot see: it skips type-only imports by design,
 * so two modules that import each other's types pass it. dependency-cruiser reads the TypeScript
 * source before compilation (tsPreCompilationDeps), where `import type` is still an import.
 * Run by `pnpm lint`; the boundaries themselves are kept in eslint.config.js.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-import-loop',
      severity: 'error',
      comment: 'modules that import each other (types included): move what both need to a third module',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '/test/', '\\.test\\.ts$'] },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default'] },
  },
};
