import { z } from 'zod';

/** An identifier chosen by the user: letters, digits, `_ - . :` (no spaces, so it survives CSV and URLs). */
export const Id = z
  .string()
  .min(1, 'an id cannot be empty')
  .max(128, 'an id is at most 128 characters')
  .regex(/^[A-Za-z0-9_.:-]+$/, 'an id may hold only letters, digits and _ - . :');
export type Id = z.infer<typeof Id>;

const coordinate = (what: 'longitude' | 'latitude', limit: number) =>
  z
    .number({ error: (iss) => (iss.input === undefined ? `${what} is missing` : `${what} must be a number`) })
    .min(-limit, {
      error: (iss) =>
        `${what} ${String(iss.input)} is outside -${limit}..${limit} (coordinates are [lon, lat])`,
    })
    .max(limit, {
      error: (iss) =>
        `${what} ${String(iss.input)} is outside -${limit}..${limit} (coordinates are [lon, lat])`,
    });

/**
 * A WGS84 position in GeoJSON order: `[lon, lat]`. The messages say which half is wrong,
 * because swapped pairs are the commonest mistake in hand-written scenario files.
 */
export const LonLat = z.tuple([coordinate('longitude', 180), coordinate('latitude', 90)], {
  error: (iss) =>
    iss.code === 'invalid_type'
      ? 'a position must be an array [lon, lat]'
      : 'a position has exactly two numbers: [lon, lat]',
});
export type LonLat = z.infer<typeof LonLat>;

/** Clock time of day, 24-hour `HH:MM`. */
export const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day is written HH:MM, 24-hour (for example 07:30)');
export type ClockTime = z.infer<typeof ClockTime>;

export function clockTimeToS(time: ClockTime): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 3600 + m * 60;
}

/**
 * Seconds after midnight as `HH:MM`, the minutes rounded: the inverse of `clockTimeToS`. Hours
 * past midnight go on counting (a run that ends after midnight shows 24:10) unless `wrap` asks
 * for a time of day (00:10), as a `ClockTime` field needs.
 */
export function sToClockTime(seconds: number, { wrap = false }: { wrap?: boolean } = {}): string {
  const minutes = Math.round(seconds / 60);
  const hours = Math.floor(minutes / 60);
  return `${String(wrap ? hours % 24 : hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], {
  error: 'a day is one of mon, tue, wed, thu, fri, sat, sun',
});
export type Weekday = z.infer<typeof Weekday>;
export const WEEKDAYS = Weekday.options;

/** A non-negative amount of money in the document's currency. */
export const Money = z.number().nonnegative('an amount of money cannot be negative');

export const NonNegative = z.number().nonnegative('cannot be negative');
export const Positive = z.number().positive('must be greater than 0');
export const NonNegativeInt = z.number().int('must be a whole number').nonnegative('cannot be negative');
export const PositiveInt = z.number().int('must be a whole number').positive('must be at least 1');
export const Share = z.number().min(0, 'a share is between 0 and 1').max(1, 'a share is between 0 and 1');

/** ISO 4217 code such as SEK or EUR. */
export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'a currency is a three-letter ISO 4217 code such as SEK');

/** A time window `[open, close]` of clock times. */
export const ClockWindow = z
  .tuple([ClockTime, ClockTime])
  .refine(([a, b]) => clockTimeToS(a) < clockTimeToS(b), 'a window opens before it closes: [open, close]');

/** Opening hours per weekday; a missing day is closed. */
export const OpeningHours = z.partialRecord(Weekday, z.array(ClockWindow));
export type OpeningHours = z.infer<typeof OpeningHours>;

const LinearRing = z
  .array(LonLat)
  .min(4, 'a polygon ring needs at least 4 positions (the first repeated at the end)')
  .refine((ring) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  }, 'a polygon ring must end where it starts (RFC 7946 §3.1.6)');

export const PolygonGeometry = z
  .object({
    type: z.literal('Polygon'),
    coordinates: z.array(LinearRing).min(1),
    bbox: z.array(z.number()).optional(),
  })
  .strict();
export const MultiPolygonGeometry = z
  .object({
    type: z.literal('MultiPolygon'),
    coordinates: z.array(z.array(LinearRing).min(1)).min(1),
    bbox: z.array(z.number()).optional(),
  })
  .strict();
export const AreaGeometry = z.discriminatedUnion('type', [PolygonGeometry, MultiPolygonGeometry], {
  error: 'the area is a GeoJSON geometry of type "Polygon" or "MultiPolygon"',
});
export type AreaGeometry = z.infer<typeof AreaGeometry>;

/** A reference to a public source, so that every number in a scenario can be traced. */
export const Source = z
  .object({
    title: z.string().min(1),
    url: z.string().optional(),
    license: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();
export type Source = z.infer<typeof Source>;

/** A parameter of a coded message: an id, a figure, or a list of them (never a display sentence). */
export const MessageParam = z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))]);
export type MessageParam = z.infer<typeof MessageParam>;

/** The languages the reports, the page, the CLI's output and `init`'s generated names are written in. */
export const LANGS = ['sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];
