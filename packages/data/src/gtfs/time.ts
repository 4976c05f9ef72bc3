/** GTFS H:MM:SS or HH:MM:SS → seconds after the service day's noon-minus-12h; past 24:00:00 is kept. */
export function gtfsTimeS(text: string): number | undefined {
  const m = /^\s*(\d{1,3}):([0-5]\d):([0-5]\d)\s*$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

/** Seconds → HH:MM (minutes rounded down), keeping hours past 24. */
export function serviceTime(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
