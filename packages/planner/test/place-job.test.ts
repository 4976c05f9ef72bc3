import { haversineM } from '@paketbygd/model';
import { ACCESS_SPEED_KMH, DEFAULT_DETOUR_FACTOR } from '@paketbygd/travel';
import { describe, expect, it } from 'vitest';
import { scenarioPlacement } from '../src/index';
import { twoVillageScenario as scenario } from '../../../tests/support/scenarios';

// Placement has no travel model of its own: the planner gives it the travel package's distances
// and access speed, and says in the notes when the distances are straight lines.
describe("a scenario's placement instance", () => {
  it('measures access by the straight-line backend with the default detour factor, and says so', async () => {
    const { instance, notes } = await scenarioPlacement(scenario());
    expect(instance.distanceM[0]).toBeCloseTo(haversineM([16, 59], [16.05, 59]) * DEFAULT_DETOUR_FACTOR, 6);
    expect(notes[0]).toContain(`straight lines × ${DEFAULT_DETOUR_FACTOR} (default detour factor)`);
  });

  it("uses the scenario's detour factor and the travel package's access speed for a minutes limit", async () => {
    const own = await scenarioPlacement(
      scenario({ backend: 'straightline', detourFactor: 1.5 }, { maxAccessDurationMin: 6 }),
    );
    expect(own.instance.distanceM[1]).toBeCloseTo(haversineM([16, 59], [16, 59.05]) * 1.5, 6);
    expect(own.notes[0]).toContain("straight lines × 1.5 (the scenario's detour factor)");
    expect(ACCESS_SPEED_KMH).toBe(50);
    expect(own.radiusM).toBe(5000);
    expect(own.notes.join(' ')).toContain('6 min is taken as 5000 m at 50 km/h');
  });

  it('takes given distances as they are, without a note about straight lines', async () => {
    const injected = await scenarioPlacement(scenario(), (from, to) =>
      new Float64Array(from.length * to.length).fill(42),
    );
    expect(Array.from(injected.instance.distanceM)).toEqual([42, 42, 42, 42]);
    expect(injected.notes).toEqual([]);
  });
});
