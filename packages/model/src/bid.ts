import { z } from 'zod';
import { ClockTime, Currency, Id, LonLat, Money, Positive, PositiveInt, Source } from './primitives';
import { SiteHost, VehicleType } from './scenario';

/** A box the bidder offers: at a candidate site of the scenario, or at a site of its own. */
export const BidSite = z
  .object({
    siteId: Id,
    location: LonLat.optional(),
    host: SiteHost.optional(),
    compartments: PositiveInt,
    name: z.string().optional(),
  })
  .strict();

/** A bidder's proposal in a parcel-box procurement, evaluated on the scenario's demand. */
export const Bid = z
  .object({
    kind: z.literal('bid'),
    id: Id,
    bidder: z.string().min(1),
    scenario: z.string().min(1).optional(),
    currency: Currency,
    sites: z.array(BidSite).min(1, 'a bid offers at least one box site'),
    deliveryModel: z.enum(['van', 'existing_transport', 'mixed', 'home_delivery']),
    carriersUsed: z.array(Id).default([]),
    vehicles: z.array(VehicleType).default([]),
    price: z
      .object({
        investment: Money,
        perYear: Money,
        perParcel: Money.default(0),
        contractYears: Positive,
      })
      .strict(),
    promisedService: z
      .object({
        deliveriesPerWeek: z.number().int().min(1).max(7),
        maxAccessDistanceM: Positive.optional(),
        boxesOpen247: z.boolean().default(false),
        deliveredBy: ClockTime.optional(),
        fossilFreeVehicles: z.boolean().default(false),
        localJobs: z.number().int().nonnegative().default(0),
      })
      .strict(),
    note: z.string().optional(),
    sources: z.array(Source).default([]),
  })
  .strict();
export type Bid = z.infer<typeof Bid>;

export function checkBid(bid: Bid): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const seen = new Map<string, number>();
  bid.sites.forEach((s, i) => {
    const earlier = seen.get(s.siteId);
    if (earlier !== undefined) {
      problems.push({
        path: `sites[${i}].siteId`,
        message: `site "${s.siteId}" is already offered at sites[${earlier}]`,
      });
    } else seen.set(s.siteId, i);
  });
  if (bid.deliveryModel === 'existing_transport' && bid.carriersUsed.length === 0) {
    problems.push({
      path: 'carriersUsed',
      message: 'a bid that delivers by existing transport names the routes it uses (transportRoutes ids)',
    });
  }
  return problems;
}
