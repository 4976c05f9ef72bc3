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
