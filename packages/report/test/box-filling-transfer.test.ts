import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { Plan } from '@paketbygd/model';
import { renderPlanReport } from '../src/index';
import { buildPlan, loadScenario } from './fixtures';

// A box filled by a line loaded at a transfer stop, with van days for both reasons.
const scenario = loadScenario();
const [library] = scenario.transportRoutes;
const base = buildPlan(scenario);
const [first, ...rest] = base.boxes;
const transfer = {
  stopName: 'Loholm',
  fromRouteId: 'bus-104',
  fromDepartureId: 'bus-104.1',
  fromArrivesAt: '13:55',
  minTransferMin: 10,
};
const plan = Plan.parse({
  ...base,
  boxes: [
    {
      ...first!,
      filledBy: {
        kind: 'carrier',
        routeId: library!.id,
        deliveriesPerWeek: 3,
        detourSPerTrip: 0,
        detourMPerTrip: 0,
        costPerWeek: 300,
        days: ['mon', 'wed', 'fri'],
        departures: ['mon', 'wed', 'fri'].map((day) => ({
          day,
          departureId: 'line-113.1',
          leavesAt: '16:00',
          arrivesAt: '16:35',
          transfer,
        })),
        vanDays: ['tue', 'thu'],
        vanDayReasons: [
          { day: 'tue', reason: 'too_little_room' },
          { day: 'thu', reason: 'no_usable_departure' },
        ],
        vanVehicleId: scenario.vehicles[0]!.id,
      },
    },
    ...rest,
  ],
});

describe('a box filled after a transfer, in the box table', () => {
  it('names the transfer stop and the departure that brings the parcels, and why the van fills each van day', () => {
    const doc = parse(renderPlanReport({ scenario, plan, lang: 'en' }));
    const row = doc.querySelector(`table.boxes tr[data-id="${first!.siteId}"]`)!;
    expect(row.querySelectorAll('ul.departures li')[0]!.text).toBe(
      'departure line-113.1 leaves Loholm 16:00, at the box 16:35 (Mon); the parcels come to Loholm on bus-104.1, there 13:55',
    );
    expect(row.text).toMatch(/a van on Thu \(the transport does not run then\)/);
    expect(row.text).toMatch(/a van on Tue \(the departures then have too little spare room\)/);
  });
});
