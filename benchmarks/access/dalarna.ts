/**
 * pnpm bench:access dalarna [--kommun 2085]
 *
 * Our access analysis against Region Dalarna's 2026 parcel study, on the real SCB 1 km grid and
 * the study's 236 service nodes: (1) each node's nearest other node and nearest node with another
 * carrier, against the study's own columns; (2) the kommun's population-weighted figures, with
 * the points of all Dalarna (people may cross a kommun border) and with the kommun's own points
 * only (what a one-kommun scenario holds), in straight lines and with the road detour factor.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Assumptions, Policy, type AccessAnalysis, type LonLat } from '@paketbygd/model';
import { analyseAccess, type AccessDemand, type AccessPoint } from '@paketbygd/planner';
import { DEFAULT_DETOUR_FACTOR, StraightLineTravel } from '@paketbygd/travel';
import { GEODATA } from '../travel/common';
import { machineLine } from '../placement/common';

type Row = Record<string, string>;
const csv = (file: string): Row[] =>
  parse(readFileSync(join(GEODATA, file), 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const code = arg('kommun', '2085');
const kommunName = csv('sweden/municipalities.csv').find(
  (m) => m.municipality_code === code,
)?.municipality_name_short;
if (!kommunName) throw new Error(`no kommun ${code} in sweden/municipalities.csv`);

const nodes = csv('dalarna/service-nodes-2026.csv').map((r) => ({
  id: `node-${r.kluster_id}`,
  name: r.nodnamn!,
  kommun: r.kommun!,
  location: [Number(r.lon), Number(r.lat)] as LonLat,
  carriers: r.aktorer!.split(';').map((c) => c.trim()),
  studyNearestKm: Number(r.narmaste_annan_nod_km),
  studyOtherCarrierKm: r.narmaste_nod_med_annan_aktor_km ? Number(r.narmaste_nod_med_annan_aktor_km) : null,
}));
const squares = csv('dalarna/population-1km-2025.csv').filter((r) => r.kommunkod === code);
const demand: AccessDemand[] = squares.map((r) => ({
  population: Number(r.befolkning_2025),
  population65Plus: Number(r.befolkning_65_plus_2025),
  parcelsPerWeek: 0,
}));
const squareAt: LonLat[] = squares.map((r) => [Number(r.lon), Number(r.lat)]);
const policy = Policy.parse({ maxAccessDistanceM: 5000, deliveriesPerWeek: 5 });

async function analyse(points: typeof nodes, detourFactor: number): Promise<AccessAnalysis> {
  const travel = new StraightLineTravel({ detourFactor });
  const at = points.map((p) => p.location);
  const toPoints = await travel.matrix(squareAt, at);
  const between = await travel.matrix(at);
  const accessPoints: AccessPoint[] = points.map((p) => ({
    id: p.id,
    name: p.name,
    carriers: p.carriers,
    newBox: false,
  }));
  return analyseAccess({
    policy,
    assumptions: Assumptions.parse({}),
    demand,
    points: accessPoints,
    distancesM: toPoints.distancesM,
    durationsS: toPoints.durationsS,
    pointDistancesM: between.distancesM,
  });
}

const km = (m: number | null | undefined) => (m === null || m === undefined ? '–' : (m / 1000).toFixed(2));
const pct = (s: number | null | undefined) =>
  s === null || s === undefined ? '–' : `${(s * 100).toFixed(1)} %`;

console.log(`# Access analysis against Region Dalarna's 2026 parcel study: ${kommunName} (${code})`);
console.log(machineLine());
const own = nodes.filter((n) => n.kommun === kommunName);
const people = demand.reduce((s, d) => s + d.population, 0);
console.log(
  `${squares.length} populated 1 km squares, ${people} people; ${own.length} of ${nodes.length} Dalarna nodes in ${kommunName}\n`,
);

const started = performance.now();
const allDalarna = await analyse(nodes, 1);
const ownOnly = await analyse(own, 1);
const ownRoad = await analyse(own, DEFAULT_DETOUR_FACTOR);
const elapsedMs = performance.now() - started;

// (1) Node level, against the study's columns.
const byId = new Map(allDalarna.closures.map((c) => [c.pickupId, c]));
const ownIds = new Map(ownOnly.closures.map((c) => [c.pickupId, c]));
const diffs = own.map((n) => {
  const ours = byId.get(n.id)!;
  const alone = ownIds.get(n.id)!;
  return {
    n,
    nearest: Math.abs(ours.nearestOtherPointM! / 1000 - n.studyNearestKm),
    other:
      n.studyOtherCarrierKm === null || ours.nearestOtherCarrierPointM === null
        ? n.studyOtherCarrierKm === null && ours.nearestOtherCarrierPointM === null
          ? 0
          : Infinity
        : Math.abs(ours.nearestOtherCarrierPointM / 1000 - n.studyOtherCarrierKm),
    ownDiffers:
      Math.abs(alone.nearestOtherPointM! / 1000 - n.studyNearestKm) > 0.01 ||
      Math.abs((alone.nearestOtherCarrierPointM ?? Infinity) / 1000 - (n.studyOtherCarrierKm ?? Infinity)) >
        0.01,
  };
});
const max = (xs: number[]) => Math.max(...xs);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
console.log(
  '## Node level: nearest other node, nearest node with another carrier (straight line, all Dalarna nodes)\n',
);
console.log('| | mean abs diff (km) | max abs diff (km) |');
console.log('|---|---:|---:|');
console.log(
  `| nearest other node | ${mean(diffs.map((d) => d.nearest)).toFixed(4)} | ${max(diffs.map((d) => d.nearest)).toFixed(4)} |`,
);
console.log(
  `| nearest node with another carrier | ${mean(diffs.map((d) => d.other)).toFixed(4)} | ${max(diffs.map((d) => d.other)).toFixed(4)} |`,
);
// The same for all 236 nodes of Dalarna. Great-circle distance (ours) and distance in the
// SWEREF 99 TM plane (the study's) differ by a fraction of a percent, so the test is relative.
const relativeDiffs = (column: 'near' | 'other') =>
  nodes.flatMap((n) => {
    const ours = byId.get(n.id)!;
    const mine = column === 'near' ? ours.nearestOtherPointM : ours.nearestOtherCarrierPointM;
    const theirs = column === 'near' ? n.studyNearestKm : n.studyOtherCarrierKm;
    if (mine === null || theirs === null) return [mine === theirs ? 0 : Infinity];
    return [Math.abs(mine / 1000 - theirs) / Math.max(theirs, 0.001)];
  });
for (const [label, column] of [
  ['nearest other node', 'near'],
  ['nearest node with another carrier', 'other'],
] as const) {
  const rel = relativeDiffs(column);
  console.log(
    `All ${nodes.length} Dalarna nodes, ${label}: ${rel.filter((r) => r <= 0.005).length} within 0.5 % of the study's, largest relative difference ${(max(rel) * 100).toFixed(2)} %`,
  );
}
console.log();
const border = diffs.filter((d) => d.ownDiffers).map((d) => d.n.name);
console.log(
  `\nWith ${kommunName}'s own nodes only, ${border.length} of ${own.length} nodes get another answer (their nearest lies in a neighbouring kommun): ${border.join(', ') || 'none'}\n`,
);

// (2) Population-weighted figures.
console.log(`## Population-weighted, ${people} people on the SCB grid 2025\n`);
const states: [string, AccessAnalysis][] = [
  ['all Dalarna nodes, straight line', allDalarna],
  [`${kommunName}'s nodes, straight line`, ownOnly],
  [`${kommunName}'s nodes, road factor ${DEFAULT_DETOUR_FACTOR}`, ownRoad],
];
console.log(`| measure | ${states.map(([h]) => h).join(' | ')} |`);
console.log(`|---|${states.map(() => '---:').join('|')}|`);
const line = (label: string, f: (a: AccessAnalysis) => string) =>
  console.log(`| ${label} | ${states.map(([, a]) => f(a)).join(' | ')} |`);
line('mean km to nearest', (a) => km(a.nearest.meanM));
line('mean km to second nearest', (a) => km(a.secondNearest.meanM));
line('mean km to nearest other carrier', (a) => km(a.nearestOtherCarrier.meanM));
line('mean km to nearest, 65+', (a) => km(a.nearest65Plus?.meanM));
for (const [b, band] of allDalarna.within.entries()) {
  line(`within ${band.distanceM / 1000} km`, (a) => pct(a.within[b]!.populationShare));
  line(`within ${band.distanceM / 1000} km, 65+`, (a) => pct(a.within[b]!.population65PlusShare));
}
console.log(
  `\n## If this point closes (${kommunName}'s nodes, straight line, 5 km limit): the five largest losses\n`,
);
console.log('| node | carriers | people for whom nearest | lose 5 km | of them 65+ |');
console.log('|---|---|---:|---:|---:|');
for (const c of ownOnly.closures.slice(0, 5))
  console.log(
    `| ${c.name} | ${c.carriers.join(', ')} | ${Math.round(c.peopleServed)} | ${Math.round(c.peopleLosingAccess)} | ${Math.round(c.people65PlusLosingAccess ?? 0)} |`,
  );
console.log(`\nthree analyses in ${elapsedMs.toFixed(0)} ms`);
