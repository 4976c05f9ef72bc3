import { describe, expect, it } from 'vitest';
import { JobPayload, TravelSettings } from '@paketbygd/model';
import { runJob } from '../src/index';

/** Six jobs on a line, two vehicles of 3 at 0. */
const payload = JobPayload.parse({
  kind: 'route',
  tenant: 't',
  input: {
    vehicles: [1, 2].map((id) => ({ id, start_index: 0, end_index: 0, capacity: [3] })),
    jobs: [1, 2, 3, 4, 5, 6].map((i) => ({ id: i, location_index: i, delivery: [1] })),
    matrices: {
      car: {
        durations: Array.from({ length: 7 }, (_, i) =>
          Array.from({ length: 7 }, (_, j) => 10 * Math.abs(i - j)),
        ),
      },
    },
    options: { time_limit: 0.5 },
  },
  options: {},
});
const context = { travel: TravelSettings.parse({}), onProgress: () => {} };

describe('route jobs: the worker’s routing threads', () => {
  it('reach the solver (a count it refuses is refused)', async () => {
    await expect(runJob(payload, { ...context, routingThreads: 0 })).rejects.toThrow(
      /threads must be a whole number/,
    );
  });

  it('solve with two searches', async () => {
    const solution = await runJob(payload, { ...context, routingThreads: 2 });
    // Two round trips, 0→1→2→3→0 and 0→4→5→6→0: 60 + 120.
    expect(solution).toMatchObject({ summary: { cost: 180, unassigned: 0 } });
  }, 20_000);
});
