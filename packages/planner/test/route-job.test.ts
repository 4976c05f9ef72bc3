import { describe, expect, it } from 'vitest';
import { JobPayload, TravelSettings, type RoutingProblemInput } from '@paketbygd/model';
import { runJob, timeLimitOf, untilConvergedOf } from '../src/index';

/** 40 jobs on a 1000 × 1000 grid, travel time = Euclidean distance in seconds, 6 vehicles of 30. */
function request(timeLimitS?: number): RoutingProblemInput {
  // Spread over the grid by multiplication modulo a prime (no random generator in the planner's imports).
  const points = Array.from({ length: 41 }, (_, i) => [(i * 379) % 997, (i * 613) % 997] as const);
  const durations = points.map((a) => points.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]))));
  return {
    vehicles: Array.from({ length: 6 }, (_, k) => ({
      id: k + 1,
      start_index: 0,
      end_index: 0,
      capacity: [30],
    })),
    jobs: Array.from({ length: 40 }, (_, i) => ({
      id: i + 1,
      location_index: i + 1,
      delivery: [1 + ((i * 7) % 6)],
    })),
    matrices: { car: { durations } },
    ...(timeLimitS !== undefined ? { options: { time_limit: timeLimitS } } : {}),
  };
}

const payload = (input: RoutingProblemInput, options: { timeLimitS?: number } = {}) =>
  JobPayload.parse({ kind: 'route', tenant: 't', input, options });

const context = { travel: TravelSettings.parse({}), onProgress: () => {} };

describe('route jobs: a request without a limit stops at convergence', () => {
  it('runs until converged only when neither the job nor the request gives a limit', () => {
    expect(untilConvergedOf(payload(request()))).toBe(true);
    expect(untilConvergedOf(payload(request(), { timeLimitS: 2 }))).toBe(false);
    expect(untilConvergedOf(payload(request(1)))).toBe(false);
    // The default stays the cap (the worker's hard limit is built on it).
    expect(timeLimitOf(payload(request()))).toBe(10);
  });

  it('answers a 40-job request without a limit long before the 10 s default, all jobs served', async () => {
    const started = performance.now();
    const solution = await runJob(payload(request()), context);
    const wallS = (performance.now() - started) / 1000;
    console.log(`40 jobs without a limit: ${wallS.toFixed(2)} s`);
    if (!('summary' in solution) || !('unassigned' in solution)) throw new Error('not a routing solution');
    expect(solution.unassigned).toEqual([]);
    expect(wallS).toBeLessThan(5);
  });

  it('an explicit limit is still used in full', async () => {
    const started = performance.now();
    await runJob(payload(request(), { timeLimitS: 1.5 }), context);
    expect((performance.now() - started) / 1000).toBeGreaterThanOrEqual(1.4);
  });
});
