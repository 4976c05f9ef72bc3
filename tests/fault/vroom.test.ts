/**
 * The VROOM drop-in (issue 17) as an unmodified vroom-express client sees it: a plain fetch POST of
 * VROOM's documented example JSON, the JSON answer read back. Real API and worker processes and a
 * redis-server of their own, on loopback; the API also answers at VROOM_COMPAT_PATH=/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY, startStack, type Stack } from './stack';

/**
 * VROOM's docs/example_2.json ("Using custom matrices"), as published (VROOM-Project/vroom at
 * 004faa4b). Its documented answer: one route 0 → 1414 → 1515 → 3, cost 5461.
 */
const EXAMPLE_2 = `{
  "vehicles": [
    {
      "id":0,
      "start_index":0,
      "end_index":3
    }
  ],
  "jobs": [
    {
      "id":1414,
      "location_index":1
    },
    {
      "id":1515,
      "location_index":2
    }
  ],
  "matrices": {
    "car": {
      "durations": [
        [0,2104,197,1299],
        [2103,0,2255,3152],
        [197,2256,0,1102],
        [1299,3153,1102,0]
      ]
    }
  }
}`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ apiEnv: { VROOM_COMPAT_PATH: '/' } });
  await stack.startWorker();
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

/** What a vroom-express client does: POST the JSON text, read JSON back, whatever the status. */
async function vroomClient(path: string, body: string): Promise<{ status: number; answer: any }> {
  const res = await fetch(`${stack.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body,
  });
  return { status: res.status, answer: await res.json() };
}

describe('VROOM drop-in contract', () => {
  it.each(['/vroom', '/', '/optimization'])(
    "POST %s answers VROOM's example 2 synchronously, in VROOM's shape",
    async (path) => {
      const started = performance.now();
      const { status, answer } = await vroomClient(path, EXAMPLE_2);
      console.log(`${path}: example 2 answered ${status} in ${(performance.now() - started).toFixed(0)} ms`);
      expect(status).toBe(200);
      expect(Object.keys(answer).sort()).toEqual(['code', 'routes', 'summary', 'unassigned']);
      expect(answer.code).toBe(0);
      expect(answer.summary).toMatchObject({ cost: 5461, routes: 1, unassigned: 0, duration: 5461 });
      expect(answer.unassigned).toEqual([]);
      const [route] = answer.routes;
      expect(route.vehicle).toBe(0);
      expect(route.steps.map((s: { type: string; id?: number }) => s.id ?? s.type)).toEqual([
        'start',
        1414,
        1515,
        'end',
      ]);
      expect(route.steps.map((s: { arrival: number }) => s.arrival)).toEqual([0, 2104, 4359, 5461]);
    },
    60_000,
  );

  it('invalid JSON: HTTP 400, {code: 2, error} naming line and column', async () => {
    const { status, answer } = await vroomClient('/vroom', EXAMPLE_2.replace('"jobs": [', '"jobs": [,'));
    expect(status).toBe(400);
    expect(Object.keys(answer).sort()).toEqual(['code', 'error']);
    expect(answer.code).toBe(2);
    expect(answer.error).toMatch(/line 9, column 12/);
  });

  it('an unknown field: HTTP 400, {code: 2, error} with its path', async () => {
    const body = EXAMPLE_2.replace('"id":1515,', '"id":1515, "servise": 300,');
    const { status, answer } = await vroomClient('/vroom', body);
    expect(status).toBe(400);
    expect(Object.keys(answer).sort()).toEqual(['code', 'error']);
    expect(answer.code).toBe(2);
    expect(answer.error).toContain('jobs[1].servise');
  });

  it('no key: HTTP 401 in VROOM shape; /v1/routes keeps its own shape and its 202', async () => {
    const res = await fetch(`${stack.url}/vroom`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: EXAMPLE_2,
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 2, error: expect.stringMatching(/API key/) });
    const v1 = await stack.call('/v1/routes', { method: 'POST', json: JSON.parse(EXAMPLE_2) });
    expect(v1.status).toBe(202);
    expect(await v1.json()).toMatchObject({ kind: 'route', state: 'waiting' });
  });
});
