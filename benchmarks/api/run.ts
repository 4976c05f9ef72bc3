/**
 * pnpm bench:api [--duration S] [--connections N] [--jobs N] [--job-time-limit S] [--workers 1,2]
 *                [--phases status,health,submit,dropin,jobs,kill] [--dropin-requests N] [--dropin-time-limit S]
 *
 * Measures the HTTP API against a redis-server of its own (never REDIS_URL: the bench empties its
 * queue) with the API and each solver worker in processes of their own, all on 127.0.0.1:
 *   1. job-status GETs per second, p50/p99 latency (autocannon, one job polled);
 *   2. submissions per second of a small routing request (autocannon POST /v1/routes);
 *   3. the VROOM drop-in (POST /vroom) one request at a time with one worker: p50/p99 end to end
 *      and where the time goes (from the job's own timestamps);
 *   4. small routing jobs per minute through the real solver workers, with 1 and then 2 workers;
 *   5. SIGKILL of the worker running a job → the job running again on the other.
 * Each phase has a deadline: one that overruns it is reported as such and the next one runs.
 * Prints each row as it is measured, then a Markdown table with the machine's load before and after.
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
    phases: { type: 'string', default: 'status,health,submit,dropin,jobs,kill' },
    'dropin-requests': { type: 'string', default: '200' },
    'dropin-time-limit': { type: 'string', default: '0.01' },
  },
});
const phases = new Set(values.phases.split(','));
const dropinRequests = Number(values['dropin-requests']);
const dropinTimeLimitS = Number(values['dropin-time-limit']);
const durationS = Number(values.duration);
const connections = Number(values.connections);
const jobCount = Number(values.jobs);
const jobTimeLimitS = Number(values['job-time-limit']);
const workerCounts = values.workers.split(',').map(Number);
if (
  ![durationS, connections, jobCount, jobTimeLimitS, dropinRequests, dropinTimeLimitS].every(
    (n) => Number.isFinite(n) && n > 0,
  ) ||
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

type Row = string[];
type Worker = { child: ChildProcess; output: () => string };

/** What every phase gets: the API's address, its Redis, the request used, and the workers so far. */
interface Bench {
  base: string;
  /** The API's process id: its CPU time per request is read from /proc (Linux). */
  apiPid: number | undefined;
  redisUrl: string;
  body: string;
  workers: Worker[];
}

/** Runs a phase with a deadline; its rows are printed as they come. A phase that overruns is reported. */
async function phase(
  name: string,
  limitS: number,
  rows: Row[],
  run: (add: (row: Row) => void) => Promise<void>,
): Promise<void> {
  if (!phases.has(name)) return;
  const add = (row: Row) => {
    rows.push(row);
    console.log(`[${name}] ${row.filter(Boolean).join(' | ')}`);
  };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((resolve) => (timer = setTimeout(resolve, limitS * 1000, 'late')));
  const started = performance.now();
  try {
    const outcome = await Promise.race([run(add).then(() => 'done' as const), deadline]);
    if (outcome === 'late') add([`${name}: did not finish within ${limitS} s`, '', '', '', 'stopped']);
  } catch (error) {
    add([`${name}: failed`, '', '', '', String((error as Error).message ?? error).slice(0, 200)]);
  } finally {
    clearTimeout(timer);
    console.log(`[${name}] ${fmt((performance.now() - started) / 1000, 1)} s, load ${load()}`);
  }
}

async function ensureWorkers(bench: Bench, count: number): Promise<void> {
  while (bench.workers.length < count) {
    const w = startProcess(
      `worker ${bench.workers.length + 1}`,
      'workers/solver/src/main.ts',
      { REDIS_URL: bench.redisUrl, WORKER_CONCURRENCY: '1', LOG_LEVEL: 'info' },
      /solver worker started/,
    );
    await w.ready;
    bench.workers.push(w);
  }
}

/** 1. Job-status GETs: one queued job polled, a small one and one with a 1000×1000 matrix. */
/**
 * CPU seconds (user + system) a process has used, from /proc/PID/stat; undefined where there is
 * no /proc. On a machine shared with other work, CPU time per request varies less than req/s.
 */
function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks (USER_HZ, 100 on Linux)
  } catch {
    return undefined;
  }
}

/** autocannon on `url` (2 s warm-up, then --duration); the row, with the CPU time per request of `pid`. */
async function loadRow(
  label: string,
  url: string,
  pid: number | undefined,
  headers: Record<string, string>,
): Promise<Row> {
  await run({ url, headers, connections, duration: 2 }); // warm-up
  const cpuBeforeS = cpuSecondsOf(pid);
  const gets = await run({ url, headers, connections, duration: durationS });
  const cpuS = (cpuSecondsOf(pid) ?? NaN) - (cpuBeforeS ?? NaN);
  if (gets.non2xx > 0 || gets.errors > 0)
    throw new Error(`${label}: ${gets.non2xx} non-2xx, ${gets.errors} errors`);
  const cpuPerRequest = Number.isFinite(cpuS)
    ? `, server CPU ${fmt((cpuS / gets.requests.total) * 1e6)} µs/request`
    : '';
  return [
    `${label} (${connections} connections, ${durationS} s)`,
    `${fmt(gets.requests.average)} req/s`,
    `${fmt(gets.latency.p50, 1)} ms`,
    `${fmt(gets.latency.p99, 1)} ms`,
    `${fmt(gets.requests.total)} requests${cpuPerRequest}`,
  ];
}

/**
 * What the load generator allows on this machine: the same autocannon settings against a bare
 * node:http server answering a constant (benchmarks/api/bare-server.ts), then /healthz of the API.
 */
async function floorRows({ base, apiPid }: Bench, add: (row: Row) => void): Promise<void> {
  const bare = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'benchmarks', 'api', 'bare-server.ts')],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const port = await new Promise<string>((resolve) =>
      bare.stdout!.once('data', (c: Buffer) => resolve(c.toString().trim())),
    );
    add(await loadRow('bare node:http server, a constant answer', `http://127.0.0.1:${port}/`, bare.pid, {}));
  } finally {
    await stop(bare);
  }
  add(await loadRow('GET /healthz', `${base}/healthz`, apiPid, {}));
}

async function statusPhase(bench: Bench, add: (row: Row) => void): Promise<void> {
  const { base, body, apiPid } = bench;
  await floorRows(bench, add);
  const large = largeStatusJob();
  for (const [label, payload] of [
    [`${(body.length / 1024).toFixed(1)} kB job`, body],
    [`${(large.length / 1e6).toFixed(1)} MB job`, large],
  ] as const) {
    const submitted = await postBytes(base, '/v1/routes', Buffer.from(payload));
    if (submitted.status !== 202) throw new Error(`submission answered ${submitted.status}`);
    const { links } = JSON.parse(submitted.text) as { links: { self: string } };
    add(await loadRow(`GET /v1/jobs/:id, ${label}`, `${base}${links.self}`, apiPid, AUTH));
  }
}

/** 1b. /healthz while a hostile and a large request are checked. */
async function healthPhase({ base, body }: Bench, add: (row: Row) => void): Promise<void> {
  const unknownField = `${body.slice(0, -1)},"${'k'.repeat(1 << 20)}":1}`;
  for (const [label, payload] of [
    ['1 MB unknown field name', unknownField],
    ['30 MB valid request', largeValidRoute(1_520)],
  ] as const) {
    // Made before the probe starts: converting 30 MB here would stall this process's probe.
    const bytes = Buffer.from(payload);
    await eventLoopDelayMaxMs(base); // the API's delay histogram restarts at each scrape
    const probe = probeHealth(base);
    const started = performance.now();
    const answer = await postBytes(base, '/v1/routes', bytes);
    const ms = performance.now() - started;
    await sleep(20);
    const latencies = await probe.stop();
    const apiDelayMs = await eventLoopDelayMaxMs(base);
    add([
      `/healthz during a ${label} (answered ${answer.status} in ${fmt(ms)} ms)`,
      `${fmt(latencies.length)} probes`,
      `${fmt(percentile(latencies, 50), 1)} ms`,
      `${fmt(percentile(latencies, 99), 1)} ms`,
      `max ${fmt(Math.max(...latencies), 1)} ms; the API's longest event-loop delay ${fmt(apiDelayMs, 1)} ms`,
    ]);
  }
}

/**
 * The API's longest event-loop delay since the last scrape (prom-client's monitorEventLoopDelay,
 * reset at each scrape, 10 ms resolution): what the API itself stalled, apart from this process.
 */
async function eventLoopDelayMaxMs(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const match = /^paketbygd_api_nodejs_eventloop_lag_max_seconds (\S+)/m.exec(text);
  return match ? Number(match[1]) * 1000 : Number.NaN;
}

/** 2. Submissions of a small routing request (validated, queued; no worker running). */
async function submitPhase({ base, body }: Bench, add: (row: Row) => void): Promise<void> {
  const posts = await run({
    // A small time limit: submissions still in flight when autocannon stops are queued after the
    // queue is emptied, and with the default limit each would hold the next phase's worker 10 s.
    url: `${base}/v1/routes?timeLimitS=0.05`,
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'application/json' },
    body,
    connections,
    duration: durationS,
  });
  if (posts.non2xx > 0 || posts.errors > 0)
    throw new Error(`submissions: ${posts.non2xx} non-2xx, ${posts.errors} errors`);
  add([
    `POST /v1/routes, ${(body.length / 1024).toFixed(1)} kB (${connections} connections, ${durationS} s)`,
    `${fmt(posts.requests.average)} req/s`,
    `${fmt(posts.latency.p50, 1)} ms`,
    `${fmt(posts.latency.p99, 1)} ms`,
    `${fmt(posts.requests.total)} jobs queued`,
  ]);
}

/** One drop-in request and where its time went, from the job's own timestamps (ms, one clock). */
async function dropinOnce(base: string, body: string) {
  const sentMs = Date.now();
  const res = await fetch(`${base}/vroom`, {
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'application/json' },
    body,
  });
  const answer = (await res.json()) as { code: number; error?: string };
  const endMs = Date.now();
  if (res.status !== 200 || answer.code !== 0)
    throw new Error(`the drop-in answered ${res.status}: ${JSON.stringify(answer).slice(0, 200)}`);
  const id = res.headers.get('paketbygd-job-id')!;
  const job = (await (await fetch(`${base}/v1/jobs/${id}`, { headers: AUTH })).json()) as {
    createdAt: string;
    startedAt: string;
    finishedAt: string;
  };
  const [created, started, finished] = [job.createdAt, job.startedAt, job.finishedAt].map(Date.parse) as [
    number,
    number,
    number,
  ];
  return {
    totalMs: endMs - sentMs,
    acceptMs: created - sentMs,
    queueMs: started - created,
    solveMs: finished - started,
    answerMs: endMs - finished,
  };
}

type DropinParts = Awaited<ReturnType<typeof dropinOnce>>;

/** The slowest requests with their parts (ms): a tail is one slow part or the sum of several. */
function slowest(parts: DropinParts[], count: number): string {
  return [...parts]
    .sort((a, b) => b.totalMs - a.totalMs)
    .slice(0, count)
    .map((p) => `${p.totalMs} = ${p.acceptMs}+${p.queueMs}+${p.solveMs}+${p.answerMs}`)
    .join(', ');
}

/** 3. The VROOM drop-in, one request at a time, one worker: end to end and its parts. */
async function dropinPhase(bench: Bench, add: (row: Row) => void): Promise<void> {
  await ensureWorkers(bench, 1);
  const queued = (await queueCount(bench.base, 'waiting')) + (await queueCount(bench.base, 'active'));
  if (queued > 0)
    throw new Error(`${queued} jobs are queued before the drop-in phase; it measures an idle worker`);
  const request = JSON.parse(bench.body) as Record<string, unknown>;
  const body = JSON.stringify({ ...request, options: { time_limit: dropinTimeLimitS } });
  const jobs = (request.jobs as unknown[]).length;
  for (let i = 0; i < 10; i++) await dropinOnce(bench.base, body); // warm-up: thread, JIT
  const parts: DropinParts[] = [];
  for (let i = 0; i < dropinRequests; i++) parts.push(await dropinOnce(bench.base, body));
  const of = (key: keyof (typeof parts)[number]) => parts.map((p) => p[key]);
  const p = (key: keyof (typeof parts)[number], q: number) => fmt(percentile(of(key), q), 0);
  add([
    `POST /vroom, ${jobs} jobs, options.time_limit ${dropinTimeLimitS} s, 1 worker (${dropinRequests} requests one at a time)`,
    `${fmt(1000 / (of('totalMs').reduce((a, b) => a + b, 0) / parts.length), 1)} req/s`,
    `${p('totalMs', 50)} ms`,
    `${p('totalMs', 99)} ms`,
    `p50 (p99) ms: accept ${p('acceptMs', 50)} (${p('acceptMs', 99)}), queue ${p('queueMs', 50)} (${p('queueMs', 99)}), ` +
      `solve ${p('solveMs', 50)} (${p('solveMs', 99)}), answer ${p('answerMs', 50)} (${p('answerMs', 99)}); ` +
      `slowest three: ${slowest(parts, 3)}`,
  ]);
}

/** 4. Small routing jobs through real workers (one job at a time per worker process). */
async function jobsPhase(bench: Bench, add: (row: Row) => void): Promise<void> {
  const { base, body } = bench;
  const perMinute: number[] = [];
  for (const count of workerCounts) {
    await ensureWorkers(bench, count);
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
    add([
      `small routing jobs, ${count} worker${count > 1 ? 's' : ''} (${jobCount} jobs, timeLimitS ${jobTimeLimitS})`,
      `${fmt((jobCount / seconds) * 60)} jobs/min`,
      '',
      '',
      `${fmt(seconds, 1)} s${perMinute.length > 1 ? `, ${fmt(perMinute.at(-1)! / perMinute[0]!, 2)}× one worker` : ''}`,
    ]);
  }
}

/** Polls until `done` answers a value, at most `timeoutMs`. */
async function until<T>(what: string, timeoutMs: number, done: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await done();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(20);
  }
}

/** 5. SIGKILL of the worker running a job → the job running again on the other worker. */
async function killPhase(bench: Bench, add: (row: Row) => void): Promise<void> {
  const { base, body } = bench;
  await ensureWorkers(bench, 2);
  const submitted = await postBytes(base, '/v1/routes?timeLimitS=60', Buffer.from(body));
  const { links } = JSON.parse(submitted.text) as { links: { self: string } };
  const id = links.self.split('/').pop()!;
  const startedAt = async () =>
    ((await (await fetch(`${base}${links.self}`, { headers: AUTH })).json()) as { startedAt: string | null })
      .startedAt;
  const victim = await until('a worker to take the job', 30_000, async () =>
    bench.workers.find((w) => w.output().includes(`"jobId":"${id}"`)),
  );
  const first = await until('the job to start', 30_000, async () => (await startedAt()) ?? undefined);
  const killedMs = Date.now();
  victim.child.kill('SIGKILL');
  bench.workers.splice(bench.workers.indexOf(victim), 1);
  const again = await until('the job to run again', 120_000, async () => {
    const now = await startedAt();
    return now && now !== first ? now : undefined;
  });
  add([
    'SIGKILL of the worker running a job → running again on the other (default lock settings)',
    '',
    '',
    '',
    `${fmt((Date.parse(again) - killedMs) / 1000, 1)} s`,
  ]);
  await fetch(`${base}${links.self}`, { method: 'DELETE', headers: AUTH });
}

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
  const rows: Row[] = [];
  const bench: Bench = {
    base,
    apiPid: api.child.pid,
    redisUrl: redis.url,
    body: smallRequest(),
    workers: [],
  };
  try {
    await waitFor(`${base}/healthz`);
    await phase('status', 4 * (durationS + 2) + 40, rows, (add) => statusPhase(bench, add));
    await phase('health', 120, rows, (add) => healthPhase(bench, add));
    await phase('submit', durationS + 30, rows, (add) => submitPhase(bench, add));
    // What the phases above queued is not part of the runs with workers: emptied once the
    // submissions still in flight have been answered.
    await sleep(2_000);
    await clearQueue(redis.url);
    await phase('dropin', 60 + dropinRequests * 2, rows, (add) => dropinPhase(bench, add));
    await phase('jobs', 360, rows, (add) => jobsPhase(bench, add));
    await phase('kill', 180, rows, (add) => killPhase(bench, add));
  } finally {
    await Promise.all(bench.workers.map((w) => stop(w.child)));
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
