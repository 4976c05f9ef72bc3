/** Colours chosen to stay apart for the common colour-vision deficiencies (Okabe–Ito and Tol). */
export const COLOURS = {
  coveredBefore: '#6b8fb3',
  newlyCovered: '#1b9e77',
  notCovered: '#d95f02',
  homeDelivery: '#7570b3',
  unknown: '#999999',
  pickup: '#1f3a93',
  box: '#0b6e4f',
  candidate: '#8c8c8c',
  hub: '#222222',
  area: '#f4f1e8',
  areaStroke: '#8a7f62',
  ringBefore: '#6b8fb3',
  ringAfter: '#1b9e77',
  closureLoss: '#b2182b',
  baseRoad: '#cfc6ae',
} as const;

/** Van routes: one colour per vehicle and day. */
export const VAN_COLOURS = [
  '#0072b2',
  '#e69f00',
  '#cc79a7',
  '#009e73',
  '#56b4e9',
  '#d55e00',
  '#332288',
  '#882255',
  '#117733',
  '#aa4499',
];

/** Carrier routes are dashed and drawn from a second set so they never look like a van. */
export const CARRIER_COLOURS = ['#8b4513', '#6a3d9a', '#b15928', '#1f78b4', '#33a02c', '#e31a1c'];

/** Series colours for charts: cost and CO2 parts. */
export const SERIES_COLOURS = ['#4c72b0', '#8fb1d9', '#dd8452', '#55a868', '#c44e52', '#8172b3', '#937860'];

export function cycle(colours: readonly string[], index: number): string {
  return colours[index % colours.length] ?? '#000000';
}
