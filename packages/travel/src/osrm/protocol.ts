import { z } from 'zod';
import { TravelError } from '../errors';

// Only the fields the client reads; OSRM adds more (hints, names, steps) that we pass over.
const Waypoint = z.object({ location: z.tuple([z.number(), z.number()]), distance: z.number() }).loose();

const Cell = z.number().nullable();

export const TableBody = z
  .object({
    code: z.literal('Ok'),
    durations: z.array(z.array(Cell)),
    distances: z.array(z.array(Cell)).optional(),
    sources: z.array(Waypoint).optional(),
    destinations: z.array(Waypoint).optional(),
  })
  .loose();
export type TableBody = z.infer<typeof TableBody>;

const Leg = z.object({ duration: z.number(), distance: z.number() }).loose();
const Route = z
  .object({
    duration: z.number(),
    distance: z.number(),
    legs: z.array(Leg),
    geometry: z.unknown().optional(),
  })
  .loose();

export const RouteBody = z
  .object({ code: z.literal('Ok'), routes: z.array(Route).min(1), waypoints: z.array(Waypoint) })
  .loose();
export type RouteBody = z.infer<typeof RouteBody>;

export const NearestBody = z
  .object({
    code: z.literal('Ok'),
    waypoints: z.array(Waypoint.extend({ nodes: z.array(z.number()).optional() }).loose()),
  })
  .loose();
export type NearestBody = z.infer<typeof NearestBody>;

export const TripBody = z
  .object({
    code: z.literal('Ok'),
    trips: z.array(Route).min(1),
    waypoints: z.array(Waypoint.extend({ waypoint_index: z.number(), trips_index: z.number() }).loose()),
  })
  .loose();

const ErrorBody = z.object({ code: z.string(), message: z.string().optional() }).loose();

export class OsrmError extends TravelError {
  constructor(
    readonly osrmCode: string,
    message: string,
    pointIndex?: number,
  ) {
    super(osrmCode === 'NoSegment' ? 'TooFarFromRoad' : 'BackendError', message, pointIndex);
    this.name = 'OsrmError';
  }
}

const EXPLAIN: Record<string, string> = {
  NoSegment: 'no road within the search radius',
  TooBig: 'the request has more coordinates than the server allows (osrm-routed --max-table-size)',
  InvalidValue: 'a coordinate or parameter value is out of range',
  InvalidOptions: 'the options do not fit the request',
  InvalidQuery: 'the query string is malformed',
  InvalidUrl: 'the URL is malformed',
  InvalidService: 'the server does not offer this service',
  InvalidVersion: 'the server does not speak this API version',
  NoRoute: 'no route between the points',
  NoTable: 'no table between the points',
  NoMatch: 'no match for the trace',
  NoTrips: 'no trip through the points',
};

/**
 * Turns an OSRM answer into its parsed body or an `OsrmError`. `pointIndexOf` maps a coordinate
 * index of this request back to the caller's point index, so that messages name the caller's point.
 */
export function parseAnswer<T>(
  schema: z.ZodType<T>,
  status: number,
  body: unknown,
  pointIndexOf: (requestIndex: number) => number = (k) => k,
): T {
  if (status === 200) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    const code = (body as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code !== 'Ok')
      return throwOsrm(code, (body as { message?: string }).message ?? '', pointIndexOf);
    throw new TravelError(
      'BackendError',
      `OSRM answered 200 with an unexpected body: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  }
  const error = ErrorBody.safeParse(body);
  if (!error.success)
    throw new TravelError('BackendError', `OSRM answered HTTP ${status} without an error code`);
  return throwOsrm(error.data.code, error.data.message ?? '', pointIndexOf);
}

function throwOsrm(code: string, message: string, pointIndexOf: (k: number) => number): never {
  const explained = EXPLAIN[code] ?? 'unknown OSRM error';
  const coordinate = /coordinate (\d+)/.exec(message);
  if (coordinate) {
    const pointIndex = pointIndexOf(Number(coordinate[1]));
    throw new OsrmError(code, `point ${pointIndex}: OSRM ${code}: ${explained} (${message})`, pointIndex);
  }
  throw new OsrmError(code, `OSRM ${code}: ${explained}${message ? ` (${message})` : ''}`);
}
