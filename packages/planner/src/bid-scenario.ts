import { Scenario, type Bid, type CandidateSite } from '@paketbygd/model';

/**
 * The scenario as a bid would run it: the bid's boxes (prices are in the bid, so the sites cost
 * nothing here), only the carriers it names, its own vehicles if it brings any, and its promised
 * frequency. Demand, access limit and travel stay the scenario's, so that bids meet one yardstick.
 */
export function scenarioForBid(scenario: Scenario, bid: Bid): Scenario {
  const sites: CandidateSite[] = bid.sites.map((offered) => {
    const known = scenario.candidateSites.find((c) => c.id === offered.siteId);
    if (known) return { ...known, compartments: offered.compartments, investmentCost: 0, yearlyCost: 0 };
    if (!offered.location) throw new Error(`bid "${bid.id}": site "${offered.siteId}" has no location`);
    return {
      id: offered.siteId,
      ...(offered.name ? { name: offered.name } : {}),
      location: offered.location,
      host: offered.host ?? 'other',
      compartments: offered.compartments,
      investmentCost: 0,
      yearlyCost: 0,
      access247: bid.promisedService.boxesOpen247,
    };
  });
  const usesCarriers = bid.deliveryModel === 'existing_transport' || bid.deliveryModel === 'mixed';
  const vehicles =
    bid.vehicles.length > 0
      ? bid.vehicles
      : bid.deliveryModel === 'existing_transport'
        ? []
        : scenario.vehicles;
  return Scenario.parse({
    ...scenario,
    name: `${scenario.name} — bid ${bid.id}`,
    candidateSites: sites,
    vehicles,
    transportRoutes: usesCarriers
      ? scenario.transportRoutes.filter((r) => bid.carriersUsed.includes(r.id))
      : [],
    policy: {
      ...scenario.policy,
      maxBoxes: undefined,
      budgetPerYear: undefined,
      deliveriesPerWeek: bid.promisedService.deliveriesPerWeek,
      useExistingTransports: usesCarriers,
      homeDeliveryOutsideCoverage:
        bid.deliveryModel === 'home_delivery' || scenario.policy.homeDeliveryOutsideCoverage,
    },
  });
}
