import type { StopTimes } from './feed';

/** For each trip, its stop_time rows in stop_sequence order (the file need not be sorted). */
export function rowsByTrip(st: StopTimes, tripCount: number): { start: Int32Array; rows: Int32Array } {
  const start = new Int32Array(tripCount + 1);
  for (let i = 0; i < st.count; i++) start[st.trip[i]! + 1]!++;
  for (let t = 0; t < tripCount; t++) start[t + 1]! += start[t]!;
  const next = start.slice(0, tripCount);
  const rows = new Int32Array(st.count);
  for (let i = 0; i < st.count; i++) rows[next[st.trip[i]!]!++] = i;
  for (let t = 0; t < tripCount; t++) {
    const from = start[t]!;
    const to = start[t + 1]!;
    let sorted = true;
    for (let k = from + 1; k < to && sorted; k++)
      sorted = st.sequence[rows[k]!]! >= st.sequence[rows[k - 1]!]!;
    if (!sorted) rows.subarray(from, to).sort((a, b) => st.sequence[a]! - st.sequence[b]!);
  }
  return { start, rows };
}

/** A trip's times with gaps (-1: the feed leaves them to be interpolated) filled in proportion to the stop count. */
export function filledTimes(times: number[]): number[] | undefined {
  const known = times.flatMap((t, i) => (t >= 0 ? [i] : []));
  if (known.length === 0) return undefined;
  const out = [...times];
  for (let i = 0; i < out.length; i++) {
    if (out[i]! >= 0) continue;
    const before = known.filter((k) => k < i).pop();
    const after = known.find((k) => k > i);
    if (before === undefined) out[i] = out[after!]!;
    else if (after === undefined) out[i] = out[before]!;
    else out[i] = Math.round(out[before]! + ((out[after]! - out[before]!) * (i - before)) / (after - before));
  }
  return out;
}
