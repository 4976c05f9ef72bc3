import { describe, expect, it } from 'vitest';
import type { DemandPart } from '../../src/assign-demand';
import { reassignUnfilled, type ReassignInput } from '../../src/plan/reassign';
import { lineWorld } from './fixture';

/**
 * d1 (1 km) puts its 10 parcels in box-a (box 0); d9 (9 km) puts 14 in box-b (box 1, full) and
 * fetches 6 at the shop (10 km). The vans leave stops unfilled as each case says.
 */
function input(unfilled: ReassignInput['unfilled'], pickupPoints?: number[]): ReassignInput {
  const { scenario, places, m } = lineWorld();
  const [boxA, boxB] = places.sites as [number, number];
  const shop = places.pickupPoints[0]!;
  const part = (pickup: number, distanceM: number, parcelsPerWeek: number, box: number): DemandPart => ({
    pickup,
    distanceM,
    durationS: distanceM / 10,
    covered: distanceM <= 2000,
    parcelsPerWeek,
    box,
  });
  return {
    m,
    policy: scenario.policy,
    demand: scenario.demand.map((d, i) => ({ id: d.id, point: places.demand[i]! })),
    pickupPoints: pickupPoints ?? places.pickupPoints,
    boxSiteIds: ['box-a', 'box-b'],
    deliveryDayCount: 5,
    parts: [[part(boxA, 0, 10, 0)], [part(boxB, 1000, 14, 1), part(shop, 1000, 6, -1)]],
    boxLoad: [10, 14],
    unfilled,
  };
}

const BOX_B_UNFILLED = {
  id: 'box-b',
  kind: 'box' as const,
  plannedParcelsPerDelivery: 2.8,
  missedParcelsPerDelivery: 2.8,
  vanDayCount: 5,
  reason: 'no_vehicle',
};

describe('the reassignment of what no van could take', () => {
  it('sends a box no van fills back to the shop: d9 fetches all 20 there, box-b is empty', () => {
    const given = input([BOX_B_UNFILLED]);
    const out = reassignUnfilled(given);
    expect(out.parts[1]!.map((p) => [p.box, p.parcelsPerWeek])).toEqual([[-1, 20]]);
    expect(out.parts[0]).toEqual(given.parts[0]);
    expect(out.boxLoad).toEqual([10, 0]);
    expect(out.inBox).toEqual([10, 0]);
    expect(out.unserved).toEqual([]);
    expect(out.warnings.map((w) => w.text)).toEqual([
      'no van can fill box "box-b" (no_vehicle): its households fetch their parcels where they do today',
    ]);
    expect(out.warnings[0]).toMatchObject({
      code: 'box_unfilled',
      params: { site: 'box-b', reason: 'no_vehicle' },
    });
    // The stage works on a copy: its input is as it was.
    expect(given.parts[1]!.map((p) => p.parcelsPerWeek)).toEqual([14, 6]);
    expect(given.boxLoad).toEqual([10, 14]);
  });

  it('moves only the van days’ share of a box a transport fills on the others: 2 of 5 days, 14 × 0.4 = 5.6', () => {
    const out = reassignUnfilled(input([{ ...BOX_B_UNFILLED, vanDayCount: 2 }]));
    const [inBox, atShop] = out.parts[1]!;
    expect(inBox!.parcelsPerWeek).toBeCloseTo(8.4, 12);
    expect(atShop!.parcelsPerWeek).toBeCloseTo(11.6, 12);
    expect(out.boxLoad[1]).toBeCloseTo(8.4, 12);
    expect(out.inBox[1]).toBeCloseTo(8.4, 12);
  });

  it('moves the missed part of a box the vans fill in part: 0.7 of 2.8 a delivery is a quarter', () => {
    const out = reassignUnfilled(input([{ ...BOX_B_UNFILLED, missedParcelsPerDelivery: 0.7 }]));
    expect(out.parts[1]!.map((p) => p.parcelsPerWeek)).toEqual([10.5, 9.5]);
  });

  it('counts the parcels as unserved when the households reach no pickup point today', () => {
    const out = reassignUnfilled(input([BOX_B_UNFILLED], []));
    expect(out.parts[1]!.map((p) => [p.box, p.parcelsPerWeek])).toEqual([[-1, 6]]);
    expect(out.unserved).toEqual([
      { demandId: 'd9', parcelsPerWeek: 14, reason: 'no_vehicle_capacity', detail: 'box box-b: no_vehicle' },
    ]);
  });

  it('leaves a home delivery no van could make unserved: 4 a delivery × 5 days', () => {
    const out = reassignUnfilled(
      input([
        {
          id: 'd9',
          kind: 'home',
          plannedParcelsPerDelivery: 4,
          missedParcelsPerDelivery: 4,
          vanDayCount: 5,
          reason: 'capacity',
        },
      ]),
    );
    expect(out.unserved).toEqual([
      { demandId: 'd9', parcelsPerWeek: 20, reason: 'no_vehicle_capacity', detail: 'capacity' },
    ]);
    expect(out.warnings.map((w) => w.text)).toEqual([]);
    expect(out.boxLoad).toEqual([10, 14]);
  });
});
