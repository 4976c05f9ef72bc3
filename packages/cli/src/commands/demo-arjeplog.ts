import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from '@paketbygd/model';
import { runPlan } from './plan';

const SCENARIO = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'arjeplog', 'scenario.json');

function readPlan(dir: string): Plan {
  return JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as Plan;
}

/** Which departure fills each box, as lines of text. */
export function boxFillingLines(plan: Plan, routeNames: ReadonlyMap<string, string>): string[] {
  return plan.boxes.map((b) => {
    const f = b.filledBy;
    const name = `${b.name ?? b.siteId} (${b.parcelsPerWeek.toFixed(0)} parcels a week)`;
    if (f.kind !== 'carrier')
      return `  ${name}: ${f.kind === 'van' ? `by van (${f.vehicleId})` : `unfilled, ${f.reason}`}`;
    const departures = [
      ...new Set(
        (f.departures ?? []).map(
          (d) =>
            `${d.departureId} leaves ${d.transfer ? `${d.transfer.stopName} ` : ''}${d.leavesAt}, at the box ${d.arrivesAt}${d.transfer ? `; parcels from ${d.transfer.fromDepartureId}, at ${d.transfer.stopName} ${d.transfer.fromArrivesAt}` : ''}`,
        ),
      ),
    ];
    return `  ${name}: ${routeNames.get(f.routeId) ?? f.routeId} on ${(f.days ?? []).join(' ')} (${departures.join('; ')})${f.vanDays ? `, van on ${f.vanDays.join(' ')}` : ''}`;
  });
}

/**
 * The Arjeplog example (init + the Norrbotten GTFS feed): planned with the bus departures and with
 * vans alone (the same boxes), so that the cost of each can be put side by side.
 */
export async function runArjeplogDemo(
  out: string,
  quiet: boolean,
): Promise<{ report: string; lines: string[] }> {
  const withBuses = await runPlan(SCENARIO, {
    out: join(out, 'arjeplog'),
    timeLimit: '20',
    seed: '1',
    quiet,
  });
  const buses = readPlan(withBuses.dir);
  const scenario = JSON.parse(readFileSync(SCENARIO, 'utf8')) as {
    policy: Record<string, unknown>;
    transportRoutes: { id: string; name?: string }[];
  };
  const routeNames = new Map(scenario.transportRoutes.map((r) => [r.id, r.name ?? r.id]));
  const vansAloneDir = join(out, 'arjeplog-vans-alone');
  mkdirSync(vansAloneDir, { recursive: true });
  const vansAloneFile = join(vansAloneDir, 'scenario.json');
  writeFileSync(
    vansAloneFile,
    JSON.stringify({ ...scenario, policy: { ...scenario.policy, useExistingTransports: false } }),
  );
  const alone = readPlan(
    (await runPlan(vansAloneFile, { out: vansAloneDir, timeLimit: '20', seed: '1', quiet: true })).dir,
  );
  const ids = (p: Plan) =>
    p.boxes
      .map((b) => b.siteId)
      .sort()
      .join();
  const sameBoxes = ids(alone) === ids(buses);
  const cost = (p: Plan) =>
    `${Math.round(p.kpis.after.costPerWeek.total).toLocaleString('en')} ${p.currency}`;
  return {
    report: withBuses.report,
    lines: [
      'Arjeplog (init + Länstrafiken Norrbotten GTFS, week 2023-W03): which departures fill the boxes',
      ...boxFillingLines(buses, routeNames),
      `  cost a week: ${cost(buses)} with the bus departures, ${cost(alone)} with vans alone (${sameBoxes ? 'the same' : 'other'} ${alone.boxes.length} boxes, ${alone.vanRoutes.length} van routes a week)`,
    ],
  };
}
