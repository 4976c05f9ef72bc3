import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseOptions } from 'dependency-cruiser';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rules that keep the architecture's arrows (eslint.config.js) must refuse a wrong
// import, or they keep nothing.
const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function problemsOf(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('architecture boundaries (lint)', () => {
  it('refuses an import against the arrows: routing may not import the planner', async () => {
    const problems = await problemsOf(
      'packages/routing/src/boundary-probe.ts',
      "import { plan } from '@paketbygd/planner';\nexport const probe = plan;\n",
    );
    expect(problems.join('\n')).toMatch(
      /no-restricted-imports: .*packages\/routing may import only @paketbygd\/model/,
    );
  });

  it('refuses a path into another package and an import of its internal files', async () => {
    const intoFolder = await problemsOf(
      'packages/planner/src/boundary-probe.ts',
      "import { solveInstance } from '../../routing/src/solver';\nexport const probe = solveInstance;\n",
    );
    expect(intoFolder.join('\n')).toMatch(/import-x\/no-relative-packages/);
    const internal = await problemsOf(
      'packages/planner/src/boundary-probe.ts',
      "import { solveInstance } from '@paketbygd/routing/src/solver';\nexport const probe = solveInstance;\n",
    );
    expect(internal.join('\n')).toMatch(/public face/);
  });

  it('refuses a model that imports any package of ours', async () => {
    const problems = await problemsOf(
      'packages/model/src/boundary-probe.ts',
      "import type { Plan } from '@paketbygd/planner';\nexport type Probe = Plan;\n",
    );
    expect(problems.join('\n')).toMatch(/none of our packages/);
  });

  it('accepts the arrows as drawn: the planner imports routing by its name', async () => {
    const problems = await problemsOf(
      'packages/planner/src/boundary-probe.ts',
      "import { checkSolution } from '@paketbygd/routing';\nexport const probe = checkSolution;\n",
    );
    expect(problems.filter((p) => /restricted|relative-packages/.test(p))).toEqual([]);
  });

  it('refuses an import loop: a module of random that imports the package index, which imports it', async () => {
    // packages/random/src/index.ts re-exports ./random; random.ts importing ./index closes the loop.
    const problems = await problemsOf(
      'packages/random/src/random.ts',
      "import { Mulberry32 } from './index';\nexport const probe = Mulberry32;\n",
    );
    expect(problems).toContain('import-x/no-cycle: Dependency cycle detected');
  });

  it("refuses a benchmark or an example that imports a path into a package's src/", async () => {
    for (const file of ['benchmarks/routing/boundary-probe.ts', 'examples/vingaker/boundary-probe.ts']) {
      const problems = await problemsOf(
        file,
        "import { solveInstance } from '../../packages/routing/src/solver';\nexport const probe = solveInstance;\n",
      );
      expect(problems.join('\n'), file).toMatch(/no-restricted-imports: .*not a path into its src/);
    }
  });
});

describe('import loops of types (dependency-cruiser, run by pnpm lint)', () => {
  // eslint's import-x/no-cycle skips `import type` by design; .dependency-cruiser.cjs catches those.
  const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs') as {
    forbidden: NonNullable<ICruiseOptions['ruleSet']>['forbidden'];
    options: ICruiseOptions;
  };
  const { tsConfig: _ourTsConfig, ...options } = config.options;

  async function loopsIn(files: Record<string, string>): Promise<number> {
    const dir = mkdtempSync(join(tmpdir(), 'paketbygd-loop-'));
    try {
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      const result = await cruise([dir], {
        ...options,
        validate: true,
        ruleSet: { forbidden: config.forbidden },
      });
      if (typeof result.output === 'string') throw new Error('expected a cruise result, got text');
      return result.output.summary.violations.filter((v) => v.rule.name === 'no-import-loop').length;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("refuses two modules that import each other's types", async () => {
    const loops = await loopsIn({
      'a.ts': "import type { B } from './b';\nexport interface A { b?: B }\n",
      'b.ts': "import type { A } from './a';\nexport interface B { a?: A }\n",
    });
    expect(loops).toBeGreaterThan(0);
  });

  it('accepts the same types once one side moves to a module of its own', async () => {
    const loops = await loopsIn({
      'types.ts': 'export interface A { n: number }\n',
      'b.ts': "import type { A } from './types';\nexport interface B { a?: A }\n",
    });
    expect(loops).toBe(0);
  });
});

describe('declared dependencies (package.json) are the packages of ours each one imports', () => {
  const workspaces = ['packages', 'services', 'workers']
    .flatMap((group) => readdirSync(join(root, group)).map((name) => join(root, group, name)))
    .filter((dir) => existsSync(join(dir, 'package.json')));
  workspaces.push(join(root, 'benchmarks'), join(root, 'tests'));

  /** Every source file below a folder, leaving out node_modules. */
  function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(path);
      return e.isFile() && /\.(ts|mts|js|mjs)$/.test(e.name) ? [path] : [];
    });
  }

  // A static import or re-export at the start of a line (so not one quoted inside a test's code
  // string), a side-effect import, or a dynamic import().
  const IMPORT =
    /^(?:import|export)\b[^;'"]*?\bfrom\s+['"](@paketbygd\/[\w-]+)|^import\s+['"](@paketbygd\/[\w-]+)|\bimport\(\s*['"](@paketbygd\/[\w-]+)/gm;

  function ourImports(dir: string, self: string): string[] {
    const names = new Set<string>();
    for (const file of sourceFiles(dir)) {
      for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) names.add(m[1] ?? m[2] ?? m[3]!);
    }
    names.delete(self);
    return [...names].sort();
  }

  function declared(dir: string): { name: string; ours: string[] } {
    const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      name: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const all = Object.keys({ ...json.dependencies, ...json.devDependencies });
    return { name: json.name, ours: all.filter((n) => n.startsWith('@paketbygd/')).sort() };
  }

  it('finds the imports it checks (the planner imports travel, placement and routing)', () => {
    const planner = ourImports(join(root, 'packages/planner'), '@paketbygd/planner');
    expect(planner).toEqual(
      expect.arrayContaining(['@paketbygd/placement', '@paketbygd/routing', '@paketbygd/travel']),
    );
  });

  it('holds for every workspace package: nothing imported undeclared, nothing declared unused', () => {
    const mismatches = workspaces.flatMap((dir) => {
      const { name, ours } = declared(dir);
      const imported = ourImports(dir, name);
      return JSON.stringify(imported) === JSON.stringify(ours)
        ? []
        : [
            `${relative(root, dir)}: imports ${imported.join(', ') || 'none'}; declares ${ours.join(', ') || 'none'}`,
          ];
    });
    expect(mismatches).toEqual([]);
  });
});
