import { describe, expect, it } from 'vitest';
import { COLOURS, DASHES, FOCUS, MAP_BACKGROUNDS, contrast } from '../src/app/map/colours';

/**
 * WCAG 2.1 1.4.11 (non-text contrast, AA): the map's meaningful marks need 3:1 against what is
 * behind them. axe-core does not check graphics, so the palette is checked here; the browser test
 * checks that the page draws with it.
 */
describe('map colours', () => {
  const marks: [string, string][] = [
    ['area', COLOURS.area],
    ['village within the limit', COLOURS.demandCovered],
    ['village before a plan', COLOURS.demandUnplanned],
    ['village outside the limit', COLOURS.demandUncovered],
    ['village with home delivery', COLOURS.demandHome],
    ['parcel agent', COLOURS.pickup],
    ['candidate site', COLOURS.candidate],
    ['box', COLOURS.box],
    ['hub', COLOURS.hub],
    ['coverage ring', COLOURS.coverage],
    ['unused transport', COLOURS.transport],
    ...COLOURS.van.map((c, i): [string, string] => [`van route ${i + 1}`, c]),
    ...COLOURS.carrier.map((c, i): [string, string] => [`existing transport ${i + 1}`, c]),
    ['focus ring', FOCUS],
  ];

  it.each(Object.entries(MAP_BACKGROUNDS))('every mark has 3:1 against the %s background', (_, bg) => {
    const low = marks.filter(([, c]) => contrast(c, bg) < 3).map(([what, c]) => `${what} ${c}`);
    expect(low).toEqual([]);
  });

  it('computes contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#0b5cad', '#0b5cad')).toBe(1);
  });

  it('lines carry a second cue besides colour: vans solid, transports dashed or dotted', () => {
    const patterns = [DASHES.carrier, DASHES.transport, DASHES.coverage];
    expect(new Set(patterns).size).toBe(patterns.length);
    expect(patterns.every((p) => /^\d+ \d+$/.test(p))).toBe(true);
    // Van routes and existing transports are told apart by hue family too (orange against teal).
    const hue = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [
        number,
        number,
        number,
      ];
      const max = Math.max(r, g, b);
      const d = max - Math.min(r, g, b);
      const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      return (h * 60 + 360) % 360;
    };
    expect(COLOURS.van.every((c) => hue(c) < 45)).toBe(true);
    expect(COLOURS.carrier.every((c) => hue(c) > 160 && hue(c) < 200)).toBe(true);
  });
});
