import { describe, expect, it } from 'vitest';
import { JobPayload, TravelSettings } from '@paketbygd/model';
import { sixJobsOnALine } from '../../../tests/support/route-requests';
import { runJob } from '../src/index';

const payload = JobPayload.parse({
  kind: 'route',
  tenant: 't',
  input: { ...sixJobsOnALine(), options: { time_limit: 0.5 } },
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
