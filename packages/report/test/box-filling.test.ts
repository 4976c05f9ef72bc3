import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { Plan } from '@paketbygd/model';
import { renderPlanReport } from '../src/index';
import { buildPlan, loadScenario } from './fixtures';

// A box that an existing transport fills on some days and a van on the others, and the
// transports that do not fill it, each with why: the report must say all of it.
const scenario = loadScenario();
const [library, bus, homeCare] = scenario.transportRoutes;
const base = buildPlan(scenario);
const [first, ...rest] = base.boxes;
const plan = Plan.parse({
  ...base,
  boxes: [
    {
      ...first!,
      filledBy: {
        kind: 'carrier',
        routeId: library!.id,
        deliveriesPerWeek: 5,
        detourSPerTrip: 120,
        detourMPerTrip: 1500,
        costPerWeek: 400,
        days: ['tue', 'thu'],
        departures: [
          { day: 'tue', departureId: 'lib-1', leavesAt: '09:15', arrivesAt: '10:05' },
          { day: 'thu', departureId: 'lib-1', leavesAt: '09:15', arrivesAt: '10:05' },
        ],
        vanDays: ['mon', 'wed', 'fri'],
        vanVehicleId: scenario.vehicles[0]!.id,
      },
      transportsNotUsed: [
        {
          routeId: bus!.id,
          reason: 'arrives_too_late',
          detail: 'reaches the stop 21:40, after the box closes',
        },
        { routeId: homeCare!.id, reason: 'no_stop_near_box', detail: 'nearest stop 6.2 km away' },
      ],
    },
    ...rest,
  ],
});

function boxRow(lang: 'en' | 'sv') {
  const doc = parse(renderPlanReport({ scenario, plan, lang }));
  return doc.querySelector(`table.boxes tr[data-id="${first!.siteId}"]`)!;
}

describe('how a box is filled, in the box table', () => {
  it('names the departures, the van days, and each transport not used with its reason', () => {
    const row = boxRow('en');
    const departures = row.querySelectorAll('ul.departures li').map((li) => li.text);
    expect(departures).toEqual([
      'departure lib-1 leaves the hub 09:15, at the box 10:05 (Tue)',
      'departure lib-1 leaves the hub 09:15, at the box 10:05 (Thu)',
    ]);
    expect(row.text).toMatch(/a van on Mon, Wed, Fri/);
    const notUsed = row.querySelectorAll('ul.not-used li[data-reason]');
    expect(notUsed.map((li) => li.getAttribute('data-route'))).toEqual([bus!.id]);
    expect(notUsed[0]!.text).toMatch(/reaches the box too late/);
    expect(notUsed[0]!.text).toMatch(/after the box closes/);
    // The far-away transport is counted, not listed.
    expect(row.querySelector('ul.not-used li.muted')!.text).toBe(
      '1 other transport stops nowhere near this box',
    );
  });

  it('says the same in Swedish', () => {
    const row = boxRow('sv');
    expect(row.querySelector('ul.not-used li[data-reason]')!.text).toMatch(/når boxen för sent/);
    expect(row.text).toMatch(/skåpbil på/);
  });
});
