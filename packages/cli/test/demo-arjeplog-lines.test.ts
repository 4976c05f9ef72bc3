import { describe, expect, it } from 'vitest';
import type { Plan } from '@paketbygd/model';
import { boxFillingLines } from '../src/commands/demo-arjeplog';

describe("the demo's Arjeplog lines", () => {
  it('say where a departure after a transfer takes the parcels on, and from which departure, in English or Swedish', () => {
    const transfer = {
      stopName: 'Loholm',
      fromRouteId: 'gtfs-104',
      fromDepartureId: 'gtfs-104.1',
      fromArrivesAt: '13:55',
      minTransferMin: 10,
    };
    const plan = {
      boxes: [
        {
          siteId: 'box-svartberget',
          name: 'Svartberget',
          parcelsPerWeek: 3.6,
          filledBy: {
            kind: 'carrier',
            routeId: 'gtfs-113',
            deliveriesPerWeek: 1,
            detourSPerTrip: 0,
            detourMPerTrip: 0,
            costPerWeek: 50,
            days: ['tue'],
            departures: [
              { day: 'tue', departureId: 'gtfs-113.1', leavesAt: '16:00', arrivesAt: '16:50', transfer },
            ],
          },
        },
      ],
    } as unknown as Plan;
    const names = new Map([['gtfs-113', 'on-demand 113']]);
    expect(boxFillingLines(plan, names)).toEqual([
      '  Svartberget (4 parcels a week): on-demand 113 on Tue (gtfs-113.1 leaves Loholm 16:00, at the box 16:50; parcels from gtfs-104.1, at Loholm 13:55)',
    ]);
    expect(boxFillingLines(plan, names, 'sv')).toEqual([
      '  Svartberget (4 paket i veckan): on-demand 113 på tis (gtfs-113.1 lämnar Loholm 16:00, vid skåpet 16:50; paketen från gtfs-104.1, vid Loholm 13:55)',
    ]);
  });
});
