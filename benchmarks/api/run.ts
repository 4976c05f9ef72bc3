/**
 * pnpm bench:api [--duration S] [--connections N] [--jobs N] [--job-time-limit S] [--workers 1,2]
 *
 * Measures the HTTP API against a redis-server of its own (never REDIS_URL: the bench empties its
 * queue) with the API and each solver worker in processes of their own, all on 127.0.0.1:
 *   1. job-status GETs per second, p50/p99 latency (autocannon, one job polled);
 *   2. submissions per second of a small routing request (autocannon POST /v1/routes);
 *   3. small routing jobs per minute through the real solver workers, with 1 and then 2 workers.
 * Prints a Markdown table with the machine's load before and after.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, startTestRedis } from '../../tests/support/redis-server';
import { largeValidRoute, percentile, postBytes, probeHealth, sleep } from '../../tests/fault/stack';

const ROOT = join(import.meta.dirname, '..', '..');
/** The parts of autocannon used here. */
interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  duration: number;
}
interface LoadResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
// autocannon is a dev dependency of the API package (benchmarks/ has no dependencies of its own).
const autocannon = createRequire(join(ROOT, 'services', 'api', 'package.json'))('autocannon') as (
  options: LoadOptions,
  done: (error: Error | null, result: LoadResult) => void,
) => unknown;

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    jobs: { type: 'string', default: '40' },
    'job-time-limit': { type: 'string', default: '0.5' },
    workers: { type: 'string', default: '1,2' },
  },
});
const durationS = Number(values.duration);
const connections = Number(values.connections);
const jobCount = Number(values.jobs);
const jobTimeLimitS = Number(values['job-time-limit']);
const workerCounts = values.workers.split(',').map(Number);
if (
  ![durationS, connections, jobCount, jobTimeLimitS].every((n) => Number.isFinite(n) && n > 0) ||
  durationS > 60
) {
  throw new Error('--duration (≤ 60), --connections, --jobs and --job-time-limit are positive numbers');
}

// The fault suite's key: its postBytes helper sends it.
const KEY = 'fault-key-0123456789abcdef';
const AUTH = { authorization: `Bearer ${KEY}` };

/** A small routing request: examples/operator/small-cvrp.json (its travel matrix included). */
function smallRequest(): string {
  const full = JSON.parse(readFileSync(join(ROOT, 'examples', 'operator', 'small-cvrp.json'), 'utf8'));
  return JSON.stringify(full);
}

function startProcess(name: string, entry: string, env: Record<string, string>, readyLine?: RegExp) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (readyLine?.test(output)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}):\n${output.slice(-2000)}`)));
    if (!readyLine) resolve();
  });
  return { child, ready, output: () => output };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function waitFor(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function run(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function queueCount(base: string, state: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const match = new RegExp(`^paketbygd_queue_jobs\\{state="${state}"\\} (\\d+)`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
}

async function submitJobs(base: string, body: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${base}/v1/routes?timeLimitS=${jobTimeLimitS}&seed=${i}`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body,
    });
    if (res.status !== 202) throw new Error(`submission answered ${res.status}: ${await res.text()}`);
  }
}

async function untilCompleted(base: string, target: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await queueCount(base, 'completed')) < target) {
    if ((await queueCount(base, 'failed')) > 0)
      throw new Error('a benchmark job failed; see the worker output');
    if (Date.now() > deadline) throw new Error(`jobs did not complete within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  // The bench empties and fills its queue: it never touches a Redis someone else uses.
  delete process.env.REDIS_URL;
  const loadBefore = load();
  const redis = await startTestRedis();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = startProcess('api', 'services/api/src/main.ts', {
    PORT: String(port),
    HOST: '127.0.0.1',
    REDIS_URL: redis.url,
    API_KEYS: `bench:${KEY}`,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_MAX: '100000000',
  });
  const rows: string[][] = [];
  const workers: { child: ChildProcess; output: () => string }[] = [];
  try {
    await waitFor(`${base}/healthz`);
    const body = smallRequest();

    // 1. Job-status GETs: one queued job polled, a small one and one with a 1000×1000 matrix.
    const large = largeStatusJob();
    for (const [label, payload] of [
      [`${(body.length / 1024).toFixed(1)} kB job`, body],
      [`${(large.length / 1e6).toFixed(1)} MB job`, large],
    ] as const) {
      const submitted = await postBytes(base, '/v1/routes', Buffer.from(payload));
      if (submitted.status !== 202) throw new Error(`submission answered ${submitted.status}`);
      const { links } = JSON.parse(submitted.text) as { links: { self: string } };
      await run({ url: `${base}${links.self}`, headers: AUTH, connections, duration: 2 }); // warm-up
      const gets = await run({
        url: `${base}${links.self}`,
        headers: AUTH,
        connections,
        duration: durationS,
      });
      if (gets.non2xx > 0 || gets.errors > 0)
        throw new Error(`status GETs: ${gets.non2xx} non-2xx, ${gets.errors} errors`);
      rows.push([
        `GET /v1/jobs/:id, ${label} (${connections} connections, ${durationS} s)`,
        `${fmt(gets.requests.average)} req/s`,
        `${fmt(gets.latency.p50, 1)} ms`,
        `${fmt(gets.latency.p99, 1)} ms`,
        `${fmt(gets.requests.total)} requests`,
      ]);
    }

    // 1b. /healthz while a hostile and a large request are checked.
    const unknownField = `${body.slice(0, -1)},"${'k'.repeat(1 << 20)}":1}`;
    for (const [label, payload] of [
      ['1 MB unknown field name', unknownField],
      ['30 MB valid request', largeValidRoute(1_520)],
    ] as const) {
      const probe = probeHealth(base);
      const started = performance.now();
      const answer = await postBytes(base, '/v1/routes', Buffer.from(payload));
      const ms = performance.now() - started;
      await sleep(20);
      const latencies = await probe.stop();
      rows.push([
        `/healthz during a ${label} (answered ${answer.status} in ${fmt(ms)} ms)`,
        `${fmt(latencies.length)} probes`,
        `${fmt(percentile(latencies, 50), 1)} ms`,
        `${fmt(percentile(latencies, 99), 1)} ms`,
        `max ${fmt(Math.max(...latencies), 1)} ms`,
      ]);
    }

    // 2. Submissions of a small routing request (validated, queued; no worker running).
    const posts = await run({
      url: `${base}/v1/routes`,
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body,
      connections,
      duration: durationS,
    });
    if (posts.non2xx > 0 || posts.errors > 0)
      throw new Error(`submissions: ${posts.non2xx} non-2xx, ${posts.errors} errors`);
    rows.push([
      `POST /v1/routes, ${(body.length / 1024).toFixed(1)} kB (${connections} connections, ${durationS} s)`,
      `${fmt(posts.requests.average)} req/s`,
      `${fmt(posts.latency.p50, 1)} ms`,
      `${fmt(posts.latency.p99, 1)} ms`,
      `${fmt(posts.requests.total)} jobs queued`,
    ]);
    // The queued submissions are not part of the throughput runs.
    await clearQueue(redis.url);

    // 3. Small routing jobs through real workers (one job at a time per worker process).
    const perMinute: number[] = [];
    for (const count of workerCounts) {
      while (workers.length < count) {
        const w = startProcess(
          `worker ${workers.length + 1}`,
          'workers/solver/src/main.ts',
          { REDIS_URL: redis.url, WORKER_CONCURRENCY: '1', LOG_LEVEL: 'info' },
          /solver worker started/,
        );
        await w.ready;
        workers.push(w);
      }
      // Warm-up: every worker's first job pays for its thread and module loading.
      const done = await queueCount(base, 'completed');
      await submitJobs(base, body, 2 * count);
      await untilCompleted(base, done + 2 * count, 60_000);
      const before = await queueCount(base, 'completed');
      const started = performance.now();
      await submitJobs(base, body, jobCount);
      await untilCompleted(base, before + jobCount, 300_000);
      const seconds = (performance.now() - started) / 1000;
      perMinute.push((jobCount / seconds) * 60);
      rows.push([
        `small routing jobs, ${count} worker${count > 1 ? 's' : ''} (${jobCount} jobs, timeLimitS ${jobTimeLimitS})`,
        `${fmt((jobCount / seconds) * 60)} jobs/min`,
        '',
        '',
        `${fmt(seconds, 1)} s${perMinute.length > 1 ? `, ${fmt(perMinute.at(-1)! / perMinute[0]!, 2)}× one worker` : ''}`,
      ]);
    }

    // 4. SIGKILL of the worker running a job → the job running again on the other worker.
    if (workers.length >= 2) {
      const submitted = await postBytes(base, '/v1/routes?timeLimitS=60', Buffer.from(body));
      const { links } = JSON.parse(submitted.text) as { links: { self: string } };
      const id = links.self.split('/').pop()!;
      let victim: (typeof workers)[number] | undefined;
      while (!(victim = workers.find((w) => w.output().includes(`"jobId":"${id}"`)))) await sleep(20);
      const startedAt = async () =>
        (
          (await (await fetch(`${base}${links.self}`, { headers: AUTH })).json()) as {
            startedAt: string | null;
          }
        ).startedAt;
      const first = await startedAt();
      const killedMs = Date.now();
      victim.child.kill('SIGKILL');
      let again: string | null;
      while ((again = await startedAt()) === first) await sleep(50);
      const recoveryS = (Date.parse(again!) - killedMs) / 1000;
      rows.push([
        'SIGKILL of the worker running a job → running again on the other (default lock settings)',
        '',
        '',
        '',
        `${fmt(recoveryS, 1)} s`,
      ]);
      await fetch(`${base}${links.self}`, { method: 'DELETE', headers: AUTH });
    }
  } finally {
    await Promise.all(workers.map((w) => stop(w.child)));
    await stop(api.child);
    await redis.stop();
  }
  const header = ['measure', 'throughput', 'p50', 'p99', 'notes'];
  const lines = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`);
  console.log(`\nPaketbygd API benchmark, ${cpus().length} cores, Node ${process.version}`);
  console.log(lines.join('\n'));
  console.log(`\nload average (1/5/15 min): before ${loadBefore}, after ${load()}`);
}

/** A routing request with a 1000×1000 duration matrix: 3.9 MB, as in issue 13. */
function largeStatusJob(): string {
  const size = 1_000;
  const durations = Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => (i === j ? 0 : 100 + ((i * 31 + j * 17) % 900))),
  );
  return JSON.stringify({
    vehicles: [{ id: 1, start_index: 0, end_index: 0 }],
    jobs: Array.from({ length: size - 1 }, (_, i) => ({ id: i + 1, location_index: i + 1 })),
    matrices: { car: { durations } },
  });
}

/** Empties the queue between phases: FLUSHDB on the bench's own server. */
async function clearQueue(url: string): Promise<void> {
  const { port } = new URL(url);
  await new Promise<void>((resolve, reject) => {
    const cli = spawn('redis-cli', ['-h', '127.0.0.1', '-p', port, 'flushdb'], { stdio: 'ignore' });
    cli.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`redis-cli flushdb exited ${code}`)),
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
