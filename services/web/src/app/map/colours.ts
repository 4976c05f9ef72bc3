/**
 * The map's colours, and the contrast arithmetic that checks them (WCAG 2.1: 1.4.11 non-text
 * contrast asks 3:1 for graphics that carry meaning). Every colour that marks something on the map
 * is checked against the map's own background and against white and a light tile colour (tiles
 * can be set under Settings); routes also get a white casing, so they stand out on dark tiles too.
 * Colour is never the only cue: vans are solid, existing transports dashed, unused transports
 * dotted; boxes are squares, parcel agents triangles, hubs diamonds; people outside the access
 * limit are hollow rings. test/colours.test.ts checks the numbers.
 */
export const COLOURS = {
  area: '#37474f',
  demandCovered: '#2e7d32',
  /** Before a plan: coverage is not known yet. */
  demandUnplanned: '#6b6b6b',
  demandUncovered: '#c62828',
  demandHome: '#6a1b9a',
  pickup: '#4a148c',
  candidate: '#546e7a',
  box: '#0b5cad',
  hub: '#111111',
  coverage: '#0b5cad',
  transport: '#757575',
  /** Van routes: solid lines in orange shades. */
  van: ['#d84315', '#a33a00', '#e65100', '#8a4b00', '#bf360c'],
  /** Existing transports carrying parcels (bus, library run, home care): dashed, teal shades. */
  carrier: ['#00796b', '#006064', '#00838f', '#00695c', '#00897b'],
};

/** Dash patterns: the second cue beside the colour (SVG stroke-dasharray). */
export const DASHES = {
  carrier: '12 6',
  transport: '2 6',
  coverage: '6 4',
};

/** Backgrounds the map's marks must stand out against: the map's own, white, a light OSM tile. */
export const MAP_BACKGROUNDS = { map: '#e8eef2', white: '#ffffff', tile: '#f2efe9' };

/** The focus ring of every control (style.css `--focus`). */
export const FOCUS = '#b45309';

/** Relative luminance of a #rrggbb colour (WCAG 2.1). */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
