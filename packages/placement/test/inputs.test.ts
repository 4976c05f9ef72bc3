import { ValidationError } from '@paketbygd/model';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  loadHighsSolver,
  parseOrLibraryPMedian,
  solvePlacementSync,
  type MipSolver,
  type PlacementInstance,
  type PlacementOptions,
} from '../src/index';

let mip: MipSolver;
beforeAll(async () => {
  mip = await loadHighsSolver();
});

const tiny = (overrides: Partial<PlacementInstance> = {}): PlacementInstance => ({
  demandIds: ['a', 'b', 'c'],
  weights: Float64Array.from([5, 3, 2]),
  siteIds: ['s1', 's2', 'pickup'],
  fixedOpen: Uint8Array.from([0, 0, 1]),
  siteCostPerYear: Float64Array.from([1000, 3000, 0]),
  distanceM: Float64Array.from([100, 900, 5000, 800, 200, 5000, 5000, 5000, 50]),
  ...overrides,
});

function problemsOf(inst: PlacementInstance, options: PlacementOptions): string[] {
  try {
    solvePlacementSync(inst, options, mip);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('expected a ValidationError');
}

describe('bad input gets a message that says what and where', () => {
  it('empty candidate list', () => {
    const inst = tiny({
      siteIds: ['pickup'],
      fixedOpen: Uint8Array.from([1]),
      siteCostPerYear: Float64Array.from([0]),
      distanceM: Float64Array.from([1, 2, 3]),
    });
    expect(problemsOf(inst, { model: 'pmedian', p: 1 }).join('\n')).toMatch(
      /^candidateSites: the list is empty/m,
    );
  });
  it('p larger than the candidate sites', () => {
    expect(problemsOf(tiny(), { model: 'pmedian', p: 3 }).join('\n')).toContain(
      'p: is 3, larger than the 2 candidate sites',
    );
  });
  it('a budget that buys no box names the cheapest site and its cost', () => {
    expect(problemsOf(tiny(), { model: 'coverage', radiusM: 500, budgetPerYear: 999 }).join('\n')).toContain(
      'budgetPerYear: 999 per year buys no box: the cheapest candidate site "s1" costs 1000 per year',
    );
  });
  it('coverage without an access limit, and neither p nor budget', () => {
    const text = problemsOf(tiny(), { model: 'coverage' }).join('\n');
    expect(text).toContain('radiusM: model "coverage" needs an access limit');
    expect(text).toContain('p: model "coverage" needs the number of boxes (p) or a yearly budget');
  });
  it('a distance that is not a number names the pair', () => {
    const d = tiny().distanceM.slice();
    d[4] = NaN;
    expect(problemsOf(tiny({ distanceM: d }), { model: 'pmedian', p: 1 }).join('\n')).toContain(
      'distanceM[1][1]: distance from demand "b" to site "s2" is NaN',
    );
  });
});

describe('existing pickup points', () => {
  it('are always open, cost nothing, count in coverage and are not among the new boxes', () => {
    const r = solvePlacementSync(tiny(), { model: 'coverage', p: 1, radiusM: 500 }, mip);
    // s1 covers a (5), pickup covers c (2): 7; s2 would cover b (3) + c: 5.
    expect(r.open).toEqual(['s1']);
    expect(r.objective).toBe(7);
    expect(r.coveredWeight).toBe(7);
    expect(r.costPerYear).toBe(1000);
    expect(r.assignedSite[2]).toBe(2);
  });
  it('with a budget, the cheaper useful site wins', () => {
    const r = solvePlacementSync(tiny(), { model: 'pmedian', budgetPerYear: 2000 }, mip);
    expect(r.open).toEqual(['s1']);
    expect(r.status).toBe('optimal');
    expect(r.objective).toBe(5 * 100 + 3 * 800 + 2 * 50);
  });
});

describe('OR-Library files', () => {
  it('a pair listed twice keeps its last cost, and distances are shortest paths', () => {
    const text = '3 3 1\n1 2 10\n2 3 5\n1 2 1\n';
    const parsed = parseOrLibraryPMedian(text);
    expect(Array.from(parsed.distance)).toEqual([0, 1, 6, 1, 0, 5, 6, 5, 0]);
    expect(parsed.p).toBe(1);
  });
  it('a broken file says where', () => {
    expect(() => parseOrLibraryPMedian('3 2 1\n1 2 4\n1 9 3\n', 'x.txt')).toThrow(
      /edge 2 \(line 3\) joins vertices 1 and 9; vertices are 1 … 3/,
    );
    expect(() => parseOrLibraryPMedian('3 1 1\n1 2 4\n', 'x.txt')).toThrow(/not connected/);
  });
});
