import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { LonLat, Scenario } from '@paketbygd/model';

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

export const COLOURS = {
  area: '#37474f',
  demandCovered: '#2e7d32',
  demandUncovered: '#c62828',
  demandHome: '#8e24aa',
  pickup: '#6a1b9a',
  candidate: '#78909c',
  box: '#0b5cad',
  hub: '#111111',
  coverage: '#0b5cad',
  transport: '#9e9e9e',
  van: ['#e65100', '#d84315', '#f9a825', '#bf360c', '#ff8f00'],
  carrier: ['#00897b', '#2e7d32', '#00acc1', '#558b2f', '#00695c'],
};

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

/** The page's map: vector layers only (no tiles unless a tile URL is set), OSM attribution always. */
export class PlanMap {
  readonly map: L.Map;
  private layers = L.featureGroup();
  private tiles: L.TileLayer | undefined;

  constructor(element: HTMLElement) {
    this.map = L.map(element, { zoomSnap: 0.25, preferCanvas: false, keyboard: true }).setView(
      [59.05, 15.9],
      10,
    );
    this.map.attributionControl.setPrefix('Leaflet');
    this.map.attributionControl.addAttribution(
      'Data © <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    );
    this.layers.addTo(this.map);
    this.legend().addTo(this.map);
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

  private legend(): L.Control {
    const control = new L.Control({ position: 'bottomleft' });
    control.onAdd = () => {
      const div = L.DomUtil.create('details', 'legend') as HTMLDetailsElement;
      // Open on wide screens; a tap away on small ones, where it would cover the map.
      div.open = window.innerWidth >= 900;
      const dot = (c: string, label: string, hollow = false) =>
        `<div><span class="swatch dot" style="${hollow ? `border:2px solid ${c}` : `background:${c}`}"></span>${label}</div>`;
      const line = (c: string, label: string) =>
        `<div><span class="swatch line" style="background:${c}"></span>${label}</div>`;
      div.innerHTML =
        `<summary>Legend</summary>` +
        [
          dot(COLOURS.demandCovered, 'people within the access limit'),
          dot(COLOURS.demandUncovered, 'people outside it'),
          dot(COLOURS.pickup, 'parcel agent today'),
          dot(COLOURS.candidate, 'candidate site', true),
          dot(COLOURS.box, 'new parcel box'),
          dot(COLOURS.hub, 'hub'),
          line(COLOURS.van[0]!, 'van route'),
          line(COLOURS.carrier[0]!, 'existing transport carrying parcels'),
          line(COLOURS.transport, 'existing transport (unused)'),
        ].join('');
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    return control;
  }

  private point(
    at: LonLat | unknown,
    kind: string,
    style: L.CircleMarkerOptions,
    tooltip: string,
  ): L.CircleMarker {
    const marker = L.circleMarker(ll(at), {
      className: `pk-${kind}`,
      weight: 1.5,
      fillOpacity: 0.85,
      ...style,
    });
    marker.bindTooltip(tooltip);
    marker.addTo(this.layers);
    return marker;
  }

  private fit(): void {
    const bounds = this.layers.getBounds();
    if (bounds.isValid()) this.map.fitBounds(bounds, { padding: [20, 20] });
  }

  /** The scenario before planning: area, demand, today's pickup points, candidates, hubs, transports. */
  showScenario(s: Scenario): void {
    this.layers.clearLayers();
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
      L.polyline(
        at.map((x) => ll(x)),
        { className: 'pk-transport-route', color: COLOURS.transport, weight: 3, dashArray: '6 6' },
      )
        .bindTooltip(esc(t.name ?? t.id))
        .addTo(this.layers);
    }
    for (const d of s.demand) {
      this.point(
        d.location,
        'demand',
        {
          radius: demandRadius(d.population ?? d.households ?? 0),
          color: '#fff',
          fillColor: COLOURS.demandCovered,
          fillOpacity: 0.6,
        },
        `${esc(d.name ?? d.id)}: ${d.population} people`,
      );
    }
    for (const c of s.candidateSites) {
      this.point(
        c.location,
        'candidate-site',
        { radius: 5, color: COLOURS.candidate, fillOpacity: 0, weight: 2 },
        `candidate site ${esc(c.name ?? c.id)} (${esc(c.host)})`,
      );
    }
    for (const p of s.pickupPoints) {
      this.point(
        p.location,
        'pickup-point',
        { radius: 7, color: '#fff', fillColor: COLOURS.pickup, fillOpacity: 1 },
        `parcel agent today: ${esc(p.name ?? p.id)}`,
      );
    }
    for (const h of s.hubs) {
      this.point(
        h.location,
        'hub',
        { radius: 6, color: '#fff', fillColor: COLOURS.hub, fillOpacity: 1 },
        `hub ${esc(h.name ?? h.id)}`,
      );
    }
    this.fit();
  }

  /** A plan as the API's GeoJSON, with access rings around every pickup point when the limit is a distance. */
  showPlan(geo: PlanFeatureCollection, accessLimitM: number | undefined): Record<string, number> {
    this.layers.clearLayers();
    const counts: Record<string, number> = {};
    let van = 0;
    let carrier = 0;
    const order = [
      'area',
      'carrier-route',
      'van-route',
      'demand',
      'candidate-site',
      'pickup-point',
      'box',
      'hub',
    ];
    const features = [...geo.features].sort(
      (a, b) => order.indexOf(a.properties.kind) - order.indexOf(b.properties.kind),
    );
    const rings = L.featureGroup().addTo(this.layers);
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
          L.polyline(coords, {
            className: `pk-${p.kind}`,
            color: colour,
            weight: isVan ? 4 : 5,
            opacity: 0.9,
            ...(isVan ? {} : { dashArray: '10 5' }),
          })
            .bindTooltip(
              isVan
                ? `van ${esc(p.vehicleId)}, ${esc(p.day)}: ${((Number(p.distanceM) || 0) / 1000).toFixed(1)} km`
                : `${esc(p.routeId)} carries parcels to ${esc((p.boxes as string[] | undefined)?.join(', '))}`,
            )
            .addTo(this.layers);
          break;
        }
        case 'demand': {
          const colour = p.homeDelivery
            ? COLOURS.demandHome
            : p.coveredAfter
              ? COLOURS.demandCovered
              : COLOURS.demandUncovered;
          const km = (m: unknown) => (typeof m === 'number' ? `${(m / 1000).toFixed(1)} km` : '–');
          this.point(
            f.geometry.coordinates,
            'demand',
            {
              radius: demandRadius(Number(p.population) || 0),
              color: '#fff',
              fillColor: colour,
              fillOpacity: 0.7,
            },
            `${esc(p.name)}: ${esc(p.population)} people; to a pickup point ${km(p.accessBeforeM)} before, ${km(p.accessAfterM)} after`,
          );
          break;
        }
        case 'candidate-site':
          this.point(
            f.geometry.coordinates,
            'candidate-site',
            { radius: 5, color: COLOURS.candidate, fillOpacity: 0, weight: 2 },
            `candidate site ${esc(p.name)} (not opened)`,
          );
          break;
        case 'pickup-point':
        case 'box': {
          const isBox = p.kind === 'box';
          if (accessLimitM) {
            L.circle(ll(f.geometry.coordinates), {
              radius: accessLimitM,
              className: 'pk-coverage',
              color: isBox ? COLOURS.coverage : COLOURS.pickup,
              weight: 1,
              fillOpacity: 0.05,
              interactive: false,
            }).addTo(rings);
          }
          this.point(
            f.geometry.coordinates,
            p.kind,
            isBox
              ? { radius: 8, color: '#fff', weight: 2, fillColor: COLOURS.box, fillOpacity: 1 }
              : { radius: 7, color: '#fff', fillColor: COLOURS.pickup, fillOpacity: 1 },
            isBox
              ? `box ${esc(p.name)}: ${Math.round((Number(p.utilisation) || 0) * 100)}% used, filled by ${esc(p.routeId ?? p.vehicleId ?? p.filledBy)}`
              : `parcel agent today: ${esc(p.name)}`,
          );
          break;
        }
        case 'hub':
          this.point(
            f.geometry.coordinates,
            'hub',
            { radius: 6, color: '#fff', fillColor: COLOURS.hub, fillOpacity: 1 },
            `hub ${esc(p.name)}`,
          );
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
