import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { ROAD_DETOUR_FACTOR, type LonLat, type Scenario } from '@paketbygd/model';
import { COLOURS, DASHES } from './colours';
import { km as formatKm, num } from './format';
import { w } from './i18n';

/** One feature as `planToGeoJSON` (packages/planner) writes it: `properties.kind` says which layer. */
export interface PlanFeature {
  type: 'Feature';
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown> & { kind: string };
}
export interface PlanFeatureCollection {
  type: 'FeatureCollection';
  features: PlanFeature[];
}

export { COLOURS } from './colours';

const ll = (p: LonLat | unknown): L.LatLngExpression => {
  const [lon, lat] = Array.isArray(p) ? (p as [number, number]) : [0, 0];
  return [lat, lon];
};

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function ringsOf(geometry: Scenario['area']): L.LatLngExpression[][][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((poly) => poly.map((ring) => ring.map((p) => ll(p))));
}

/** Radius in pixels of a demand point: area proportional to population. */
const demandRadius = (population: number) =>
  Math.max(4, Math.min(22, Math.sqrt(Math.max(0, population)) / 2));

/** Whether the user asked for less motion: the map then jumps instead of gliding and fading. */
export const reducedMotion = (): boolean =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** What the map shows, one kind per row group of the list beside it. */
export type EntryKind =
  | 'box'
  | 'van-route'
  | 'carrier-route'
  | 'pickup-point'
  | 'hub'
  | 'demand'
  | 'candidate-site'
  | 'transport-route';

const KIND_ORDER: EntryKind[] = [
  'box',
  'van-route',
  'carrier-route',
  'pickup-point',
  'hub',
  'demand',
  'candidate-site',
  'transport-route',
];

/** A kind of map feature by name, in the page's language. */
export function kindLabel(kind: EntryKind): string {
  return w().kinds[kind] ?? kind;
}

/**
 * A demand point that is a settlement rather than a grid cell: named, and the name's last word
 * holds no digit ("Läppe", not "Rural cell r0c4"). Settlements are labelled on the map.
 */
export function isSettlement(name: string | undefined): boolean {
  const last = name?.trim().split(/\s+/).at(-1);
  return last !== undefined && !/\d/.test(last);
}

/**
 * The straight-line radius within which a place is covered: the access limit by road divided
 * by the detour factor (the scenario's, or the measured rural median).
 */
export function coverageRadiusM(limitM: number, detourFactor: number | undefined): number {
  return limitM / (detourFactor ?? ROAD_DETOUR_FACTOR);
}

/** One thing on the map that the keyboard can reach through the list (and points also by Tab). */
export interface MapEntry {
  kind: EntryKind;
  name: string;
  detail: string;
  layer: L.Layer & { openPopup(): unknown; getElement?(): Element | undefined };
}

/** The pane of the villages and candidate sites: drawn under the markers, tabbed to after them. */
const POINTS_PANE = 'pk-points';

const line = (colour: string, dash = '', width = 4) =>
  `<svg class="swatch" width="30" height="12" viewBox="0 0 30 12" aria-hidden="true" focusable="false">` +
  `<line x1="1" y1="6" x2="29" y2="6" stroke="#fff" stroke-width="${width + 3}"/>` +
  `<line x1="1" y1="6" x2="29" y2="6" stroke="${colour}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''}/></svg>`;
const dot = (fill: string, stroke: string, width = 1.5, dash = '') =>
  `<svg class="swatch" width="30" height="14" viewBox="0 0 30 14" aria-hidden="true" focusable="false">` +
  `<circle cx="15" cy="7" r="5.5" fill="${fill}" stroke="${stroke}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''}/></svg>`;
const shape = (kind: string, colour: string) =>
  `<span class="swatch marker-swatch" aria-hidden="true"><span class="shape shape-${kind}" style="background:${colour}"></span></span>`;

/** The page's map: vector layers only (no tiles unless a tile URL is set), OSM attribution always. */
export class PlanMap {
  readonly map: L.Map;
  /** Everything drawn that means something, in the order of the list beside the map. */
  entries: MapEntry[] = [];
  private layers = L.featureGroup();
  private tiles: L.TileLayer | undefined;
  private legendControl: L.Control | undefined;
  /** Whether the map shows a plan (coverage colours mean something) or only the scenario. */
  private planned = false;
  private ringRadiusM: number | undefined;

  constructor(element: HTMLElement) {
    const still = reducedMotion();
    this.map = L.map(element, {
      zoomSnap: 0.25,
      preferCanvas: false,
      keyboard: true,
      zoomAnimation: !still,
      fadeAnimation: !still,
      markerZoomAnimation: !still,
      inertia: !still,
    }).setView([59.05, 15.9], 10);
    if (still) {
      // Popups pan the map into view with a glide; make every pan a jump.
      const panBy = this.map.panBy.bind(this.map);
      this.map.panBy = (offset, options) => panBy(offset, { ...options, animate: false });
    }
    this.map.attributionControl.setPrefix('Leaflet');
    this.map.attributionControl.addAttribution(
      'Data © <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    );
    this.map.createPane(POINTS_PANE).style.zIndex = '450';
    this.layers.addTo(this.map);
    this.renderLegend();
    // Tab order inside the map: zoom buttons, legend and attribution first, then the features.
    const controls = element.querySelector('.leaflet-control-container');
    if (controls) element.prepend(controls);
    // Escape closes an open popup wherever the focus is inside the map.
    element.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.map.closePopup) this.map.closePopup();
    });
  }

  setTileUrl(url: string): void {
    if (this.tiles) this.tiles.remove();
    this.tiles = undefined;
    if (!url.trim()) return;
    this.tiles = L.tileLayer(url.trim(), {
      maxZoom: 19,
      attribution: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    });
    this.tiles.addTo(this.map);
    this.tiles.bringToBack();
  }

  /** Re-measures the container (after a tab or the window changed its size). */
  refresh(): void {
    this.map.invalidateSize();
  }

  /** Redraws the legend (after a plan, or in another language), keeping it open or folded as it was. */
  renderLegend(): void {
    const wasOpen = (this.legendControl?.getContainer() as HTMLDetailsElement | undefined)?.open;
    this.legendControl?.remove();
    const control = new L.Control({ position: 'bottomleft' });
    control.onAdd = () => {
      const div = L.DomUtil.create('details', 'legend') as HTMLDetailsElement;
      // Open only where the map is wide and tall enough for it not to cover the map (not on a tablet).
      div.open = wasOpen ?? (window.innerWidth >= 1200 && window.innerHeight >= 760);
      const m = w().legendItems;
      const row = (swatch: string, label: string) => `<li>${swatch}${label}</li>`;
      const villages = this.planned
        ? [
            row(dot(COLOURS.demandCovered, '#fff'), m.covered),
            row(dot('#fff', COLOURS.demandUncovered, 3), m.uncovered),
            row(dot(COLOURS.demandHome, '#fff', 2.5, '2 2'), m.home),
          ]
        : [row(dot(COLOURS.demandUnplanned, '#fff'), m.notPlanned)];
      div.innerHTML =
        `<summary>${w().legend}</summary><ul>` +
        [
          ...villages,
          row(shape('box', COLOURS.box), m.box),
          row(shape('pickup-point', COLOURS.pickup), m.pickup),
          row(shape('hub', COLOURS.hub), m.hub),
          row(dot('none', COLOURS.candidate, 2, '2 2'), m.candidate),
          row(line(COLOURS.van[0]!), m.van),
          row(line(COLOURS.carrier[0]!, DASHES.carrier, 5), m.carrier),
          row(line(COLOURS.transport, DASHES.transport, 3), m.transport),
          ...(this.planned && this.ringRadiusM !== undefined
            ? [row(line(COLOURS.coverage, DASHES.coverage, 1.5), m.ring(formatKm(this.ringRadiusM)))]
            : []),
        ].join('') +
        `</ul>`;
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    control.addTo(this.map);
    this.legendControl = control;
    // The legend stays first in the map's tab order, before the features.
    const container = this.map.getContainer().querySelector('.leaflet-control-container');
    if (container) this.map.getContainer().prepend(container);
  }

  /** A place name on the base layer: a permanent label beside the village, drawn from the scenario. */
  private label(at: LonLat | unknown, name: string): void {
    L.tooltip({
      permanent: true,
      direction: 'right',
      offset: [6, 0],
      className: 'pk-label',
      interactive: false,
    })
      .setLatLng(ll(at))
      .setContent(esc(name))
      .addTo(this.layers);
  }

  /** Binds the tooltip (hover, focus) and popup (click, Enter, Space) and lists the feature. */
  private register(entry: MapEntry, focusable: boolean): void {
    const { layer, kind, name, detail } = entry;
    const title = `${kindLabel(kind)}: ${name}`;
    (layer as L.Layer).bindTooltip(`${esc(name)}${detail ? `: ${esc(detail)}` : ''}`);
    (layer as L.Layer).bindPopup(`<strong>${esc(title)}</strong>${detail ? `<br>${esc(detail)}` : ''}`, {
      autoPanPadding: [20, 20],
    });
    layer.addTo(this.layers);
    const el = layer.getElement?.();
    if (el) {
      // SVG paths with focus listeners are focusable in Chromium: say explicitly which are.
      el.setAttribute('tabindex', focusable ? '0' : '-1');
      if (focusable) {
        el.setAttribute('role', 'button');
        el.setAttribute('aria-label', `${title}${detail ? `, ${detail}` : ''}`);
        el.addEventListener('keydown', (e) => {
          // Enter is Leaflet's own (a click); Space opens the popup as on any button.
          if ((e as KeyboardEvent).key === ' ') {
            e.preventDefault();
            layer.openPopup();
          }
        });
      }
    }
    this.entries.push(entry);
  }

  private point(
    at: LonLat | unknown,
    kind: 'demand' | 'candidate-site',
    style: L.CircleMarkerOptions,
    name: string,
    detail: string,
  ): void {
    const marker = L.circleMarker(ll(at), {
      className: `pk-${kind}`,
      weight: 1.5,
      fillOpacity: 0.85,
      pane: POINTS_PANE,
      ...style,
    });
    this.register({ kind, name, detail, layer: marker }, true);
  }

  /** Boxes, parcel agents and hubs: HTML markers with a shape, in the tab order (Leaflet `keyboard`). */
  private place(at: LonLat | unknown, kind: 'box' | 'pickup-point' | 'hub', name: string, detail: string) {
    const colour = kind === 'box' ? COLOURS.box : kind === 'hub' ? COLOURS.hub : COLOURS.pickup;
    const size = kind === 'box' ? 18 : 16;
    const marker = L.marker(ll(at), {
      icon: L.divIcon({
        className: `pk-marker pk-${kind}`,
        html: `<span class="shape shape-${kind}" style="background:${colour}"></span>`,
        iconSize: [size, size],
      }),
      keyboard: true,
      riseOnHover: true,
    });
    this.register({ kind, name, detail, layer: marker }, true);
  }

  private route(
    coords: L.LatLngExpression[],
    kind: 'van-route' | 'carrier-route' | 'transport-route',
    colour: string,
    name: string,
    detail: string,
  ): void {
    const weight = kind === 'van-route' ? 4 : kind === 'carrier-route' ? 5 : 3;
    // A white casing under every route keeps it visible on any tile and separates crossing routes.
    L.polyline(coords, {
      className: 'pk-casing',
      color: '#fff',
      weight: weight + 3,
      interactive: false,
    }).addTo(this.layers);
    const dash =
      kind === 'carrier-route' ? DASHES.carrier : kind === 'transport-route' ? DASHES.transport : '';
    const path = L.polyline(coords, {
      className: `pk-${kind}`,
      color: colour,
      weight,
      opacity: 1,
      ...(dash ? { dashArray: dash } : {}),
    });
    // Lines are reached through the list (and the route list of the plan), not by Tab.
    this.register({ kind, name, detail, layer: path }, false);
  }

  private fit(): void {
    const bounds = this.layers.getBounds();
    if (bounds.isValid()) this.map.fitBounds(bounds, { padding: [20, 20], animate: !reducedMotion() });
  }

  private clear(): void {
    this.map.closePopup();
    this.layers.clearLayers();
    this.entries = [];
  }

  /** Pans to an entry (zooms in on a point, fits a route) and opens its popup. */
  show(entry: MapEntry): void {
    const animate = !reducedMotion();
    const layer = entry.layer as L.Layer & { getLatLng?(): L.LatLng; getBounds?(): L.LatLngBounds };
    if (layer.getLatLng) this.map.setView(layer.getLatLng(), Math.max(this.map.getZoom(), 12), { animate });
    else if (layer.getBounds) this.map.fitBounds(layer.getBounds(), { padding: [30, 30], animate });
    entry.layer.openPopup();
  }

  /** A sentence for the map's accessible description: what it shows, counted. */
  summary(): string {
    const counts = new Map<EntryKind, number>();
    for (const e of this.entries) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
    return KIND_ORDER.filter((k) => counts.get(k))
      .map((k) => `${counts.get(k)} × ${kindLabel(k).toLowerCase()}`)
      .join(', ');
  }

  /** The scenario before planning: area, demand, today's pickup points, candidates, hubs, transports. */
  showScenario(s: Scenario): void {
    this.clear();
    this.planned = false;
    this.renderLegend();
    L.polygon(ringsOf(s.area), {
      className: 'pk-area',
      color: COLOURS.area,
      weight: 2,
      fillOpacity: 0.04,
      interactive: false,
    }).addTo(this.layers);
    const places = new Map<string, LonLat>(
      [...s.hubs, ...s.candidateSites, ...s.pickupPoints].map((x) => [x.id, x.location]),
    );
    for (const t of s.transportRoutes) {
      const at = t.stops
        .map((st) => st.location ?? (st.at ? places.get(st.at) : undefined))
        .filter((x): x is LonLat => x !== undefined);
      this.route(
        at.map((x) => ll(x)),
        'transport-route',
        COLOURS.transport,
        t.name ?? t.id,
        w().stops(t.stops.length),
      );
    }
    for (const p of s.pickupPoints) this.place(p.location, 'pickup-point', p.name ?? p.id, '');
    for (const h of s.hubs) this.place(h.location, 'hub', h.name ?? h.id, '');
    // Before a plan nothing is known about coverage: villages are grey, not green.
    for (const d of s.demand) {
      this.point(
        d.location,
        'demand',
        {
          radius: demandRadius(d.population ?? d.households ?? 0),
          color: '#fff',
          fillColor: COLOURS.demandUnplanned,
          fillOpacity: 0.85,
        },
        d.name ?? d.id,
        `${w().people(num(d.population ?? 0))}, ${w().notPlannedYet}`,
      );
      if (isSettlement(d.name)) this.label(d.location, d.name!);
    }
    for (const c of s.candidateSites) {
      this.point(
        c.location,
        'candidate-site',
        { radius: 5, color: COLOURS.candidate, fillOpacity: 0, weight: 2, dashArray: '2 2' },
        c.name ?? c.id,
        String(c.host ?? '').replace(/_/g, ' '),
      );
    }
    this.fit();
  }

  /** A plan, with coverage rings at the straight-line radius that the access limit by road allows. */
  showPlan(
    geo: PlanFeatureCollection,
    accessLimitM: number | undefined,
    detourFactor?: number,
  ): Record<string, number> {
    this.ringRadiusM = accessLimitM === undefined ? undefined : coverageRadiusM(accessLimitM, detourFactor);
    this.planned = true;
    const counts = this.drawPlan(geo, this.ringRadiusM);
    this.renderLegend();
    return counts;
  }

  /** A plan as the API's GeoJSON, with access rings around every pickup point when the limit is a distance. */
  private drawPlan(geo: PlanFeatureCollection, ringRadiusM: number | undefined): Record<string, number> {
    this.clear();
    const counts: Record<string, number> = {};
    let van = 0;
    let carrier = 0;
    // Drawing order (and so the order of the list and of Tab): boxes before the rest.
    const order = [
      'area',
      'box',
      'van-route',
      'carrier-route',
      'pickup-point',
      'hub',
      'demand',
      'candidate-site',
    ];
    const features = [...geo.features].sort(
      (a, b) => order.indexOf(a.properties.kind) - order.indexOf(b.properties.kind),
    );
    const rings = L.featureGroup().addTo(this.layers);
    const km = (m: unknown) => (typeof m === 'number' ? formatKm(m) : '–');
    for (const f of features) {
      const p = f.properties;
      counts[p.kind] = (counts[p.kind] ?? 0) + 1;
      switch (p.kind) {
        case 'area':
          L.polygon(ringsOf(f.geometry as Scenario['area']), {
            className: 'pk-area',
            color: COLOURS.area,
            weight: 2,
            fillOpacity: 0.04,
            interactive: false,
          }).addTo(this.layers);
          break;
        case 'van-route':
        case 'carrier-route': {
          const isVan = p.kind === 'van-route';
          const palette = isVan ? COLOURS.van : COLOURS.carrier;
          const colour = palette[(isVan ? van++ : carrier++) % palette.length]!;
          const coords = (f.geometry.coordinates as LonLat[]).map((c) => ll(c));
          if (isVan)
            this.route(
              coords,
              'van-route',
              colour,
              w().van(String(p.vehicleId), String(p.day)),
              formatKm(Number(p.distanceM) || 0),
            );
          else
            this.route(
              coords,
              'carrier-route',
              colour,
              String(p.name ?? p.routeId),
              w().carriesTo((p.boxes as string[] | undefined)?.join(', ') ?? '–'),
            );
          break;
        }
        case 'demand': {
          const style: L.CircleMarkerOptions = p.homeDelivery
            ? { color: COLOURS.demandHome, fillColor: COLOURS.demandHome, weight: 2.5, dashArray: '2 2' }
            : p.coveredAfter
              ? { color: '#fff', fillColor: COLOURS.demandCovered }
              : { color: COLOURS.demandUncovered, fillColor: '#fff', weight: 3 };
          const status = p.homeDelivery ? w().homeDelivered : p.coveredAfter ? w().within : w().outside;
          this.point(
            f.geometry.coordinates,
            'demand',
            { radius: demandRadius(Number(p.population) || 0), fillOpacity: 0.85, ...style },
            String(p.name),
            w().demandDetail(
              w().people(num(Number(p.population) || 0)),
              status,
              km(p.accessBeforeM),
              km(p.accessAfterM),
            ),
          );
          if (isSettlement(String(p.name))) this.label(f.geometry.coordinates, String(p.name));
          break;
        }
        case 'candidate-site':
          this.point(
            f.geometry.coordinates,
            'candidate-site',
            { radius: 5, color: COLOURS.candidate, fillOpacity: 0, weight: 2, dashArray: '2 2' },
            String(p.name),
            w().notOpened,
          );
          break;
        case 'pickup-point':
        case 'box': {
          const isBox = p.kind === 'box';
          if (ringRadiusM) {
            L.circle(ll(f.geometry.coordinates), {
              radius: ringRadiusM,
              className: 'pk-coverage',
              color: isBox ? COLOURS.coverage : COLOURS.pickup,
              weight: 1.5,
              dashArray: DASHES.coverage,
              fillOpacity: 0.04,
              interactive: false,
            }).addTo(rings);
          }
          this.place(
            f.geometry.coordinates,
            p.kind,
            String(p.name),
            isBox
              ? w().boxDetail(
                  `${num((Number(p.utilisation) || 0) * 100)}\u00a0%`,
                  String(p.routeId ?? p.vehicleId ?? p.filledBy),
                )
              : '',
          );
          break;
        }
        case 'hub':
          this.place(f.geometry.coordinates, 'hub', String(p.name), '');
          break;
        default:
          break;
      }
    }
    rings.bringToBack();
    this.fit();
    return counts;
  }
}

/**
 * The keyboard's way into the map: a table of everything on it, one button a row that pans the map
 * to the feature and opens its popup (native buttons: Enter and Space).
 */
export function renderMapList(table: HTMLTableElement, map: PlanMap): void {
  const rows = [...map.entries]
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => KIND_ORDER.indexOf(a.entry.kind) - KIND_ORDER.indexOf(b.entry.kind) || a.i - b.i);
  const m = w();
  table.innerHTML = `<caption class="visually-hidden">${esc(m.everything)}</caption>
    <thead><tr><th scope="col">${esc(m.head[0])}</th><th scope="col">${esc(m.head[1])}</th><th scope="col">${esc(m.head[2])}</th><th scope="col"><span class="visually-hidden">${esc(m.head[3])}</span></th></tr></thead>
    <tbody>${rows
      .map(
        ({ entry, i }) => `<tr data-kind="${esc(entry.kind)}">
        <th scope="row">${esc(entry.name)}</th><td>${esc(kindLabel(entry.kind))}</td><td>${esc(entry.detail)}</td>
        <td><button type="button" data-entry="${i}" aria-label="${esc(m.showOnMap(kindLabel(entry.kind).toLowerCase(), entry.name))}">${esc(m.show)}</button></td></tr>`,
      )
      .join('')}</tbody>`;
  table.onclick = (e) => {
    const button = (e.target as Element).closest<HTMLButtonElement>('button[data-entry]');
    const entry = button ? map.entries[Number(button.dataset.entry)] : undefined;
    if (entry) map.show(entry);
  };
}
