import { CommanderError } from 'commander';
import { ValidationError, problemToString, type Scenario } from '@paketbygd/model';
import { indexPlaces } from '@paketbygd/planner';
import { TravelError } from '@paketbygd/travel';

/** A failure the user can fix; the CLI prints its message and exits with `exitCode`, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CliError';
  }
}

/** The name of a point of the planner's travel matrix: demand, pickup points, sites, hubs, then route stops. */
export function travelPointName(scenario: Scenario, pointIndex: number): string {
  const places = indexPlaces(scenario);
  const named = (
    [
      ['demand point', scenario.demand, places.demand],
      ['pickup point', scenario.pickupPoints, places.pickupPoints],
      ['candidate site', scenario.candidateSites, places.sites],
      ['hub', scenario.hubs, places.hubs],
    ] as const
  ).flatMap(([what, list, indexes]) =>
    indexes.flatMap((index, k) => {
      const place = list[k] as { id: string; name?: string } | undefined;
      return index === pointIndex && place ? [`${what} "${place.name ?? place.id}" (${place.id})`] : [];
    }),
  );
  if (named[0]) return named[0];
  for (const [r, stops] of places.routeStops.entries()) {
    const s = stops.indexOf(pointIndex);
    if (s >= 0)
      return `stop ${s + 1} of transport route "${scenario.transportRoutes[r]?.name ?? scenario.transportRoutes[r]?.id}"`;
  }
  return `point ${pointIndex}`;
}

const TRAVEL_FIXES: Record<TravelError['code'], string> = {
  TooFarFromRoad:
    'give an OpenStreetMap extract that covers the whole scenario (--osm FILE), move the point onto the map, or plan with --travel straightline',
  NoRoute:
    'the point is on a road not connected to the others in the extract: use a larger extract, or --travel straightline',
  BackendUnavailable:
    'start OSRM (see infra/README.md), give its address with --osrm-url, or plan with --travel straightline',
  BackendError: 'check the OSRM server and its data, or plan with --travel straightline',
  MapData:
    'give an .osm.pbf, .osm or .osm.gz file that exists (--osm FILE), or plan with --travel straightline',
  InvalidPoint: 'correct the position in the scenario ([lon, lat])',
};

/**
 * A travel backend's failure as a message that names the point and says how to fix it. With
 * `sharedOnly` (a comparison, whose entries differ after the demand and pickup points), only
 * those points are named.
 */
export function explainTravelError(error: unknown, scenario: Scenario, sharedOnly = false): unknown {
  if (!(error instanceof TravelError)) return error;
  const i = error.pointIndex;
  const shared = scenario.demand.length + scenario.pickupPoints.length;
  const where =
    i === undefined
      ? ''
      : sharedOnly && i >= shared
        ? `a box site, hub or route stop of one entry (point ${i}): `
        : `${travelPointName(scenario, i)}: `;
  // The backend's own message starts with "point N: "; the name says it better.
  const message = error.message.replace(/^point \d+: /, '');
  return new CliError(
    `travel (${scenario.travel.backend}): ${where}${message}\n  fix: ${TRAVEL_FIXES[error.code]}`,
    1,
    { cause: error },
  );
}

function stackOf(error: unknown): string {
  const lines: string[] = [];
  let e: unknown = error;
  while (e instanceof Error) {
    lines.push(e.stack ?? String(e));
    e = e.cause;
  }
  return lines.join('\ncaused by: ');
}

/** Prints an error the way the CLI promises: what and where, never a stack trace unless --debug. Returns the exit code. */
export function reportError(error: unknown, debug: boolean, write: (text: string) => void): number {
  let code: number;
  if (error instanceof CommanderError) {
    // --help and --version end here with code 0; usage errors were already printed by commander.
    return error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof ValidationError) {
    write(`${error.what} is not valid:\n`);
    for (const problem of error.problems) write(`  ${problemToString(problem)}\n`);
    code = 1;
  } else if (error instanceof CliError) {
    write(`paketbygd: ${error.message}\n`);
    code = error.exitCode;
  } else {
    write(
      `paketbygd: unexpected error: ${error instanceof Error ? error.message : String(error)}${debug ? '' : ' (run again with --debug for the stack trace)'}\n`,
    );
    code = 70;
  }
  if (debug && error instanceof Error) write(`${stackOf(error)}\n`);
  return code;
}
