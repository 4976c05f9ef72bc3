import { describe, expect, it } from 'vitest';
import { assignDemandAfter } from '../../src/plan/demand-after';
import { placeBoxes } from '../../src/plan/placement';
import { at, lineWorld } from './fixture';

describe('the stage that sends demand to the boxes', () => {
  it('fills a box up to its 14 parcels a week and sends the rest to the shop, with a warning', () => {
    // box-b at 8.5 km: d9 (9 km) has it 500 m away, the shop 1 km.
    const { scenario, places, m } = lineWorld((s) => {
      s.candidateSites![1]!.location = at(8500);
    });
    const stage = assignDemandAfter(scenario, places, m, [0, 1]);
    expect(stage.boxCapacityPerWeek).toEqual([14, 14]);
    expect(stage.assignment.boxLoad).toEqual([10, 14]);
    expect(stage.assignment.parts[1]!.map((p) => [p.box, p.parcelsPerWeek])).toEqual([
      [1, 14],
      [-1, 6],
    ]);
    expect(stage.warnings).toEqual([
      {
        code: 'nearest_box_full',
        params: { count: 1, demand: ['d9'], parcels: [6], ofParcels: [20] },
        text: 'the nearest box is full for 1 demand point, whose parcels (a week) are fetched at an existing pickup point instead: d9 (6 of 20)',
      },
    ]);
  });

  it('never sends a household past today’s pickup point to a box as far or farther', () => {
    // box-b at 8 km is 1 km from d9, as far as the shop: d9 stays at the shop. For d1 (1 km) the
    // box is 7 km away and the shop 9 km: d1 takes the box.
    const { scenario, places, m } = lineWorld();
    const stage = assignDemandAfter(scenario, places, m, [1]);
    expect(stage.assignment.boxLoad).toEqual([10]);
    expect(stage.assignment.parts[0]!.map((p) => p.box)).toEqual([0]);
    expect(stage.assignment.parts[0]![0]!.distanceM).toBeCloseTo(7000, 6);
    expect(stage.assignment.parts[1]!.map((p) => [p.box, p.parcelsPerWeek])).toEqual([[-1, 20]]);
  });
});

describe('the placement stage without a search', () => {
  it('opens the given sites and refuses one that is not a candidate', async () => {
    const { scenario, places, m } = lineWorld();
    const given = await placeBoxes(scenario, places, m, { openSiteIds: ['box-b'], timeLimitS: 1, seed: 1 });
    expect(given.openedSites).toEqual([1]);
    expect(given.summary).toMatchObject({ model: 'given sites', status: 'feasible', objective: 1 });
    await expect(
      placeBoxes(scenario, places, m, { openSiteIds: ['box-x'], timeLimitS: 1, seed: 1 }),
    ).rejects.toThrow('sites to open are not candidate sites: box-x');
  });

  it('places nothing, and says why, when the policy allows no box', async () => {
    const { scenario, places, m } = lineWorld((s) => {
      s.policy!.maxBoxes = 0;
    });
    const none = await placeBoxes(scenario, places, m, { timeLimitS: 1, seed: 1 });
    expect(none.openedSites).toEqual([]);
    expect(none.warnings.map((w) => w.code)).toEqual(['max_boxes_zero']);
  });
});
