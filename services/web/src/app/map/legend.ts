import L from 'leaflet';
import { km as formatKm } from '../i18n/format';
import { w } from '../i18n/lang';
import { pw } from '../i18n/page-words';
import { COLOURS, DASHES } from './colours';

const line = (colour: string, dash = '', width = 4) =>
  `<svg class="swatch" width="30" height="12" viewBox="0 0 30 12" aria-hidden="true" focusable="false">` +
  `<line x1="1" y1="6" x2="29" y2="6" stroke="#fff" stroke-width="${width + 3}"/>` +
  `<line x1="1" y1="6" x2="29" y2="6" stroke="${colour}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''}/></svg>`;
const dot = (fill: string, stroke: string, width = 1.5, dash = '') =>
  `<svg class="swatch" width="30" height="14" viewBox="0 0 30 14" aria-hidden="true" focusable="false">` +
  `<circle cx="15" cy="7" r="5.5" fill="${fill}" stroke="${stroke}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''}/></svg>`;
const shape = (kind: string, colour: string) =>
  `<span class="swatch marker-swatch" aria-hidden="true"><span class="shape shape-${kind}" style="background:${colour}"></span></span>`;
const row = (swatch: string, label: string) => `<li>${swatch}${label}</li>`;

/** What the legend explains: coverage colours only once there is a plan. */
export interface LegendState {
  planned: boolean;
  ringRadiusM: number | undefined;
  /** Main roads on the base layer. */
  roads: boolean;
}

/** The legend's rows in the page's language. */
function legendRows({ planned, ringRadiusM, roads }: LegendState): string[] {
  const m = w().legendItems;
  const villages = planned
    ? [
        row(dot(COLOURS.demandCovered, '#fff'), m.covered),
        row(dot('#fff', COLOURS.demandUncovered, 3), m.uncovered),
        row(dot(COLOURS.demandHome, '#fff', 2.5, '2 2'), m.home),
      ]
    : [row(dot(COLOURS.demandUnplanned, '#fff'), m.notPlanned)];
  return [
    ...villages,
    row(shape('box', COLOURS.box), m.box),
    row(shape('pickup-point', COLOURS.pickup), m.pickup),
    row(shape('hub', COLOURS.hub), m.hub),
    row(dot('none', COLOURS.candidate, 2, '2 2'), m.candidate),
    row(line(COLOURS.van[0]!), m.van),
    row(line(COLOURS.carrier[0]!, DASHES.carrier, 5), m.carrier),
    row(line(COLOURS.transport, DASHES.transport, 3), m.transport),
    ...(planned && ringRadiusM !== undefined
      ? [row(line(COLOURS.coverage, DASHES.coverage, 1.5), m.ring(formatKm(ringRadiusM)))]
      : []),
    ...(roads ? [row(line('#8d8d8d', '', 1.5), pw().mainRoad)] : []),
  ];
}

/**
 * The legend as a `<details>` control; `wasOpen` keeps it as the user left it. It starts open only
 * where the map is wide and tall enough for it not to cover the map (not on a tablet).
 */
export function legendControl(state: LegendState, wasOpen: boolean | undefined): L.Control {
  const control = new L.Control({ position: 'bottomleft' });
  control.onAdd = () => {
    const div = L.DomUtil.create('details', 'legend') as HTMLDetailsElement;
    div.open = wasOpen ?? (window.innerWidth >= 1200 && window.innerHeight >= 760);
    div.innerHTML = `<summary>${w().legend}</summary><ul>${legendRows(state).join('')}</ul>`;
    L.DomEvent.disableClickPropagation(div);
    return div;
  };
  return control;
}
