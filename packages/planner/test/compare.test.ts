import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Bid, Scenario, Scoring, ScoringDocument } from '@paketbygd/model';
import { compare } from '../src';

const examples = join(import.meta.dirname, '..', '..', '..', 'examples');
const read = (file: string) => JSON.parse(readFileSync(join(examples, file), 'utf8'));
const scenario = Scenario.parse(read('vingaker/scenario.json'));
const bids = ['nordbox-vans', 'bygden-existing-transport', 'regionbuss-bus-line'].map((b) =>
  Bid.parse(read(`bids/${b}.json`)),
);
const scoring = ScoringDocument.parse(read('bids/scoring.json'));
const now = new Date('2026-11-23T12:00:00Z');

describe('compare: the three Vingåker bids', () => {
  it('evaluates every bid on the same demand, scores and explains them, and tests the ranking', async () => {
    const c = await compare({ scenario, bids, scoring }, { timeLimitS: 3, now });
    expect(c.entries.map((e) => e.id)).toEqual(['baseline', 'nordbox', 'bygden', 'regionbuss']);
    for (const e of c.entries)
      expect(e.kpis.parcelsPerWeek).toBeCloseTo(c.entries[0]!.kpis.parcelsPerWeek, 6);
    // Each bid opens exactly its own boxes.
    bids.forEach((bid) => {
      expect(c.entries.find((e) => e.id === bid.id)!.boxSiteIds.sort()).toEqual(
        bid.sites.map((s) => s.siteId).sort(),
      );
    });
    // A bid's price is its own: investment over the contract, the yearly fee and the parcel fees.
    const bygden = c.entries.find((e) => e.id === 'bygden')!;
    const handled = bygden.kpis.parcelsInBoxesPerWeek + bygden.kpis.parcelsHomeDeliveredPerWeek;
    expect(bygden.measures.price_per_year).toBeCloseTo(300_000 / 4 + 90_000 + 6 * handled * 52, 6);
    const scores = c.scoring!.scores;
    expect(scores.map((s) => s.id).sort()).toEqual(['bygden', 'nordbox', 'regionbuss']);
    expect(scores[0]!.rank).toBe(1);
    for (const s of scores) {
      expect(s.criteria).toHaveLength(scoring.criteria.length);
      expect(s.total).toBeCloseTo(
        s.criteria.reduce((sum, x) => sum + x.contribution, 0),
        9,
      );
    }
    expect(c.scoring!.sensitivity.map((s) => s.what)).toEqual(
      expect.arrayContaining(['demand −30 %', 'demand +30 %']),
    );
    expect(c.scoring!.sensitivity).toHaveLength(scoring.criteria.length * 2 + 2);
    expect(c.warnings.join('\n')).toMatch(/costs are the bid's prices/);
  });

  it('an absolute model ranks the same whatever the order of the bids', async () => {
    const options = { timeLimitS: 2, now, demandSensitivity: false };
    const forward = await compare({ scenario, bids, scoring }, options);
    const backward = await compare({ scenario, bids: [...bids].reverse(), scoring }, options);
    expect(backward.scoring!.scores.map((s) => [s.id, s.rank, s.total])).toEqual(
      forward.scoring!.scores.map((s) => [s.id, s.rank, expect.closeTo(s.total, 9)]),
    );
  });

  it('a relative model says that rankings can flip', async () => {
    const { kind: _kind, name: _name, note: _note, ...fields } = scoring;
    const relative = Scoring.parse({ ...fields, model: 'relative' });
    const c = await compare(
      { scenario, bids, scoring: relative },
      { timeLimitS: 2, now, demandSensitivity: false },
    );
    expect(c.warnings.join('\n')).toMatch(/can change which bid wins/);
  });
});

describe('compare: scenario variants', () => {
  it('plans each variant with its policy', async () => {
    const c = await compare(
      {
        scenario,
        variants: [
          { name: 'Two boxes', policy: { maxBoxes: 2 } },
          { name: 'No transports', policy: { useExistingTransports: false } },
        ],
      },
      { timeLimitS: 2, now },
    );
    expect(c.entries.map((e) => [e.id, e.kind])).toEqual([
      ['baseline', 'baseline'],
      ['variant-1', 'variant'],
      ['variant-2', 'variant'],
    ]);
    expect(c.entries[1]!.boxSiteIds.length).toBeLessThanOrEqual(2);
    expect(c.entries[2]!.kpis.costPerWeek.carriers).toBe(0);
    expect(c.scoring).toBeUndefined();
  });

  it('a variant whose policy is invalid is refused with its path', async () => {
    await expect(
      compare(
        { scenario, variants: [{ name: 'Bad', policy: { deliveriesPerWeek: 9 } }] },
        { timeLimitS: 1, now },
      ),
    ).rejects.toMatchObject({
      problems: [expect.objectContaining({ path: 'variants[0].policy.deliveriesPerWeek' })],
    });
  });
});

describe('compare: problems inside an entry', () => {
  it('a variant whose policy the placement cannot meet is named with its path in the request', async () => {
    await expect(
      compare(
        { scenario, variants: [{ name: 'Tiny budget', policy: { budgetPerYear: 10 } }] },
        { timeLimitS: 1, now },
      ),
    ).rejects.toMatchObject({
      problems: [
        expect.objectContaining({
          path: 'variants[0].policy.budgetPerYear',
          message: expect.stringMatching(/buys no box/),
        }),
      ],
    });
  });
});
