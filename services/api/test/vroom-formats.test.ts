import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApiWithWorker, type TestApi } from './support';

// VROOM's formats through the real worker: 64-bit ids (above 2^53 − 1 they go through
// `paketbygd route`, POST /v1/routes and the drop-in POST /vroom and come back as the same JSON
// numbers, digit for digit), the legacy "matrix" key, geometry as a polyline, setup apart.
const CLI = join(import.meta.dirname, '..', '..', '..', 'packages', 'cli', 'src', 'main.ts');
const MAX = '18446744073709551615';
const BIG = '9007199254740993'; // 2^53 + 1: a double would read it as 2^53

let t: TestApi;
let stack: Awaited<ReturnType<typeof startApiWithWorker>>;

beforeAll(async () => {
  stack = await startApiWithWorker(15, { vroomCompat: { maxWaitS: 30 } });
  t = stack.api;
});
afterAll(async () => {
  await stack?.close();
});

/** Written as text: JSON.stringify cannot write these ids. */
const requestText = (vehicleId: string, jobId: string) =>
  `{"vehicles":[{"id":${vehicleId},"start_index":0,"end_index":0}],` +
  `"jobs":[{"id":${jobId},"location_index":1},{"id":${BIG},"location_index":2}],` +
  `"shipments":[{"pickup":{"id":${MAX},"location_index":1},"delivery":{"id":${MAX},"location_index":2}}],` +
  `"matrix":[[0,10,20],[10,0,10],[20,10,0]],"options":{"time_limit":0.2}}`;

/** Every id in an answer's text, as written (digits), in order. */
const idsIn = (text: string) =>
  [...text.matchAll(/"(vehicle|id|job)":\s*("?)(\d+)\2/g)].map((m) => `${m[1]}=${m[2]}${m[3]}`);

function expectBigIds(text: string) {
  const ids = idsIn(text);
  expect(ids).toContain(`vehicle=${MAX}`);
  expect(ids).toContain(`id=${MAX}`);
  expect(ids).toContain(`job=${BIG}`);
  expect(ids).toContain(`id=${BIG}`);
  expect(ids).toContain('id=42');
  // Numbers, never strings.
  expect(ids.filter((x) => x.includes('"'))).toEqual([]);
}

const post = (path: string, body: string) =>
  t.call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

it('ids up to 2^64 − 1 survive the CLI, POST /v1/routes and POST /vroom as JSON numbers', async () => {
  const body = requestText(MAX, '42');
  const dir = mkdtempSync(join(tmpdir(), 'paketbygd-ids-'));
  const file = join(dir, 'request.json');
  writeFileSync(file, body);
  const cli = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'route', file, '--json', '--quiet'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(cli.status, cli.stderr).toBe(0);
  expectBigIds(cli.stdout);

  const v1 = await post('/v1/routes?wait=30', body);
  expect(v1.status).toBe(200);
  expectBigIds(await v1.text());

  const vroom = await post('/vroom', body);
  expect(vroom.status).toBe(200);
  const text = await vroom.text();
  expectBigIds(text);
  expect(text).not.toContain('"travel"');
}, 90_000);

it('a negative, fractional or too large id is a 400 naming its path', async () => {
  for (const [id, message] of [
    ['-1', /cannot be negative/],
    ['1.5', /whole number/],
    ['18446744073709551616', /at most 2\^64 − 1/],
  ] as const) {
    const v1 = await post('/v1/routes', requestText('1', id));
    expect(v1.status, id).toBe(400);
    expect(JSON.stringify(await v1.json()), id).toMatch(/jobs\[0\]\.id/);

    const vroom = await post('/vroom', requestText('1', id));
    expect(vroom.status, id).toBe(400);
    const answer = (await vroom.json()) as { code: number; error: string };
    expect(answer.code).toBe(2);
    expect(answer.error, id).toMatch(/jobs\[0\]\.id/);
    expect(answer.error, id).toMatch(message);
  }
});

it('the legacy "matrix" key with "matrices" is a 400 naming "matrix"', async () => {
  const body = JSON.stringify({
    vehicles: [{ id: 1, start_index: 0 }],
    jobs: [{ id: 1, location_index: 1 }],
    matrix: [
      [0, 1],
      [1, 0],
    ],
    matrices: {
      car: {
        durations: [
          [0, 1],
          [1, 0],
        ],
      },
    },
  });
  const v1 = await post('/v1/routes', body);
  expect(v1.status).toBe(400);
  expect(JSON.stringify(await v1.json())).toMatch(/"path":"matrix".*not both/);
  const vroom = await post('/vroom', body);
  expect(vroom.status).toBe(400);
  expect(await vroom.json()).toMatchObject({ code: 2, error: expect.stringMatching(/matrix.*not both/) });
});

it('with options.g, POST /vroom answers each route with an encoded polyline and steps with setup apart', async () => {
  const vroom = await post(
    '/vroom',
    JSON.stringify({
      vehicles: [{ id: 1, start: [16.2, 59.0], end: [16.2, 59.0] }],
      jobs: [
        { id: 1, location: [16.0, 59.0], setup: 60, service: 120 },
        { id: 2, location: [16.0, 59.0], setup: 60, service: 120 },
      ],
      options: { g: true, time_limit: 0.2 },
    }),
  );
  expect(vroom.status).toBe(200);
  const answer = (await vroom.json()) as {
    summary: { setup: number; service: number };
    routes: { geometry: unknown; steps: { type: string; setup: number; job?: number }[] }[];
  };
  // Straight-line travel in this test's worker: start, the jobs' place, and back.
  expect(answer.routes[0]!.geometry).toEqual(expect.stringMatching(/^[\x3f-\x7e]+$/));
  expect(answer.routes[0]!.steps.filter((s) => s.type === 'job').map((s) => s.setup)).toEqual([60, 0]);
  expect(answer.summary).toMatchObject({ setup: 60, service: 240 });
});
