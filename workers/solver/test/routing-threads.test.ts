import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { JobPayload, type RoutingSolution } from '@paketbygd/model';
import { sixJobsOnALine } from '../../../tests/support/route-requests';
import { runInThread } from '../src/threads/run-in-thread';
import { readEnv, routingThreadsFromEnv } from '../src/config';

describe('ROUTING_THREADS', () => {
  it('defaults to one search per route job', () => {
    expect(readEnv({}).ROUTING_THREADS).toBe(1);
    expect(routingThreadsFromEnv({ ROUTING_THREADS: '' })).toBe(1);
  });

  it('takes a whole number from 1 to twice the cores', () => {
    expect(readEnv({ ROUTING_THREADS: '2' }).ROUTING_THREADS).toBe(2);
    // A job's thread reads it alone, with the same rule.
    expect(routingThreadsFromEnv({ ROUTING_THREADS: '2', LOG_LEVEL: 'not a level' })).toBe(2);
    for (const bad of ['0', '1.5', 'two', String(2 * availableParallelism() + 1)])
      expect(() => readEnv({ ROUTING_THREADS: bad })).toThrow(/ROUTING_THREADS/);
  });
});

describe('a route job with ROUTING_THREADS=2', () => {
  it('runs its searches in threads of the job thread and answers', async () => {
    const payload = JobPayload.parse({
      kind: 'route',
      tenant: 't',
      input: sixJobsOnALine(),
      options: { timeLimitS: 0.5 },
    });
    // A job thread takes the environment as it is when the thread starts.
    const before = process.env.ROUTING_THREADS;
    process.env.ROUTING_THREADS = '2';
    try {
      const run = runInThread(payload, {
        travel: { backend: 'straightline' },
        onProgress: () => undefined,
        hardLimitMs: 30_000,
      });
      const solution = (await run) as RoutingSolution;
      // Two round trips, 0→1→2→3→0 and 0→4→5→6→0: 60 + 120.
      expect(solution.summary).toMatchObject({ cost: 180, unassigned: 0 });
    } finally {
      if (before === undefined) delete process.env.ROUTING_THREADS;
      else process.env.ROUTING_THREADS = before;
    }
  }, 30_000);
});
