import { fileURLToPath } from 'node:url';
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
});
