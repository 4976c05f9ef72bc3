import type { AreaGeometry, LonLat, Plan, Scenario, TravelModelSummary } from '@paketbygd/model';
import { DEMAND_STATUSES, demandStatus, statusStyle, type DemandStatus } from './coverage';
import { dayName, formatCount, formatKm, formatMinutes, formatNumber, shortDays } from './format';
import { t } from './i18n';
import { closureLossLayer, closureLossLegend } from './access-map';
import { html, type SafeHtml } from './html';
import { placeLabels, type LabelRequest } from './labels';
import type { Names } from './lookup';
import { CARRIER_COLOURS, COLOURS, cycle } from './palette';
import { fitProjection, niceLengthM, pathOf, px } from './projection';
import { accessAreaLayer, areaLimitText, baseRoadLayer } from './road-layers';
import { tileSource, tilesFor } from './tiles';
import { groupVanRoutes } from './van-groups';

export interface MapOptions {
  tileUrl?: string;
  /** How distances were computed: the rings' radius follows from it. */
  travelModel?: TravelModelSummary;
  widthPx?: number;
  maxHeightPx?: number;
}

const DEMAND_MAX_RADIUS_PX = 22;
const DEMAND_MIN_RADIUS_PX = 3.5;
/** Distinct van routes that share a road would hide each other; each is drawn a little apart. */
const VAN_OFFSET_PX = 2.5;

export function carrierRouteColour(index: number): string {
  return cycle(CARRIER_COLOURS, index);
}

function ringsOf(area: AreaGeometry): LonLat[][] {
  return area.type === 'Polygon' ? area.coordinates : area.coordinates.flat();
}

function allPositions(scenario: Scenario, plan: Plan): LonLat[] {
  const points: LonLat[] = ringsOf(scenario.area).flat();
  points.push(...scenario.demand.map((d) => d.location));
  points.push(...scenario.pickupPoints.map((p) => p.location));
  points.push(...scenario.candidateSites.map((s) => s.location));
  points.push(...scenario.hubs.map((h) => h.location));
  points.push(...plan.boxes.map((b) => b.location));
  for (const r of plan.carrierRoutes)
    points.push(...(r.geometry?.coordinates ?? r.stops.map((s) => s.location)));
  for (const r of plan.vanRoutes) points.push(...(r.geometry?.coordinates ?? r.stops.map((s) => s.location)));
  return points;
}

/**
 * A demand point that is a settlement rather than a grid cell: it has a name, and the name's last
 * word holds no digit ("Läppe", not "Rural cell r0c4" or "Ruta 6543210").
 */
export function isSettlement(d: { name?: string }): boolean {
  const last = d.name?.trim().split(/\s+/).at(-1);
  return last !== undefined && !/\d/.test(last);
}

/**
 * The straight-line radius within which a place is covered: the access limit by road divided by
 * the detour factor (exact for the straight-line backend; the measured rural median for roads).
 */
export function ringRadiusM(limitM: number, travelModel: TravelModelSummary | undefined): number {
  return limitM / (travelModel?.detourFactor ?? 1);
}

function squareAt(x: number, y: number, half: number): string {
  return `M${px(x - half)} ${px(y - half)}h${px(2 * half)}v${px(2 * half)}h${px(-2 * half)}Z`;
}

function diamondAt(x: number, y: number, r: number): string {
  return `M${px(x)} ${px(y - r)}L${px(x + r)} ${px(y)}L${px(x)} ${px(y + r)}L${px(x - r)} ${px(y)}Z`;
}

function triangleAt(x: number, y: number, r: number): string {
  return `M${px(x)} ${px(y - r)}L${px(x + r)} ${px(y + r * 0.8)}L${px(x - r)} ${px(y + r * 0.8)}Z`;
}

/** The legend draws the same symbols as the map, each in a small SVG of its own. */
const SYMBOLS = {
  box: (x: number, y: number) =>
    html`<path d="${squareAt(x, y, 6)}" fill="${COLOURS.box}" stroke="#fff" stroke-width="1.5"/><path d="${squareAt(x, y, 2.2)}" fill="#fff"/>`,
  candidate: (x: number, y: number) =>
    html`<path d="${squareAt(x, y, 3.5)}" fill="#fff" stroke="${COLOURS.candidate}" stroke-width="1.5"/>`,
  pickup: (x: number, y: number) =>
    html`<path d="${diamondAt(x, y, 6.5)}" fill="${COLOURS.pickup}" stroke="#fff" stroke-width="1.5"/>`,
  hub: (x: number, y: number) =>
    html`<path d="${triangleAt(x, y, 7)}" fill="${COLOURS.hub}" stroke="#fff" stroke-width="1.5"/>`,
};

function legendItem(content: SafeHtml, label: string): SafeHtml {
  return html`<li><svg class="legend-symbol" width="28" height="16" viewBox="0 0 28 16" aria-hidden="true" focusable="false">${content}</svg><span>${label}</span></li>`;
}

function lineSymbol(colour: string, dashed: boolean): SafeHtml {
  return html`<line x1="2" y1="8" x2="26" y2="8" stroke="${colour}" stroke-width="3"${dashed ? html` stroke-dasharray="6 3"` : ''}/>`;
}

export function renderPlanMap(
  scenario: Scenario,
  plan: Plan,
  names: Names,
  options: MapOptions = {},
): SafeHtml {
  const projection = fitProjection(
    allPositions(scenario, plan),
    options.widthPx ?? 960,
    options.maxHeightPx ?? 760,
    28,
  );
  const { widthPx, heightPx } = projection;
  const accessById = new Map(plan.access.map((a) => [a.demandId, a]));
  const openedIds = new Set(plan.boxes.map((b) => b.siteId));
  const limitM = scenario.policy.maxAccessDistanceM;
  const radiusM = limitM === undefined ? undefined : ringRadiusM(limitM, options.travelModel);
  const vans = groupVanRoutes(plan);
  const m = t().map;

  const tileTemplate = tileSource(options.tileUrl)?.template;
  const tiles = tileTemplate ? tilesFor(projection, tileTemplate) : [];
  const tileLayer = tiles.length
    ? html`<g class="tiles" data-kind="tiles">${tiles.map(
        (t) =>
          html`<image href="${t.href}" x="${px(t.x)}" y="${px(t.y)}" width="${px(t.width + 0.5)}" height="${px(t.height + 0.5)}" preserveAspectRatio="none"/>`,
      )}</g>`
    : '';

  const areaPath = ringsOf(scenario.area)
    .map((ring) => pathOf(projection, ring, true))
    .join('');
  const area = html`<path class="area" d="${areaPath}" fill="${COLOURS.area}" fill-opacity="${tiles.length ? 0.35 : 1}" fill-rule="evenodd" stroke="${COLOURS.areaStroke}" stroke-width="1.5"/>`;

  // A ring is drawn at the straight-line radius that the access limit by road allows.
  const ring = (location: LonLat, colour: string, dashed: boolean, kind: string) => {
    if (radiusM === undefined) return '';
    const [x, y] = projection.project(location);
    return html`<circle data-kind="${kind}" data-radius-m="${Math.round(radiusM)}" cx="${px(x)}" cy="${px(y)}" r="${px(radiusM * projection.pxPerM)}" fill="${colour}" fill-opacity="0.08" stroke="${colour}" stroke-opacity="0.6" stroke-width="1"${dashed ? html` stroke-dasharray="4 3"` : ''}/>`;
  };
  // Road isochrones where the plan has them (a road graph), rings otherwise.
  const areas = accessAreaLayer(plan, projection);
  const rings =
    areas ||
    html`<g class="rings">${scenario.pickupPoints.map((p) =>
      ring(p.location, COLOURS.ringBefore, true, 'ring-before'),
    )}${plan.boxes.map((b) => ring(b.location, COLOURS.ringAfter, false, 'ring-after'))}</g>`;

  const carrierPaths = plan.carrierRoutes.map((r, i) => {
    const points = r.geometry?.coordinates ?? r.stops.map((s) => s.location);
    return html`<path data-kind="carrier-route" data-id="${r.routeId}" d="${pathOf(projection, points)}" fill="none" stroke="${carrierRouteColour(i)}" stroke-width="3.5" stroke-dasharray="9 5" stroke-linejoin="round" stroke-linecap="round"><title>${m.carrierTitle(names.route(r.routeId), r.boxSiteIds.length, formatMinutes(r.detourSPerTrip))}</title></path>`;
  });

  const groupCount = vans.groups.length;
  const vanPaths = plan.vanRoutes.map((r, i) => {
    const points = r.geometry?.coordinates ?? r.stops.map((s) => s.location);
    const g = vans.groupOf[i] ?? 0;
    const shift = (g - (groupCount - 1) / 2) * Math.min(VAN_OFFSET_PX, 12 / groupCount);
    const stops = r.stops.filter((s) => s.kind !== 'hub').length;
    return html`<path data-kind="van-route" data-vehicle="${r.vehicleId}" data-day="${r.day}" d="${pathOf(projection, points)}" transform="translate(${px(shift)} ${px(shift)})" fill="none" stroke="${vans.groups[g]?.colour ?? '#000'}" stroke-width="2.5" stroke-opacity="0.9" stroke-linejoin="round" stroke-linecap="round"><title>${m.vanTitle(names.vehicle(r.vehicleId), dayName(r.day), formatKm(r.distanceM), stops)}</title></path>`;
  });

  const maxPopulation = Math.max(
    1,
    ...plan.access.map((a) => a.population),
    ...scenario.demand.map((d) => d.population ?? 0),
  );
  const demandCircles = [...scenario.demand]
    // Big circles first so that small ones on top stay visible.
    .sort((a, b) => (b.population ?? 0) - (a.population ?? 0))
    .map((d) => {
      const access = accessById.get(d.id);
      const status = demandStatus(access);
      const population = access?.population ?? d.population ?? 0;
      const r = Math.max(DEMAND_MIN_RADIUS_PX, DEMAND_MAX_RADIUS_PX * Math.sqrt(population / maxPopulation));
      const [x, y] = projection.project(d.location);
      const detail = access
        ? m.demandDetail(formatKm(access.before.distanceM), formatKm(access.after.distanceM))
        : '';
      const style = statusStyle(status);
      return html`<circle data-kind="demand" data-id="${d.id}" data-status="${status}" cx="${px(x)}" cy="${px(y)}" r="${px(r)}" fill="${style.colour}" fill-opacity="0.75" stroke="#fff" stroke-width="1"><title>${m.demandTitle(d.name ?? d.id, formatCount(population), style.label.toLowerCase())}${detail}</title></circle>`;
    });

  const symbol = (kind: string, id: string, draw: SafeHtml, title: string) =>
    html`<g data-kind="${kind}" data-id="${id}">${draw}<title>${title}</title></g>`;
  const at = (location: LonLat) => projection.project(location);
  const candidates = scenario.candidateSites
    .filter((s) => !openedIds.has(s.id))
    .map((s) =>
      symbol('candidate', s.id, SYMBOLS.candidate(...at(s.location)), m.candidateTitle(s.name ?? s.id)),
    );
  const pickups = scenario.pickupPoints.map((p) =>
    symbol('pickup', p.id, SYMBOLS.pickup(...at(p.location)), m.pickupTitle(p.name ?? p.id)),
  );
  const hubs = scenario.hubs.map((h) =>
    symbol('hub', h.id, SYMBOLS.hub(...at(h.location)), m.hubTitle(h.name ?? h.id, h.parcelsArriveAt)),
  );
  const boxes = plan.boxes.map((b) =>
    symbol(
      'box',
      b.siteId,
      SYMBOLS.box(...at(b.location)),
      m.boxTitle(names.place(b.siteId), formatCount(b.parcelsPerWeek)),
    ),
  );

  // Every box and every settlement is labelled (a settlement under a box or a site square too,
  // placed beside it); grid cells only where there is room.
  const byPopulation = [...scenario.demand].sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
  const labelRequests: LabelRequest[] = [
    ...plan.boxes.map((b) => {
      const [x, y] = at(b.location);
      return { text: names.place(b.siteId), x, y, className: 'map-label map-label-box', required: true };
    }),
    ...byPopulation.filter(isSettlement).map((d) => {
      const [x, y] = at(d.location);
      return { text: d.name ?? d.id, x, y, className: 'map-label map-label-place', required: true };
    }),
    ...byPopulation
      .filter((d) => d.name !== undefined && !isSettlement(d))
      .slice(0, 10)
      .map((d) => {
        const [x, y] = at(d.location);
        return { text: d.name ?? d.id, x, y, className: 'map-label', required: false };
      }),
  ];
  const obstacles = [
    ...plan.boxes.map((b) => ({ ...xy(at(b.location)), r: 7 })),
    ...scenario.pickupPoints.map((p) => ({ ...xy(at(p.location)), r: 7 })),
    ...scenario.hubs.map((h) => ({ ...xy(at(h.location)), r: 7 })),
    ...scenario.candidateSites.map((s) => ({ ...xy(at(s.location)), r: 4 })),
  ];
  const labels = placeLabels(labelRequests, obstacles, widthPx, heightPx);

  const scaleM = niceLengthM((widthPx * 0.2) / projection.pxPerM);
  const scalePx = scaleM * projection.pxPerM;
  const sx = 20;
  const sy = heightPx - 18;
  const scaleBar = html`<g class="scale-bar" data-kind="scale-bar"><rect x="${sx - 6}" y="${sy - 20}" width="${px(scalePx + 12)}" height="28" fill="#fff" fill-opacity="0.8" rx="3"/><path d="M${sx} ${sy - 6}v6h${px(scalePx)}v-6" fill="none" stroke="#222" stroke-width="1.5"/><text x="${sx}" y="${sy - 9}" class="scale-text">0</text><text x="${px(sx + scalePx)}" y="${sy - 9}" class="scale-text" text-anchor="end">${formatKm(scaleM, scaleM < 1000 ? 1 : 0)}</text></g>`;
  const north = html`<g class="north" aria-hidden="true"><path d="M${widthPx - 24} 14l7 18h-14z" fill="#222"/><text x="${widthPx - 24}" y="46" text-anchor="middle" class="scale-text">N</text></g>`;

  const newly = plan.access.filter((a) => demandStatus(a) === 'newly_covered').length;
  const notOpened = scenario.candidateSites.filter((s) => !openedIds.has(s.id)).length;
  const desc = m.desc(
    scenario.name,
    scenario.demand.length,
    newly,
    scenario.pickupPoints.length,
    plan.boxes.length,
    notOpened,
    plan.vanRoutes.length,
    plan.carrierRoutes.length,
  );

  const svg = html`<svg class="map" role="img" aria-labelledby="map-title map-desc" viewBox="0 0 ${widthPx} ${heightPx}" width="${widthPx}" height="${heightPx}" xmlns="http://www.w3.org/2000/svg" data-px-per-m="${projection.pxPerM.toPrecision(6)}"><title id="map-title">${m.title}</title><desc id="map-desc">${desc}</desc><rect width="${widthPx}" height="${heightPx}" fill="#fbfbf8"/>${tileLayer}${area}${baseRoadLayer(plan, projection)}${rings}<g class="carrier-routes">${carrierPaths}</g><g class="van-routes">${vanPaths}</g><g class="demand">${demandCircles}</g><g class="candidates">${candidates}</g>${closureLossLayer(scenario, plan, at, names)}<g class="pickups">${pickups}</g><g class="hubs">${hubs}</g><g class="boxes">${boxes}</g><g class="labels">${labels}</g>${scaleBar}${north}</svg>`;

  const present = new Set<DemandStatus>(plan.access.map((a) => demandStatus(a)));
  const alwaysShown: DemandStatus[] = ['covered_before', 'newly_covered', 'not_covered'];
  const statusItems = DEMAND_STATUSES.filter((s) => alwaysShown.includes(s) || present.has(s)).map((s) =>
    legendItem(
      html`<circle cx="14" cy="8" r="6" fill="${statusStyle(s).colour}" fill-opacity="0.75"/>`,
      m.place(statusStyle(s).label.toLowerCase()),
    ),
  );
  const firstArea = plan.accessAreas?.[0];
  const ringItems = firstArea
    ? areaLegendItems(areaLimitText(firstArea))
    : radiusM === undefined
      ? []
      : [
          legendItem(
            html`<circle cx="14" cy="8" r="6" fill="${COLOURS.ringBefore}" fill-opacity="0.15" stroke="${COLOURS.ringBefore}" stroke-dasharray="3 2"/>`,
            m.ringBefore(formatKm(radiusM)),
          ),
          legendItem(
            html`<circle cx="14" cy="8" r="6" fill="${COLOURS.ringAfter}" fill-opacity="0.15" stroke="${COLOURS.ringAfter}"/>`,
            m.ringAfter(formatKm(radiusM)),
          ),
        ];
  const legend = html`<div class="legend"><h3 class="legend-title">${m.legend}</h3><ul class="legend-list">${[
    legendItem(SYMBOLS.box(14, 8), m.newBox),
    legendItem(SYMBOLS.pickup(14, 8), m.pickup),
    legendItem(SYMBOLS.candidate(14, 8), m.candidate),
    legendItem(SYMBOLS.hub(14, 8), m.hub),
    ...(plan.baseRoads?.length ? [legendItem(lineSymbol(COLOURS.baseRoad, false), m.mainRoads)] : []),
    ...statusItems,
    html`<li class="legend-note">${m.circleNote(formatCount(maxPopulation))}</li>`,
    ...ringItems,
    ...[closureLossLegend(plan)].flatMap((l) => (l ? [legendItem(l.symbol, l.label)] : [])),
    ...plan.carrierRoutes.map((r, i) =>
      legendItem(lineSymbol(carrierRouteColour(i), true), m.transport(names.route(r.routeId))),
    ),
    ...vans.groups.map((g) =>
      legendItem(lineSymbol(g.colour, false), m.vanLegend(names.vehicle(g.vehicleId), shortDays(g.days))),
    ),
  ]}</ul></div>`;

  const tileNote = options.tileUrl
    ? tileTemplate
      ? html`<p class="map-note">${m.tilesNote(tileTemplate)}</p>`
      : html`<p class="map-note">${m.badTiles}</p>`
    : '';
  const hasGeometry = plan.vanRoutes.some((r) => r.geometry) || plan.carrierRoutes.some((r) => r.geometry);
  const factor = options.travelModel?.detourFactor;
  const ringNote = firstArea
    ? m.areasRoad(areaLimitText(firstArea))
    : limitM === undefined || radiusM === undefined
      ? ''
      : plan.travel.backend === 'straightline' && factor !== undefined
        ? m.ringsStraight(formatKm(radiusM), formatKm(limitM), formatNumber(factor, 3))
        : m.ringsRoad(formatKm(radiusM), formatKm(limitM));
  return html`<figure class="map-figure"><div class="map-wrap">${svg}</div>${legend}<figcaption>${tileNote}<p class="map-note">${ringNote} ${m.routes(hasGeometry)}</p></figcaption></figure>`;
}

function areaLegendItems(limit: string): SafeHtml[] {
  const m = t().map;
  const square = (colour: string, dashed: boolean) =>
    html`<path d="M4 3h20v10h-20z" fill="${colour}" fill-opacity="0.15" stroke="${colour}"${dashed ? html` stroke-dasharray="3 2"` : ''}/>`;
  return [
    legendItem(square(COLOURS.ringBefore, true), m.areaBefore(limit)),
    legendItem(square(COLOURS.ringAfter, false), m.areaAfter(limit)),
  ];
}

function xy([x, y]: [number, number]): { x: number; y: number } {
  return { x, y };
}
