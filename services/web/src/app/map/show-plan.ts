import L from 'leaflet';
import type { LonLat, Scenario } from '@paketbygd/model';
import { dayName } from '@paketbygd/report';
import { km as formatKm, num } from '../i18n/format';
import { lang, w } from '../i18n/lang';
import { COLOURS } from './colours';
import { KIND_ORDER, type Drawing } from './entries';
import type { PlanFeature, PlanFeatureCollection } from './features';
import { ll } from './geo';
import { drawArea } from './layers/area';
import { drawCoverageRing } from './layers/coverage';
import { demandRadius, drawPlannedDemand } from './layers/demand';
import { drawLabel, isSettlement } from './layers/labels';
import { drawMarker } from './layers/markers';
import { drawCandidate } from './layers/points';
import { drawRoute } from './layers/routes';

/** Drawing order (and so the order of the list and of Tab): the area, then the list's order. */
const ORDER: string[] = ['area', ...KIND_ORDER];

const km = (m: unknown) => (typeof m === 'number' ? formatKm(m) : '–');

/** Van routes in orange shades, existing transports carrying parcels in teal, each its own shade. */
function drawPlanRoute(d: Drawing, f: PlanFeature, shade: { van: number; carrier: number }): void {
  const p = f.properties;
  const isVan = p.kind === 'van-route';
  const palette = isVan ? COLOURS.van : COLOURS.carrier;
  const colour = palette[(isVan ? shade.van++ : shade.carrier++) % palette.length]!;
  const coords = (f.geometry.coordinates as LonLat[]).map((c) => ll(c));
  if (isVan)
    drawRoute(
      d,
      coords,
      'van-route',
      colour,
      w().van(String(p.vehicleId), dayName(String(p.day), 'long', lang())),
      formatKm(Number(p.distanceM) || 0),
    );
  else
    drawRoute(
      d,
      coords,
      'carrier-route',
      colour,
      String(p.name ?? p.routeId),
      w().carriesTo((p.boxes as string[] | undefined)?.join(', ') ?? '–'),
    );
}

/** A box or today's parcel agent, with its coverage ring when the access limit is a distance. */
function drawPickup(
  d: Drawing,
  f: PlanFeature,
  rings: L.FeatureGroup,
  ringRadiusM: number | undefined,
): void {
  const p = f.properties;
  const isBox = p.kind === 'box';
  if (ringRadiusM) drawCoverageRing(rings, f.geometry.coordinates, ringRadiusM, isBox);
  const detail = isBox
    ? w().boxDetail(
        `${num((Number(p.utilisation) || 0) * 100)}\u00a0%`,
        String(p.routeId ?? p.vehicleId ?? p.filledBy),
      )
    : '';
  drawMarker(d, f.geometry.coordinates, isBox ? 'box' : 'pickup-point', String(p.name), detail);
}

/** A plan as the API's GeoJSON; returns how many features of each kind it drew. */
export function drawPlan(
  d: Drawing,
  geo: PlanFeatureCollection,
  ringRadiusM: number | undefined,
): Record<string, number> {
  const counts: Record<string, number> = {};
  const shade = { van: 0, carrier: 0 };
  const features = [...geo.features].sort(
    (a, b) => ORDER.indexOf(a.properties.kind) - ORDER.indexOf(b.properties.kind),
  );
  const rings = L.featureGroup().addTo(d.layers);
  for (const f of features) {
    const p = f.properties;
    counts[p.kind] = (counts[p.kind] ?? 0) + 1;
    switch (p.kind) {
      case 'area':
        drawArea(d, f.geometry as Scenario['area']);
        break;
      case 'van-route':
      case 'carrier-route':
        drawPlanRoute(d, f, shade);
        break;
      case 'demand':
        drawPlannedDemand(d, f, km);
        if (isSettlement(String(p.name))) {
          const people = Number(p.population) || 0;
          d.labels.push(
            drawLabel(d.layers, f.geometry.coordinates, String(p.name), people, demandRadius(people)),
          );
        }
        break;
      case 'candidate-site':
        drawCandidate(d, f.geometry.coordinates, String(p.name), w().notOpened);
        break;
      case 'pickup-point':
      case 'box':
        drawPickup(d, f, rings, ringRadiusM);
        break;
      case 'hub':
        drawMarker(d, f.geometry.coordinates, 'hub', String(p.name), '');
        break;
      default:
        break;
    }
  }
  rings.bringToBack();
  return counts;
}
