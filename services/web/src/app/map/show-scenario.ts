import type { Scenario } from '@paketbygd/model';
import { t } from '@paketbygd/report';
import { lang } from '../i18n/lang';
import type { Drawing } from './entries';
import { drawArea } from './layers/area';
import { demandRadius, drawUnplannedDemand } from './layers/demand';
import { drawLabel, isSettlement } from './layers/labels';
import { drawMarker } from './layers/markers';
import { drawCandidate } from './layers/points';
import { drawTransports } from './layers/routes';

/** A candidate site's host (school, library …) in the page's language. */
const hostName = (host: string | undefined): string =>
  host === undefined ? '' : (t(lang()).tables.hosts[host] ?? host.replace(/_/g, ' '));

/** The scenario before planning: area, transports, today's pickup points, hubs, villages, candidates. */
export function drawScenario(d: Drawing, s: Scenario): void {
  drawArea(d, s.area);
  drawTransports(d, s);
  for (const p of s.pickupPoints) drawMarker(d, p.location, 'pickup-point', p.name ?? p.id, '');
  for (const h of s.hubs) drawMarker(d, h.location, 'hub', h.name ?? h.id, '');
  for (const demand of s.demand) {
    drawUnplannedDemand(d, demand);
    if (isSettlement(demand.name)) {
      const people = demand.population ?? demand.households ?? 0;
      d.labels.push(drawLabel(d.layers, demand.location, demand.name!, people, demandRadius(people)));
    }
  }
  for (const c of s.candidateSites) {
    drawCandidate(d, c.location, c.name ?? c.id, hostName(c.host));
  }
}
