/**
 * The VROOM drop-in with vehicle steps and vroom-express's options (issue 17): plan mode
 * (`options.c`, VROOM's `-c`) through POST /vroom as a vroom-express client sends it, the other
 * options vroom-express passes (`t`, `x`, `l`), and impossible steps refused with VROOM's code 2
 * naming the step. Real API and worker processes, as in `vroom.test.ts`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import documented1 from '../../packages/routing/test/vroom-docs/example-1.solution.json';
import example1 from '../../packages/routing/test/vroom-docs/example-1.request.json';
import documented from '../../packages/routing/test/vroom-docs/example-3.solution.json';
import example3 from '../../packages/routing/test/vroom-docs/example-3.request.json';
import { withDocumentedMatrix } from '../../packages/routing/test/vroom-docs/docs-matrix';
import { KEY, startStack, type Stack } from './stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await stack.startWorker();
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

async function vroomClient(body: unknown): Promise<{ status: number; answer: any }> {
  const res = await fetch(`${stack.url}/vroom`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, answer: await res.json() };
}

const causes = (violations: { cause: string }[]) => violations.map((v) => v.cause).sort();
// VROOM's example 3 with matrices (the documented legs: see packages/routing/test/vroom-docs/README.md).
const planRequest = withDocumentedMatrix(example3, documented);

describe('VROOM drop-in: steps and plan mode', () => {
  it("VROOM's example 1 (a break on vehicle 2) in VROOM's shape, at most its documented cost", async () => {
    // options.l (vroom-express's -l) keeps the solve to 1 s.
    const { status, answer } = await vroomClient({
      ...withDocumentedMatrix(example1, documented1),
      options: { l: 1 },
    });
    expect(status).toBe(200);
    expect(Object.keys(answer).sort()).toEqual(['code', 'routes', 'summary', 'unassigned']);
    expect(answer.unassigned).toEqual([]);
    expect(answer.summary.cost).toBeLessThanOrEqual(documented1.summary.cost);
    const steps = answer.routes.find((r: { vehicle: number }) => r.vehicle === 2).steps;
    expect(steps.filter((s: { type: string }) => s.type === 'break')).toEqual([
      expect.objectContaining({ type: 'break', id: 2, service: 300, violations: [] }),
    ]);
  }, 60_000);

  it("options.c (VROOM's -c): VROOM's example 3 timed as documented, with its violations", async () => {
    const started = performance.now();
    const { status, answer } = await vroomClient({ ...planRequest, options: { c: true } });
    console.log(
      `example 3 in plan mode answered ${status} in ${(performance.now() - started).toFixed(0)} ms`,
    );
    expect(status).toBe(200);
    expect(answer.code).toBe(0);
    expect(causes(answer.summary.violations)).toEqual(causes(documented.summary.violations));
    expect(answer.summary.violations).toContainEqual({ cause: 'delay', duration: 2712 });
    expect(answer.routes.map((r: { steps: { arrival: number }[] }) => r.steps.map((s) => s.arrival))).toEqual(
      documented.routes.map((r) => r.steps.map((s) => s.arrival)),
    );
  }, 60_000);

  it('the options vroom-express passes (g, c, t, x, l) are accepted', async () => {
    const { status, answer } = await vroomClient({
      ...planRequest,
      vehicles: planRequest.vehicles.map(({ steps: _steps, ...v }) => v),
      options: { g: false, c: false, t: 4, x: 5, l: 1 },
    });
    expect(status).toBe(200);
    expect(answer.code).toBe(0);
    // Without steps the solver routes it: 10 units of deliveries for 2 × 4 of capacity.
    expect(answer.summary.unassigned).toBe(2);
  }, 60_000);

  it('a job twice in steps: HTTP 400, code 2, naming the step', async () => {
    const vehicles = planRequest.vehicles.map((v, i) =>
      i === 0
        ? {
            ...v,
            steps: [
              { type: 'job', id: 1 },
              { type: 'job', id: 1 },
            ],
          }
        : v,
    );
    const { status, answer } = await vroomClient({ ...planRequest, vehicles });
    expect(status).toBe(400);
    expect(Object.keys(answer).sort()).toEqual(['code', 'error']);
    expect(answer.code).toBe(2);
    expect(answer.error).toContain('vehicles[0].steps[1]');
  });

  it('steps outside the vehicle time window (solving mode): HTTP 400, code 2, naming the step', async () => {
    // Example 3's first route ends after its vehicle's time window once its windows are hard.
    const vehicles = planRequest.vehicles.map((v) => ({ ...v, time_window: [1600416000, 1600420000] }));
    const { status, answer } = await vroomClient({ ...planRequest, vehicles });
    expect(status).toBe(400);
    expect(answer.code).toBe(2);
    expect(answer.error).toMatch(/vehicles\[0\]\.steps\[\d\]/);
  }, 60_000);
});
