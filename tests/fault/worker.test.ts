/**
 * Faults around the solver workers (issue 13): a job over its memory ceiling, a worker killed
 * mid-job, Redis restarted under queued jobs, 200 concurrent submissions. Real API and worker
 * processes and a redis-server of their own (append-only, so a restart keeps the queue), on loopback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeValidRoute, postBytes, sleep, startStack, tinyRoute, type Stack } from './stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ appendOnly: true });
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

interface View {
  state: string;
  error: string | null;
  startedAt: string | null;
  attempts: { made: number };
  progress: { percent: number; bestCost?: number } | null;
}

async function view(id: string): Promise<View> {
  return (await (await stack.call(`/v1/jobs/${id}`)).json()) as View;
}

async function submit(body: unknown, query = ''): Promise<string> {
  const res = await postBytes(stack.url, `/v1/routes${query}`, Buffer.from(JSON.stringify(body)));
  expect(res.status, res.text.slice(0, 300)).toBe(202);
  return (JSON.parse(res.text) as { id: string }).id;
}

async function until(id: string, done: (v: View) => boolean, timeoutMs = 40_000): Promise<View> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await view(id);
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`job ${id} is still ${JSON.stringify(v)}`);
    await sleep(100);
  }
}

const finished = (v: View) => v.state === 'completed' || v.state === 'failed';

describe('memory ceiling per job', () => {
  it('a job over WORKER_THREAD_MAX_HEAP_MB fails alone; the worker solves the next job', async () => {
    const worker = await stack.startWorker({ WORKER_THREAD_MAX_HEAP_MB: '44' });
    const res = await postBytes(stack.url, '/v1/routes?timeLimitS=3', Buffer.from(largeValidRoute(1_520)));
    expect(res.status).toBe(202);
    const big = (JSON.parse(res.text) as { id: string }).id;
    const small = await submit(tinyRoute(1));
    const failed = await until(big, finished, 60_000);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/memory/i);
    expect((await until(small, finished)).state).toBe('completed');
    expect(worker.child.exitCode).toBeNull();
    await worker.child.kill('SIGTERM');
    await worker.exited;
  }, 90_000);
});

describe('routing requests and progress', () => {
  it("coordinates far from Sweden (Muscat) are routed, not refused as swapped; the final progress is the result's", async () => {
    const worker = await stack.startWorker();
    const depot: [number, number] = [58.4059, 23.5859];
    const id = await submit(
      {
        vehicles: [{ id: 1, start: depot, end: depot }],
        jobs: [1, 2, 3].map((j) => ({ id: j, location: [58.38 + 0.01 * j, 23.6] })),
      },
      '?timeLimitS=1',
    );
    const done = await until(id, finished);
    expect(done.error).toBeNull();
    expect(done.state).toBe('completed');
    const result = (await (await stack.call(`/v1/jobs/${id}/result`)).json()) as {
      summary: { cost: number };
    };
    expect(done.progress).toEqual({ percent: 100, message: 'done', bestCost: result.summary.cost });
    worker.child.kill('SIGTERM');
    await worker.exited;
  }, 60_000);
});

describe('a worker killed mid-job', () => {
  it('SIGKILL: with the default lock settings another worker runs the job again within 15 s', async () => {
    const workers = [await stack.startWorker(), await stack.startWorker()];
    const id = await submit(tinyRoute(7), '?timeLimitS=60');
    const running = await until(id, (v) => v.state === 'active' && v.startedAt !== null);
    const solving = (w: (typeof workers)[number]) =>
      w.lines.some((l) => l.msg === 'solving' && l.jobId === id);
    while (!workers.some(solving)) await sleep(20);
    const victim = workers.find(solving)!;
    const survivor = workers.find((w) => w !== victim)!;
    const killedMs = Date.now();
    victim.child.kill('SIGKILL');
    await victim.exited;
    const again = await until(id, (v) => v.startedAt !== running.startedAt, 30_000);
    const recoveryMs = Date.parse(again.startedAt!) - killedMs;
    console.log(`SIGKILL -> running again on the other worker after ${(recoveryMs / 1000).toFixed(1)} s`);
    expect(again.state).toBe('active');
    await until(id, () => solving(survivor), 5_000);
    expect(recoveryMs).toBeLessThanOrEqual(15_000);
    expect((await stack.call(`/v1/jobs/${id}`, { method: 'DELETE' })).status).toBe(202);
    await until(id, finished);
    survivor.child.kill('SIGTERM');
    await survivor.exited;
  }, 60_000);
});

describe('Redis restarted, and many clients at once', () => {
  const workers: Awaited<ReturnType<Stack['startWorker']>>[] = [];
  afterAll(async () => {
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
  });
  const solvedCount = (id: string) =>
    workers.reduce((n, w) => n + w.lines.filter((l) => l.msg === 'solved' && l.jobId === id).length, 0);

  it('5 jobs queued when Redis restarts (append-only file) are kept and each completes once', async (ctx) => {
    if (!stack.redis.owned) ctx.skip(); // REDIS_URL points at a server this test must not restart
    const ids = await Promise.all([1, 2, 3, 4, 5].map((k) => submit(tinyRoute(k))));
    const restartedMs = Date.now();
    await stack.redis.restart();
    // The API's connections come back by themselves.
    for (;;) {
      if ((await fetch(`${stack.url}/readyz`)).status === 200) break;
      await sleep(50);
    }
    console.log(
      `Redis restarted: the API ready again ${Date.now() - restartedMs} ms after the restart began`,
    );
    workers.push(await stack.startWorker(), await stack.startWorker());
    for (const id of ids) {
      const done = await until(id, finished);
      expect(done.state).toBe('completed');
      expect(done.attempts.made).toBe(1);
    }
    await sleep(300);
    expect(ids.map(solvedCount)).toEqual([1, 1, 1, 1, 1]);
  }, 90_000);

  it('200 concurrent submissions: all accepted, each solved exactly once', async () => {
    const started = Date.now();
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, k) => stack.call('/v1/routes', { json: tinyRoute(100 + k) })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(200).fill(202));
    const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as { id: string }).id));
    expect(new Set(ids).size).toBe(200);
    let pending = ids;
    while (pending.length > 0) {
      if (Date.now() - started > 55_000) throw new Error(`${pending.length} jobs not completed within 55 s`);
      const views = await Promise.all(pending.map(async (id) => ({ id, v: await view(id) })));
      expect(views.filter(({ v }) => v.state === 'failed').map(({ v }) => v.error)).toEqual([]);
      pending = views.filter(({ v }) => v.state !== 'completed').map(({ id }) => id);
      if (pending.length > 0) await sleep(250);
    }
    console.log(`200 concurrent submissions completed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await sleep(300);
    expect(ids.filter((id) => solvedCount(id) !== 1)).toEqual([]);
  }, 60_000);
});
