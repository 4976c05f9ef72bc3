/** GTFS H:MM:SS or HH:MM:SS → seconds after the service day's noon-minus-12h; past 24:00:00 is kept. */
export function gtfsTimeS(text: string): number | undefined {
  // Read by character codes: this runs once per stop_time, millions of times in a national feed.
  const t = text.trim();
  const colon = t.indexOf(':');
  if (colon < 1 || colon > 3 || t.length !== colon + 6 || t[colon + 3] !== ':') return undefined;
  const hours = digits(t, 0, colon);
  const minutes = digits(t, colon + 1, colon + 3);
  const seconds = digits(t, colon + 4, colon + 6);
  if (hours < 0 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) return undefined;
  return hours * 3600 + minutes * 60 + seconds;
}

/** The number written by the digits from..to, or -1 if one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Seconds → HH:MM (minutes rounded down), keeping hours past 24. */
export function serviceTime(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
