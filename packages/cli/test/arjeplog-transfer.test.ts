import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Scenario } from '@paketbygd/model';
import { plan } from '@paketbygd/planner';

const EXAMPLE = join(import.meta.dirname, '..', '..', '..', 'examples', 'arjeplog', 'scenario.json');

describe('Arjeplog with the Norrbotten feed: a line that passes no hub', () => {
  it('on-demand line 113 (Loholm – Svartberget) is loaded at Loholm from bus 104, which left the hub after the parcels', async () => {
    const scenario = Scenario.parse(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
    expect(scenario.transportRoutes.find((r) => r.id === 'gtfs-113')?.loadingHubId).toBeUndefined();
    const boxes = ['box-sodra-laivik', 'box-svartberget'];
    const p = await plan(scenario, { openSiteIds: boxes, timeLimitS: 10, seed: 1, now: new Date(0) });
    for (const id of boxes) {
      const filling = p.boxes.find((b) => b.siteId === id)!.filledBy;
      if (filling.kind !== 'carrier') throw new Error(`${id} is filled by ${filling.kind}`);
      expect(filling.routeId).toBe('gtfs-113');
      expect(filling.days).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
      // Bus 104 leaves the hub at 13:30 (pattern 104-4 on Mon, Wed, Fri; 104 on Tue, Thu), at Loholm 13:55.
      expect(
        filling.departures?.map((d) => [d.day, d.departureId, d.leavesAt, d.transfer?.fromDepartureId]),
      ).toEqual([
        ['mon', 'gtfs-113.1', '16:00', 'gtfs-104-4.1'],
        ['tue', 'gtfs-113.1', '16:00', 'gtfs-104.1'],
        ['wed', 'gtfs-113.1', '16:00', 'gtfs-104-4.1'],
        ['thu', 'gtfs-113.1', '16:00', 'gtfs-104.1'],
        ['fri', 'gtfs-113.1', '16:00', 'gtfs-104-4.1'],
      ]);
      for (const d of filling.departures ?? [])
        expect(d.transfer).toMatchObject({ stopName: 'Loholm', fromArrivesAt: '13:55', minTransferMin: 10 });
    }
  });
});
