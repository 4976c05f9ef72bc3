import type { BreakSpec, ModelSpec } from '../spec';

/**
 * The vehicles' breaks as flat arrays. Vehicle v's breaks are b = offset[v] .. offset[v + 1] - 1,
 * sorted by the start of their first window (the order a route takes them in); break b's windows
 * are windowOffset[b] .. windowOffset[b + 1] - 1.
 */
export interface Breaks {
  count: number;
  offset: Int32Array;
  id: Int32Array;
  serviceS: Float64Array;
  /** Largest load during the break, per dimension (Infinity: no limit): maxLoad[b * dims + d]. */
  maxLoad: Float64Array;
  windowOffset: Int32Array;
  windowStartS: Float64Array;
  windowEndS: Float64Array;
}

/** A break without windows may start at any time. */
const ANY_TIME: [number, number] = [-Infinity, Infinity];

export function buildBreaks(spec: ModelSpec): Breaks {
  const dims = spec.dims;
  const sorted: BreakSpec[][] = spec.vehicles.map((v) =>
    [...(v.breaks ?? [])].sort(
      (a, b) => (a.timeWindowsS[0]?.[0] ?? -Infinity) - (b.timeWindowsS[0]?.[0] ?? -Infinity),
    ),
  );
  const all = sorted.flat();
  const windows = all.map((b) => (b.timeWindowsS.length > 0 ? b.timeWindowsS : [ANY_TIME]));
  const nWindows = windows.reduce((n, w) => n + w.length, 0);
  const out: Breaks = {
    count: all.length,
    offset: new Int32Array(spec.vehicles.length + 1),
    id: new Int32Array(all.length),
    serviceS: new Float64Array(all.length),
    maxLoad: new Float64Array(all.length * dims).fill(Infinity),
    windowOffset: new Int32Array(all.length + 1),
    windowStartS: new Float64Array(nWindows),
    windowEndS: new Float64Array(nWindows),
  };
  sorted.forEach((list, v) => (out.offset[v + 1] = out.offset[v]! + list.length));
  let w = 0;
  all.forEach((b, k) => {
    out.id[k] = b.id;
    out.serviceS[k] = b.serviceS;
    b.maxLoad?.forEach((x, d) => (out.maxLoad[k * dims + d] = x));
    out.windowOffset[k] = w;
    for (const [start, end] of windows[k]!) {
      out.windowStartS[w] = start;
      out.windowEndS[w++] = end;
    }
  });
  out.windowOffset[all.length] = w;
  return out;
}

/** Whether vehicle v has breaks to take. */
export function hasBreaks(breaks: Breaks, v: number): boolean {
  return breaks.offset[v + 1]! > breaks.offset[v]!;
}

/** Earliest start of break b when ready at `readyS`, or Infinity when every window has closed. */
export function breakStart(breaks: Breaks, b: number, readyS: number): number {
  for (let w = breaks.windowOffset[b]!; w < breaks.windowOffset[b + 1]!; w++) {
    if (readyS <= breaks.windowEndS[w]!) return Math.max(readyS, breaks.windowStartS[w]!);
  }
  return Infinity;
}
