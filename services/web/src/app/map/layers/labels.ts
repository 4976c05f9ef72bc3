import L from 'leaflet';
import type { LonLat } from '@paketbygd/model';
import { esc } from '../../ui/html';
import { ll } from '../geo';

/**
 * A demand point that is a settlement rather than a grid cell: named, and the name's last word
 * holds no digit ("Läppe", not "Rural cell r0c4"). Settlements are labelled on the map.
 */
export function isSettlement(name: string | undefined): boolean {
  const last = name?.trim().split(/\s+/).at(-1);
  return last !== undefined && !/\d/.test(last);
}

/** A place name and how much it matters (its population): larger places are placed first. */
export interface PlaceLabel {
  tooltip: L.Tooltip;
  weight: number;
  /** The village's circle radius in pixels: the label sits beside it, not on it. */
  radiusPx: number;
  /** Hidden because every slot would cover a larger place's name. */
  hidden?: boolean;
}

/** A place name on the base layer: a permanent label beside the village, drawn from the scenario. */
export function drawLabel(
  layers: L.FeatureGroup,
  at: LonLat | unknown,
  name: string,
  weight: number,
  radiusPx: number,
): PlaceLabel {
  const tooltip = L.tooltip({
    permanent: true,
    direction: 'right',
    offset: [radiusPx + 2, 0],
    className: 'pk-label',
    interactive: false,
  })
    .setLatLng(ll(at))
    .setContent(esc(name));
  tooltip.addTo(layers);
  return { tooltip, weight, radiusPx };
}

type Box = { x0: number; y0: number; x1: number; y1: number };
const overlap = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) *
  Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/** A symbol a name must not cover: where it is and half its size in pixels. */
export interface LabelObstacle {
  at: L.LatLng;
  halfPx: number;
}

/** Leaflet's placement of a tooltip (its `_setPosition`, with the CSS arrow margins of 6 px). */
interface Slot {
  direction: L.Direction;
  offset: (r: number) => [number, number];
  /** Where the label's top left is, from the anchor, for a label w × h. */
  corner: (w: number, h: number) => [number, number];
}

/** Right, left, above, below the village, then the diagonals: the first slot that hides nothing wins. */
const SLOTS: Slot[] = [
  { direction: 'right', offset: (r) => [r + 2, 0], corner: (_, h) => [6, -h / 2] },
  { direction: 'left', offset: (r) => [-r - 2, 0], corner: (w, h) => [-w - 6, -h / 2] },
  { direction: 'top', offset: (r) => [0, -r], corner: (w, h) => [-w / 2, -h - 6] },
  { direction: 'bottom', offset: (r) => [0, r], corner: (w) => [-w / 2, 6] },
  { direction: 'right', offset: (r) => [r, -r - 7], corner: (_, h) => [6, -h / 2] },
  { direction: 'right', offset: (r) => [r, r + 7], corner: (_, h) => [6, -h / 2] },
  { direction: 'left', offset: (r) => [-r, -r - 7], corner: (w, h) => [-w - 6, -h / 2] },
  { direction: 'left', offset: (r) => [-r, r + 7], corner: (w, h) => [-w - 6, -h / 2] },
];

/** The label's box in the map container's pixels, were it in this slot. */
function slotBox(map: L.Map, label: PlaceLabel, slot: Slot, w: number, h: number): Box {
  const p = map.latLngToContainerPoint(label.tooltip.getLatLng()!);
  const [ox, oy] = slot.offset(label.radiusPx);
  const [cx, cy] = slot.corner(w, h);
  const x0 = p.x + ox + cx;
  const y0 = p.y + oy + cy;
  return { x0, y0, x1: x0 + w, y1: y0 + h };
}

/**
 * Collision-avoided place names: larger places first, each in the first slot around its village
 * that overlaps no symbol (boxes, agents, hubs, candidate sites) and no name placed before it.
 * Where every slot covers a symbol, the name takes the slot that covers least, so that a village
 * under a candidate site keeps its name; a name that would cover another name is hidden until a
 * zoom makes room for it. Computed from the map's projection, not from where the DOM has the
 * labels at the moment (Leaflet repositions them after a view change).
 */
export function placeLabels(
  map: L.Map,
  labels: readonly PlaceLabel[],
  obstacles: readonly LabelObstacle[],
): void {
  const symbols = obstacles.map(({ at, halfPx }) => {
    const p = map.latLngToContainerPoint(at);
    return { x0: p.x - halfPx, y0: p.y - halfPx, x1: p.x + halfPx, y1: p.y + halfPx };
  });
  const placed: Box[] = [];
  for (const label of [...labels].sort((a, b) => b.weight - a.weight)) {
    const el = label.tooltip.getElement();
    if (!el) continue;
    // Measured shown: a name hidden at the last zoom has no size while hidden.
    el.classList.remove('pk-label-hidden');
    const [w, h] = [el.offsetWidth, el.offsetHeight];
    const tried = SLOTS.map((slot) => {
      const box = slotBox(map, label, slot, w, h);
      const onNames = placed.reduce((a, p) => a + overlap(box, p), 0);
      const onSymbols = symbols.reduce((a, s) => a + overlap(box, s), 0);
      return { slot, box, onNames, onSymbols };
    });
    const best = [...tried].sort((a, b) => a.onNames - b.onNames || a.onSymbols - b.onSymbols)[0]!;
    label.tooltip.options.direction = best.slot.direction;
    label.tooltip.options.offset = best.slot.offset(label.radiusPx);
    label.tooltip.update();
    label.hidden = best.onNames > 0;
    el.classList.toggle('pk-label-hidden', label.hidden);
    if (!label.hidden) placed.push(best.box);
  }
}
