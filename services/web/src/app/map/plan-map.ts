import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { Scenario } from '@paketbygd/model';
import { kindLabel, KIND_ORDER, POINTS_PANE, type Drawing, type EntryKind, type MapEntry } from './entries';
import type { PlanFeatureCollection } from './features';
import type { RoadLine } from '../plan/base-roads';
import { drawBaseRoads } from './layers/base-roads';
import { coverageRadiusM } from './layers/coverage';
import { placeLabels, type PlaceLabel } from './layers/labels';
import { legendControl } from './legend';
import { reducedMotion } from './motion';
import { registerEntry } from './register';
import { drawPlan } from './show-plan';
import { drawScenario } from './show-scenario';

/** A Leaflet map whose pans jump instead of glide (popups pan the map into view). */
function createMap(element: HTMLElement): L.Map {
  const still = reducedMotion();
  const map = L.map(element, {
    zoomSnap: 0.25,
    preferCanvas: false,
    keyboard: true,
    zoomAnimation: !still,
    fadeAnimation: !still,
    markerZoomAnimation: !still,
    inertia: !still,
  }).setView([59.05, 15.9], 10);
  if (still) {
    const panBy = map.panBy.bind(map);
    map.panBy = (offset, options) => panBy(offset, { ...options, animate: false });
  }
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution(
    'Data © <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  );
  map.createPane(POINTS_PANE).style.zIndex = '450';
  return map;
}

/** The page's map: vector layers only (no tiles unless a tile URL is set), OSM attribution always. */
export class PlanMap implements Drawing {
  readonly map: L.Map;
  /** Everything drawn that means something, in the order of the list beside the map. */
  entries: MapEntry[] = [];
  readonly layers = L.featureGroup();
  labels: PlaceLabel[] = [];
  private tiles: L.TileLayer | undefined;
  private legend: L.Control | undefined;
  /** Whether the map shows a plan (coverage colours mean something) or only the scenario. */
  private planned = false;
  private ringRadiusM: number | undefined;
  /** Whether main roads are drawn (the plan carried them). */
  private roads = false;

  constructor(element: HTMLElement) {
    this.map = createMap(element);
    this.layers.addTo(this.map);
    this.renderLegend();
    this.map.on('zoomend moveend', () => this.placeLabels());
    // Escape closes an open popup wherever the focus is inside the map.
    element.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.map.closePopup) this.map.closePopup();
    });
  }

  register(entry: MapEntry, focusable: boolean): void {
    registerEntry(this.layers, entry, focusable);
    this.entries.push(entry);
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
    this.placeLabels();
  }

  /** Place names clear of each other and of the symbols, for the zoom as it is now. */
  placeLabels(): void {
    const obstacles = this.entries.flatMap(({ kind, layer }) => {
      const at = (layer as L.Layer & { getLatLng?(): L.LatLng }).getLatLng?.();
      if (!at || kind === 'demand') return [];
      return [{ at, halfPx: kind === 'candidate-site' ? 7 : 10 }];
    });
    placeLabels(this.map, this.labels, obstacles);
  }

  /** Redraws the legend (after a plan, or in another language), keeping it open or folded as it was. */
  renderLegend(): void {
    const wasOpen = (this.legend?.getContainer() as HTMLDetailsElement | undefined)?.open;
    this.legend?.remove();
    this.legend = legendControl(
      { planned: this.planned, ringRadiusM: this.ringRadiusM, roads: this.roads },
      wasOpen,
    );
    this.legend.addTo(this.map);
    // Tab order inside the map: zoom buttons, legend and attribution first, then the features.
    const container = this.map.getContainer().querySelector('.leaflet-control-container');
    if (container) this.map.getContainer().prepend(container);
  }

  private fit(): void {
    const bounds = this.layers.getBounds();
    if (bounds.isValid()) this.map.fitBounds(bounds, { padding: [20, 20], animate: !reducedMotion() });
    this.placeLabels();
  }

  private clear(): void {
    this.map.closePopup();
    this.layers.clearLayers();
    this.entries = [];
    this.labels = [];
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

  /** The scenario before planning: no coverage colours, since nothing is planned yet. */
  showScenario(s: Scenario): void {
    this.clear();
    this.planned = false;
    this.roads = false;
    this.renderLegend();
    drawScenario(this, s);
    this.fit();
  }

  /** A plan, with coverage rings at the straight-line radius that the access limit by road allows. */
  showPlan(
    geo: PlanFeatureCollection,
    accessLimitM: number | undefined,
    detourFactor?: number,
    roads: readonly RoadLine[] = [],
  ): Record<string, number> {
    this.ringRadiusM = accessLimitM === undefined ? undefined : coverageRadiusM(accessLimitM, detourFactor);
    this.planned = true;
    this.clear();
    const counts = drawPlan(this, geo, this.ringRadiusM);
    this.fit();
    // After the fit: roads may run far outside the kommun and must not widen the view.
    drawBaseRoads(this.layers, roads);
    this.roads = roads.length > 0;
    this.renderLegend();
    return counts;
  }
}
