import type { Plan, Scenario } from '@paketbygd/model';
import { t } from './i18n';

/** Names for the ids a plan refers to, from the scenario (and the plan's own boxes), falling back to the id. */
export class Names {
  private readonly demand = new Map<string, string>();
  private readonly places = new Map<string, string>();
  private readonly routes = new Map<string, string>();
  private readonly vehicles: { id: string; name: string }[];

  constructor(scenario: Scenario, plan?: Plan) {
    for (const d of scenario.demand) this.demand.set(d.id, d.name ?? d.id);
    for (const p of scenario.pickupPoints) this.places.set(p.id, p.name ?? p.id);
    for (const s of scenario.candidateSites) this.places.set(s.id, s.name ?? s.id);
    for (const h of scenario.hubs) this.places.set(h.id, h.name ?? h.id);
    for (const b of plan?.boxes ?? []) if (b.name) this.places.set(b.siteId, b.name);
    for (const r of scenario.transportRoutes) this.routes.set(r.id, r.name ?? r.id);
    this.vehicles = scenario.vehicles.map((v) => ({ id: v.id, name: v.name ?? v.id }));
  }

  demandPoint(id: string): string {
    return this.demand.get(id) ?? id;
  }

  place(id: string | null): string {
    if (id === null) return t().common.none;
    return this.places.get(id) ?? this.demand.get(id) ?? id;
  }

  route(id: string): string {
    return this.routes.get(id) ?? id;
  }

  /** A planner may number the vans of one type ("van-electric#2"); the type's name still says what it is. */
  vehicle(id: string): string {
    const exact = this.vehicles.find((v) => v.id === id);
    if (exact) return exact.name;
    const type = this.vehicles
      .filter((v) => id.startsWith(v.id))
      .sort((a, b) => b.id.length - a.id.length)[0];
    return type ? `${type.name} (${id})` : id;
  }
}
