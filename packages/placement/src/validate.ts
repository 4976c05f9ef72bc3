import { ValidationError, type Problem } from '@paketbygd/model';
import type { PlacementInstance, PlacementOptions } from './types';

/** Checks an instance and its options; throws a ValidationError that lists every problem. */
export function validatePlacement(inst: PlacementInstance, options: PlacementOptions): void {
  const problems: Problem[] = [];
  const n = inst.demandIds.length;
  const m = inst.siteIds.length;
  const free: number[] = [];
  for (let j = 0; j < m; j++) if (!inst.fixedOpen[j]) free.push(j);

  if (n === 0)
    problems.push({
      path: 'demand',
      message: 'the list is empty; placement needs at least one demand point',
    });
  if (free.length === 0) {
    problems.push({
      path: 'candidateSites',
      message: 'the list is empty; placement needs at least one candidate site where a box could stand',
    });
  }
  if (inst.weights.length !== n)
    problems.push({ path: 'weights', message: `has ${inst.weights.length} entries for ${n} demand points` });
  if (inst.fixedOpen.length !== m || inst.siteCostPerYear.length !== m) {
    problems.push({ path: 'sites', message: `fixedOpen and siteCostPerYear need one entry per site (${m})` });
  }
  if (inst.distanceM.length !== n * m) {
    problems.push({
      path: 'distanceM',
      message: `has ${inst.distanceM.length} entries; ${n} demand × ${m} sites needs ${n * m}`,
    });
  } else {
    for (let k = 0; k < inst.distanceM.length; k++) {
      const d = inst.distanceM[k]!;
      if (!(d >= 0) || d === Infinity) {
        problems.push({
          path: `distanceM[${Math.floor(k / m)}][${k % m}]`,
          message: `distance from demand "${inst.demandIds[Math.floor(k / m)]}" to site "${inst.siteIds[k % m]}" is ${d}; distances are finite and ≥ 0`,
        });
        break;
      }
    }
  }
  inst.weights.forEach((w, i) => {
    if (!(w >= 0) || w === Infinity)
      problems.push({ path: `demand[${i}]`, message: `weight ${w} is not a finite number ≥ 0` });
  });

  const { model, p, budgetPerYear, radiusM } = options;
  if (p !== undefined) {
    if (!Number.isInteger(p) || p < 1)
      problems.push({ path: 'p', message: `is ${p}; give a whole number of boxes, at least 1` });
    else if (free.length > 0 && p > free.length) {
      problems.push({
        path: 'p',
        message: `is ${p}, larger than the ${free.length} candidate site${free.length === 1 ? '' : 's'}; lower p or add candidate sites`,
      });
    }
  }
  if (budgetPerYear !== undefined) {
    if (!(budgetPerYear >= 0))
      problems.push({ path: 'budgetPerYear', message: `is ${budgetPerYear}; a budget is ≥ 0` });
    else if (free.length > 0) {
      let cheapest = free[0]!;
      for (const j of free) if (inst.siteCostPerYear[j]! < inst.siteCostPerYear[cheapest]!) cheapest = j;
      if (inst.siteCostPerYear[cheapest]! > budgetPerYear) {
        problems.push({
          path: 'budgetPerYear',
          message: `${budgetPerYear} per year buys no box: the cheapest candidate site "${inst.siteIds[cheapest]}" costs ${round2(inst.siteCostPerYear[cheapest]!)} per year (investment over the box lifetime + yearly cost)`,
        });
      }
    }
  }
  if (p === undefined && budgetPerYear === undefined) {
    problems.push({
      path: 'p',
      message: `model "${model}" needs the number of boxes (p) or a yearly budget`,
    });
  }
  if (
    (model === 'coverage' || model === 'lexicographic' || model === 'capacity') &&
    !(radiusM !== undefined && radiusM > 0)
  ) {
    problems.push({ path: 'radiusM', message: `model "${model}" needs an access limit (radius, > 0)` });
  }
  if (model === 'decay') {
    if (!options.decay)
      problems.push({
        path: 'decay',
        message: 'model "decay" needs a decay kind (linear or exponential) and scale',
      });
    else if (!(options.decay.scaleM > 0))
      problems.push({ path: 'decay.scaleM', message: `is ${options.decay.scaleM}; it must be > 0` });
  }
  if (model === 'capacity' && (!inst.demandLoad || !inst.siteCapacity)) {
    problems.push({ path: 'capacity', message: 'model "capacity" needs demand loads and site capacities' });
  }
  if (options.timeLimitS !== undefined && !(options.timeLimitS > 0)) {
    problems.push({ path: 'timeLimitS', message: `is ${options.timeLimitS}; give seconds > 0` });
  }
  if (problems.length > 0) throw new ValidationError('placement problem', problems);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
