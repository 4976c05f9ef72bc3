/**
 * Documents that must be refused, each with the path the message must name. Shared by the
 * model tests (in process) and the CLI tests (written to files and run through the command).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, unknown>;

export interface InvalidCase {
  name: string;
  /** The file's exact text. */
  text: string;
  /** Every one of these must appear as `path: …message…` in the answer. */
  expect: { path: string; message: RegExp }[];
}

const base = (): Json =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'tiny-scenario.json'), 'utf8'));

function mutated(mutate: (doc: Json & { [k: string]: any }) => void): string {
  const doc = base();
  mutate(doc as Json & { [k: string]: any });
  return JSON.stringify(doc, null, 2);
}

export const INVALID_CASES: InvalidCase[] = [
  {
    name: 'swapped coordinates',
    text: mutated((d) => (d.demand[1].location = [59.06, 15.95])),
    expect: [
      { path: 'demand[1].location', message: /looks like \[lat, lon\].*did you mean \[15\.95, 59\.06\]/ },
    ],
  },
  {
    name: 'latitude out of range',
    text: mutated((d) => (d.demand[0].location = [15.85, 95])),
    expect: [
      {
        path: 'demand[0].location[1]',
        message: /latitude 95 is outside -90\.\.90 \(coordinates are \[lon, lat\]\)/,
      },
    ],
  },
  {
    name: 'longitude out of range',
    text: mutated((d) => (d.candidateSites[0].location = [195, 59])),
    expect: [{ path: 'candidateSites[0].location[0]', message: /longitude 195 is outside -180\.\.180/ }],
  },
  {
    name: 'negative demand',
    text: mutated((d) => (d.demand[1].parcelsPerWeek = -5)),
    expect: [{ path: 'demand[1].parcelsPerWeek', message: /cannot be negative/ }],
  },
  {
    name: 'duplicate ids',
    text: mutated((d) => (d.candidateSites[0].id = 'd1')),
    expect: [{ path: 'candidateSites[0].id', message: /id "d1" is already used at demand\[0\]\.id/ }],
  },
  {
    name: 'dangling hub reference',
    text: mutated((d) => (d.vehicles[0].startHubId = 'hub-nowhere')),
    expect: [{ path: 'vehicles[0].startHubId', message: /no hub has id "hub-nowhere" \(hubs: "h1"\)/ }],
  },
  {
    name: 'dangling route stop',
    text: mutated((d) => (d.transportRoutes[0].stops[0].at = 'h9')),
    expect: [
      {
        path: 'transportRoutes[0].stops[0].at',
        message: /no hub, candidate site or pickup point has id "h9"/,
      },
    ],
  },
  {
    name: 'wrong types',
    text: mutated((d) => {
      d.demand[0].population = 'three hundred';
      d.policy.deliveriesPerWeek = '5';
    }),
    expect: [
      { path: 'demand[0].population', message: /expected number/ },
      { path: 'policy.deliveriesPerWeek', message: /expected number/ },
    ],
  },
  {
    name: 'misspelt field',
    text: mutated((d) => {
      d.demand[0].housholds = d.demand[0].population;
    }),
    expect: [{ path: 'demand[0].housholds', message: /unknown field; did you mean "households"\?/ }],
  },
  {
    name: 'point far outside the area',
    text: mutated((d) => (d.demand[0].location = [13.0, 55.6])),
    expect: [{ path: 'demand[0].location', message: /lies \d+\.\d km outside the scenario area/ }],
  },
  {
    name: 'two access limits',
    text: mutated((d) => (d.policy.maxAccessDurationMin = 10)),
    expect: [{ path: 'policy.maxAccessDistanceM', message: /exactly one access limit/ }],
  },
  {
    name: 'bad time of day',
    text: mutated((d) => (d.hubs[0].parcelsArriveAt = '7.00')),
    expect: [{ path: 'hubs[0].parcelsArriveAt', message: /HH:MM/ }],
  },
  {
    name: 'missing kind and unknown shape',
    text: JSON.stringify({ name: 'x', stops: [] }),
    expect: [{ path: '(document)', message: /cannot tell what this document is/ }],
  },
  {
    name: 'empty file',
    text: '',
    expect: [{ path: '(document)', message: /empty/ }],
  },
  {
    name: 'not JSON',
    text: '{\n  "kind": "scenario",\n  "name": oops\n}',
    expect: [{ path: '(document)', message: /not valid JSON at line 3/ }],
  },
  {
    name: 'JSON but not an object',
    text: '[1, 2, 3]',
    expect: [{ path: '(document)', message: /a document is a JSON object/ }],
  },
  {
    name: 'VROOM request with a repeated break id, a step of an unknown job and a bad index',
    text: JSON.stringify({
      vehicles: [{ id: 1, start_index: 0, breaks: [{ id: 1 }, { id: 1 }], steps: [{ type: 'job', id: 9 }] }],
      jobs: [{ id: 1, location_index: 5 }],
      matrices: {
        car: {
          durations: [
            [0, 1],
            [1, 0],
          ],
        },
      },
    }),
    expect: [
      {
        path: 'vehicles[0].breaks[1].id',
        message: /break id 1 is already used at vehicles\[0\]\.breaks\[0\]/,
      },
      { path: 'vehicles[0].steps[0]', message: /no job with id 9/ },
    ],
  },
  {
    name: 'VROOM request with an index outside the matrix',
    text: JSON.stringify({
      vehicles: [{ id: 1, start_index: 0 }],
      jobs: [
        { id: 1, location_index: 5 },
        { id: 1, location_index: 1 },
      ],
      matrices: {
        car: {
          durations: [
            [0, 1],
            [1, 0],
          ],
        },
      },
    }),
    expect: [
      { path: 'jobs[0].location_index', message: /index 5 is outside the 2×2 matrix/ },
      { path: 'jobs[1].id', message: /job id 1 is already used at jobs\[0\]\.id/ },
    ],
  },
];
