import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Scenario } from '@paketbygd/model';
import { StraightLineTravel } from '@paketbygd/travel';
import { analyseScenarioAccess, plan, planToGeoJSON } from '../src';

const root = join(import.meta.dirname, '..', '..', '..');
const tiny = Scenario.parse(
  JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'tiny-scenario.json'), 'utf8')),
);

describe('the access analysis in a plan', () => {
  it("gives today's figures as the analysis alone does, and after them today's points with the boxes", async () => {
    const travel = new StraightLineTravel();
    const p = await plan(tiny, { travel, timeLimitS: 2 });
    const alone = await analyseScenarioAccess(tiny, { travel });
    expect(p.accessAnalysis).toBeDefined();
    const { before, after } = p.accessAnalysis!;
    expect(before).toEqual(alone.analysis);
    expect(before.nearest.meanM).toBeCloseTo(p.kpis.before.access.meanAccessDistanceM, 6);
    expect(after.pickupPointCount).toBe(tiny.pickupPoints.length + p.boxes.length);
    expect(p.boxes.length).toBeGreaterThan(0);
    expect(after.nearest.meanM!).toBeLessThan(before.nearest.meanM!);
    const boxRows = after.closures.filter((c) => c.newBox).map((c) => c.pickupId);
    expect(boxRows.sort()).toEqual(p.boxes.map((b) => b.siteId).sort());
    // The one agent today: closing it leaves the people it keeps within 5 km without a point.
    const agent = before.closures[0]!;
    expect(agent.peopleLeftWithoutPoint).toBe(before.population);
    const feature = planToGeoJSON(tiny, p).features.find((f) => f.properties.kind === 'pickup-point')!;
    expect(feature.properties.peopleLosingAccessIfClosed).toBe(agent.peopleLosingAccess);
    expect(feature.properties.extraHouseholdKmPerWeekIfClosed).toBe(agent.extraHouseholdKmPerWeek);
  });
});
