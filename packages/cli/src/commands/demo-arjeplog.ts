import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from '@paketbygd/model';
import { formatMoney, formatNumber, shortDays, t, withLang, type Lang } from '@paketbygd/report';
import { plainSpaces } from '../text-columns';
import { runPlan } from './plan';

const SCENARIO = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'arjeplog', 'scenario.json');

function readPlan(dir: string): Plan {
  return JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as Plan;
}

type Filling = Plan['boxes'][number]['filledBy'];

/** The departures that take a box's parcels, with the transfer that brings them to the stop where they leave. */
function departuresText(f: Extract<Filling, { kind: 'carrier' }>): string {
  const m = t().cli;
  const texts = (f.departures ?? []).map((d) => {
    const leaves = m.leaves(d.departureId, d.transfer?.stopName ?? '', d.leavesAt, d.arrivesAt);
    if (!d.transfer) return leaves;
    return `${leaves}; ${m.transferFrom(d.transfer.fromDepartureId, d.transfer.stopName, d.transfer.fromArrivesAt)}`;
  });
  return [...new Set(texts)].join('; ');
}

/** Which departure fills each box, as lines of text in the language. */
export function boxFillingLines(
  plan: Plan,
  routeNames: ReadonlyMap<string, string>,
  lang: Lang = 'en',
): string[] {
  return withLang(lang, () => {
    const m = t().cli;
    return plan.boxes.map((b) => {
      const f = b.filledBy;
      const name = m.boxParcels(b.name ?? b.siteId, formatNumber(b.parcelsPerWeek));
      if (f.kind !== 'carrier')
        return `  ${name}: ${f.kind === 'van' ? m.byVan(f.vehicleId) : m.unfilled(f.reason)}`;
      const carrier = m.carrierOn(
        routeNames.get(f.routeId) ?? f.routeId,
        shortDays(f.days ?? []),
        departuresText(f),
      );
      return `  ${name}: ${carrier}${f.vanDays ? `, ${m.vanOn(shortDays(f.vanDays))}` : ''}`;
    });
  });
}

/**
 * The Arjeplog example (init + the Norrbotten GTFS feed): planned with the bus departures and with
 * vans alone (the same boxes), so that the cost of each can be put side by side.
 */
export async function runArjeplogDemo(
  out: string,
  quiet: boolean,
  lang: Lang,
): Promise<{ report: string; lines: string[] }> {
  const withBuses = await runPlan(SCENARIO, {
    out: join(out, 'arjeplog'),
    timeLimit: '20',
    seed: '1',
    quiet,
    lang,
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
    (await runPlan(vansAloneFile, { out: vansAloneDir, timeLimit: '20', seed: '1', quiet: true, lang })).dir,
  );
  const ids = (p: Plan) =>
    p.boxes
      .map((b) => b.siteId)
      .sort()
      .join();
  const sameBoxes = ids(alone) === ids(buses);
  const cost = (p: Plan) => formatMoney(p.kpis.after.costPerWeek.total, p.currency, 0, lang);
  const m = t(lang).cli;
  return {
    report: withBuses.report,
    lines: [
      m.arjeplogTitle,
      ...boxFillingLines(buses, routeNames, lang),
      `  ${m.arjeplogCost(cost(buses), cost(alone), sameBoxes, alone.boxes.length, alone.vanRoutes.length)}`,
    ].map(plainSpaces),
  };
}
