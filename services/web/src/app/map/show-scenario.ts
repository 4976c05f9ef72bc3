import type { Scenario } from '@paketbygd/model';
import type { Drawing } from './entries';
import { drawArea } from './layers/area';
import { drawUnplannedDemand } from './layers/demand';
import { drawLabel, isSettlement } from './layers/labels';
import { drawMarker } from './layers/markers';
import { drawCandidate } from './layers/points';
import { drawTransports } from './layers/routes';

/** The scenario before planning: area, transports, today's pickup points, hubs, villages, candidates. */
export function drawScenario(d: Drawing, s: Scenario): void {
  drawArea(d, s.area);
  drawTransports(d, s);
  for (const p of s.pickupPoints) drawMarker(d, p.location, 'pickup-point', p.name ?? p.id, '');
  for (const h of s.hubs) drawMarker(d, h.location, 'hub', h.name ?? h.id, '');
  for (const demand of s.demand) {
    drawUnplannedDemand(d, demand);
    if (isSettlement(demand.name)) drawLabel(d.layers, demand.location, demand.name!);
  }
  for (const c of s.candidateSites) {
    drawCandidate(d, c.location, c.name ?? c.id, String(c.host ?? '').replace(/_/g, ' '));
  }
}
