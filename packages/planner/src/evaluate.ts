import type { Assumptions, Kpis, Scenario, AccessSummary } from '@paketbygd/model';

export interface DemandOutcome {
  population: number;
  households: number;
  parcelsPerWeek: number;
  /** Distance a household drives (one way) to fetch its parcels; 0 for home delivery. */
  fetchDistanceM: number;
  homeDelivered: boolean;
  inBoxParcels: number;
  unservedParcels: number;
}

export interface ServiceCosts {
  boxesInvestmentPerWeek: number;
  boxesYearlyPerWeek: number;
  vanCostPerWeek: number;
  vanKmPerWeek: number;
  vanHoursPerWeek: number;
  vanCo2KgPerWeek: number;
  carrierCostPerWeek: number;
  carrierDetourKmPerWeek: number;
  carrierDetourHoursPerWeek: number;
  carrierCo2KgPerWeek: number;
}

export const NO_SERVICE: ServiceCosts = {
  boxesInvestmentPerWeek: 0,
  boxesYearlyPerWeek: 0,
  vanCostPerWeek: 0,
  vanKmPerWeek: 0,
  vanHoursPerWeek: 0,
  vanCo2KgPerWeek: 0,
  carrierCostPerWeek: 0,
  carrierDetourKmPerWeek: 0,
  carrierDetourHoursPerWeek: 0,
  carrierCo2KgPerWeek: 0,
};

/** Car-km a week of households fetching `parcelsPerWeek` at `distanceM`: trips of the stated parcels, there and back, the car share of them. */
export function householdTripKmPerWeek(a: Assumptions, parcelsPerWeek: number, distanceM: number): number {
  return ((parcelsPerWeek / a.parcelsPerPickupTrip) * 2 * distanceM * a.pickupTripsByCarShare) / 1000;
}

/**
 * KPIs of one state (before or after). Household trips: parcels fetched / parcels per trip,
 * there and back, the car share of them, at the car's CO2 per km (the scenario's assumptions).
 */
export function computeKpis(
  scenario: Scenario,
  access: AccessSummary,
  outcomes: readonly DemandOutcome[],
  service: ServiceCosts,
): Kpis {
  const a = scenario.assumptions;
  let parcels = 0;
  let inBoxes = 0;
  let home = 0;
  let unserved = 0;
  let tripKm = 0;
  for (const o of outcomes) {
    parcels += o.parcelsPerWeek;
    inBoxes += o.inBoxParcels;
    unserved += o.unservedParcels;
    if (o.homeDelivered) home += o.parcelsPerWeek - o.unservedParcels;
    else {
      const fetched = o.parcelsPerWeek - o.unservedParcels;
      if (Number.isFinite(o.fetchDistanceM)) tripKm += householdTripKmPerWeek(a, fetched, o.fetchDistanceM);
    }
  }
  const householdCo2 = (tripKm * a.carCo2GPerKm) / 1000;
  const costTotal =
    service.boxesInvestmentPerWeek +
    service.boxesYearlyPerWeek +
    service.vanCostPerWeek +
    service.carrierCostPerWeek;
  const handled = inBoxes + home;
  return {
    access,
    parcelsPerWeek: parcels,
    parcelsInBoxesPerWeek: inBoxes,
    parcelsHomeDeliveredPerWeek: home,
    parcelsUnservedPerWeek: unserved,
    vehicleKmPerWeek: service.vanKmPerWeek + service.carrierDetourKmPerWeek,
    carrierDetourKmPerWeek: service.carrierDetourKmPerWeek,
    householdTripKmPerWeek: tripKm,
    driverHoursPerWeek: service.vanHoursPerWeek + service.carrierDetourHoursPerWeek,
    costPerWeek: {
      boxesInvestment: service.boxesInvestmentPerWeek,
      boxesYearly: service.boxesYearlyPerWeek,
      vans: service.vanCostPerWeek,
      carriers: service.carrierCostPerWeek,
      total: costTotal,
    },
    costPerParcel: handled > 0 ? costTotal / handled : 0,
    co2KgPerWeek: {
      vans: service.vanCo2KgPerWeek,
      carriers: service.carrierCo2KgPerWeek,
      householdTrips: householdCo2,
      total: service.vanCo2KgPerWeek + service.carrierCo2KgPerWeek + householdCo2,
    },
  };
}
