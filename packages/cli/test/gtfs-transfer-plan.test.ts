import { describe, expect, it } from 'vitest';
import { loadTransports } from '@paketbygd/data';
import { plan } from '@paketbygd/planner';
import { TRANSFER_FEED, TRANSFER_SCENARIO, writeFeedDir } from '../../../tests/support/gtfs-tiny-feed';

describe('a GTFS line that passes no hub, loaded at a transfer stop', () => {
  it('fills a box from the departure that leaves after the hub line has brought the parcels, and says where', async () => {
    const { scenario, transportRoutes } = await loadTransports(
      writeFeedDir(TRANSFER_FEED),
      TRANSFER_SCENARIO,
      {
        week: '2023-W01',
      },
    );
    expect(transportRoutes.map((t) => [t.id, t.loadingHubId])).toEqual([
      ['gtfs-1', 'hub'],
      ['gtfs-9', 'hub'],
      ['gtfs-60', undefined],
      ['gtfs-61', undefined],
      ['gtfs-70', undefined],
    ]);
    const p = await plan(scenario, {
      openSiteIds: ['skolan', 'fjallbyn'],
      timeLimitS: 5,
      now: new Date('2026-01-01T00:00:00Z'),
    });
    const box = p.boxes.find((b) => b.siteId === 'fjallbyn')!;
    if (box.filledBy.kind !== 'carrier') throw new Error(`fjallbyn is filled by ${box.filledBy.kind}`);
    expect(box.filledBy.routeId).toBe('gtfs-60');
    // Line 1's 10:00 departure runs Mon, Tue, Thu, Fri in that week (Wednesday is removed from S1).
    expect(box.filledBy.days).toEqual(['mon', 'tue', 'fri']);
    expect(box.filledBy.departures).toEqual(
      ['mon', 'tue', 'fri'].map((day) => ({
        day,
        departureId: 'gtfs-60.1',
        leavesAt: '11:00',
        arrivesAt: '11:30',
        transfer: {
          stopName: 'Skolan',
          fromRouteId: 'gtfs-1',
          fromDepartureId: 'gtfs-1.1',
          fromArrivesAt: '10:40',
          minTransferMin: 10,
        },
      })),
    );
    // The parcels ride line 1 too: both lines' price per parcel.
    expect(box.filledBy.costPerWeek).toBeCloseTo(3 * 2 * (25 + 25), 6);
    const why = Object.fromEntries((box.transportsNotUsed ?? []).map((t) => [t.routeId, t]));
    expect(why['gtfs-61']).toMatchObject({ reason: 'leaves_before_parcels' });
    expect(why['gtfs-61']!.detail).toContain('transfer stop Skolan at 10:45');
    expect(why['gtfs-70']).toMatchObject({ reason: 'no_loading_hub' });
    expect(why['gtfs-70']!.detail).toContain('no line loaded at a hub reaches one of its stops');
    expect(why['gtfs-1']).toMatchObject({ reason: 'no_stop_near_box' });
    // The on-demand line 9 may leave its stops, but Fjällbyn is 11 km from Skolan.
    expect(why['gtfs-9']).toMatchObject({ reason: 'detour_too_long' });
    expect(p.assumptions).toContainEqual(expect.stringContaining('transfer stop'));
    expect(p.assumptions).toContainEqual(expect.stringContaining('gtfs-60 at Skolan (10 min)'));
    const route = p.carrierRoutes.find((r) => r.routeId === 'gtfs-60')!;
    expect(route.departures).toEqual([
      { departureId: 'gtfs-60.1', days: ['mon', 'tue', 'fri'], leavesAt: '11:00' },
    ]);
  });

  it('takes no transfer from a departure that leaves the hub before the parcels arrive', async () => {
    const late = {
      ...TRANSFER_SCENARIO,
      hubs: [{ ...TRANSFER_SCENARIO.hubs[0]!, parcelsArriveAt: '10:30' }],
    };
    const { scenario } = await loadTransports(writeFeedDir(TRANSFER_FEED), late, { week: '2023-W01' });
    const p = await plan(scenario, {
      openSiteIds: ['skolan', 'fjallbyn'],
      timeLimitS: 5,
      now: new Date('2026-01-01T00:00:00Z'),
    });
    const box = p.boxes.find((b) => b.siteId === 'fjallbyn')!;
    expect(box.filledBy.kind).not.toBe('carrier');
    const why = Object.fromEntries((box.transportsNotUsed ?? []).map((t) => [t.routeId, t]));
    // Line 1's 10:00 departure leaves before 10:30; the next line at Skolan is the on-demand one at 12:30.
    expect(why['gtfs-60']).toMatchObject({ reason: 'leaves_before_parcels' });
    expect(why['gtfs-60']!.detail).toContain('brought by gtfs-9.1 are there (12:30 + 10 min)');
    expect(why['gtfs-70']).toMatchObject({ reason: 'no_loading_hub' });
  });
});
