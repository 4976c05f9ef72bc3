import solver, { type ModelDefinition } from 'javascript-lp-solver';
import type { MipModel, MipOptions, MipResult, MipSolver } from '../src/index';

/**
 * Above this many cells (rows × columns, bound rows included) the model is refused:
 * javascript-lp-solver keeps a dense simplex tableau (one Float64Array of rows × columns),
 * so a 100 × 1000 p-median (~10⁵ columns and rows) would need tens of GB.
 * 2.5 × 10⁷ cells is 200 MB.
 */
export const LP_SOLVER_MAX_TABLEAU_CELLS = 25_000_000;

/** Row activity and integrality are checked to this (relative to the row's scale). */
const FEASIBILITY_TOLERANCE = 1e-6;

/**
 * The `MipSolver` interface on `javascript-lp-solver` (pure JavaScript, dense tableau simplex
 * with branch and cut). What it can and cannot do, read from its source (1.0.3, `dist/index.mjs`):
 *
 * - Variables are ≥ 0 unless "unrestricted"; bounds other than [0, ∞) become rows here
 *   ([0, 1] integers are its `binaries`, which add the row x ≤ 1 themselves).
 * - `timeout` (ms) is checked only between branch-and-bound nodes: building the tableau and
 *   each node's simplex run are not interrupted, so a large LP can overrun the limit (the
 *   benchmark runs it in a worker it can terminate). The limit passed is what is left after
 *   building the JSON model.
 * - It does not say whether it stopped on the time limit, so a solve that used up the limit
 *   is reported as `time_limit` (never `optimal`) even if its tree happened to be exhausted.
 * - It reports no dual bound. Its `bestPossibleEval` looks like the root LP value but is not
 *   reliable: on the 50 × 500 capacity benchmark, stopped at the time limit, it lay *below*
 *   the incumbent of a maximisation (probably because it is set by any `setEvaluation`
 *   while `simplexIters` is 0, which the node's dual simplex also reaches; not traced). So
 *   `bound` is the objective when the tree was searched to the end and **NaN** after a
 *   time-out: no bound is claimed that the library does not prove.
 * - Its `tolerance` (relative gap) tests the incumbent against that same `bestPossibleEval`, so
 *   it is not passed on: the tree is always searched to the end (or the time limit), which
 *   meets any `mipRelGap` asked for (gap 0).
 * - Columns with lower = upper are substituted out before the model is handed over (its
 *   presolve fixes such variables by zeroing their cost, which would falsify its objective).
 * - It has no warm start. `initialSolution` is kept as the incumbent when the library ends
 *   without a better one (as HiGHS does with it).
 *
 * Every answer is checked here: integrality, each row and bound within 1e−6 (scaled), and the
 * objective recomputed from x. A solution that fails the check is reported as `error`.
 */
export class LpSolverBackend implements MipSolver {
  readonly name = 'javascript-lp-solver';
  constructor(private readonly maxTableauCells = LP_SOLVER_MAX_TABLEAU_CELLS) {}

  solve(model: MipModel, options: MipOptions): MipResult {
    const started = performance.now();
    const numCols = model.colCost.length;
    const numRows = model.rowLower.length;
    const elapsed = () => (performance.now() - started) / 1000;
    const fail = (status: 'infeasible' | 'error', message?: string): MipResult => ({
      status,
      objective: NaN,
      bound: NaN,
      x: null,
      timeS: elapsed(),
      message,
    });

    // Fixed columns are substituted out: their rows' bounds shift (the objective is recomputed from x).
    const fixed = new Uint8Array(numCols);
    for (let c = 0; c < numCols; c++) {
      const lo = model.colLower[c]!;
      const up = model.colUpper[c]!;
      if (lo > up) return fail('infeasible', `column ${c}: lower > upper`);
      if (lo === up) {
        if (model.integrality[c] === 1 && lo !== Math.round(lo))
          return fail('infeasible', `integer column ${c} fixed at ${lo}`);
        fixed[c] = 1;
      }
    }

    const variables: ModelDefinition['variables'] = {};
    const constraints: ModelDefinition['constraints'] = {};
    const binaries: Record<string, boolean> = {};
    const ints: Record<string, boolean> = {};
    const unrestricted: Record<string, boolean> = {};
    const ids: string[] = [];
    let tableauRows = 0;
    let free = 0;
    for (let c = 0; c < numCols; c++) {
      const id = `c${c}`;
      ids.push(id);
      if (fixed[c]) continue;
      free++;
      const coef: Record<string, number> = {};
      if (model.colCost[c] !== 0) coef.obj = model.colCost[c]!;
      variables[id] = coef;
      const lo = model.colLower[c]!;
      const up = model.colUpper[c]!;
      const integer = model.integrality[c] === 1;
      if (integer && lo === 0 && up === 1) {
        binaries[id] = true;
        tableauRows++;
        continue;
      }
      if (integer) ints[id] = true;
      if (lo < 0) unrestricted[id] = true;
      const bound: { min?: number; max?: number } = {};
      if (lo !== 0 && lo !== -Infinity) bound.min = lo;
      if (up !== Infinity) bound.max = up;
      if (bound.min !== undefined || bound.max !== undefined) {
        constraints[`b${c}`] = bound;
        coef[`b${c}`] = 1;
        tableauRows += (bound.min !== undefined ? 1 : 0) + (bound.max !== undefined ? 1 : 0);
      }
    }
    for (let r = 0; r < numRows; r++) {
      let lo = model.rowLower[r]!;
      let up = model.rowUpper[r]!;
      if (lo > up) return fail('infeasible', `row ${r}: lower > upper`);
      const start = model.rowStarts[r]!;
      const end = model.rowStarts[r + 1]!;
      let shift = 0;
      let nonzero = false;
      for (let k = start; k < end; k++) {
        const c = model.rowIndices[k]!;
        const v = model.rowValues[k]!;
        if (fixed[c]) shift += v * model.colLower[c]!;
        else if (v !== 0) nonzero = true;
      }
      lo -= shift;
      up -= shift;
      if (!nonzero) {
        // An empty row is 0: feasible or not on its own.
        if (
          lo > FEASIBILITY_TOLERANCE * Math.max(1, Math.abs(shift)) ||
          up < -FEASIBILITY_TOLERANCE * Math.max(1, Math.abs(shift))
        )
          return fail('infeasible', `row ${r} excludes the values its fixed columns take`);
        continue;
      }
      if (lo === -Infinity && up === Infinity) continue;
      const name = `r${r}`;
      if (lo === up) {
        constraints[name] = { equal: lo };
        tableauRows += 2;
      } else {
        const bound: { min?: number; max?: number } = {};
        if (lo !== -Infinity) bound.min = lo;
        if (up !== Infinity) bound.max = up;
        constraints[name] = bound;
        tableauRows += (bound.min !== undefined ? 1 : 0) + (bound.max !== undefined ? 1 : 0);
      }
      for (let k = start; k < end; k++) {
        const c = model.rowIndices[k]!;
        const v = model.rowValues[k]!;
        if (v === 0 || fixed[c]) continue;
        const coef = variables[ids[c]!]!;
        coef[name] = (coef[name] ?? 0) + v;
      }
    }
    const cells = (tableauRows + 1) * (free + tableauRows + 1);
    if (cells > this.maxTableauCells)
      return fail(
        'error',
        `model too large for javascript-lp-solver's dense tableau: ~${(cells / 1e6).toFixed(0)} M cells (limit ${this.maxTableauCells / 1e6} M)`,
      );

    const timeLimitMs = Math.max(1, Math.round((options.timeLimitS - elapsed()) * 1000));
    const json: ModelDefinition = {
      optimize: 'obj',
      opType: model.sense,
      constraints,
      variables,
      binaries,
      ints,
      unrestricted,
      options: { timeout: timeLimitMs },
    };
    const solveStarted = performance.now();
    const solution = free > 0 ? (solver.Solve(json, undefined, true) as unknown as LibrarySolution) : null;
    const timedOut = performance.now() - solveStarted >= timeLimitMs;

    const hasInts = model.integrality.some((v, c) => v === 1 && !fixed[c]);
    let x: Float64Array | null = null;
    let objective = NaN;
    if (
      !solution ||
      (solution.feasible && solution.bounded !== false && (!hasInts || solution._tableau.__isIntegral))
    ) {
      x = new Float64Array(numCols);
      for (let c = 0; c < numCols; c++) {
        const v = fixed[c] ? model.colLower[c]! : (solution?.solutionSet[ids[c]!] ?? 0);
        x[c] = model.integrality[c] === 1 ? Math.round(v) : v;
      }
      const problem = violation(model, x);
      if (problem) return fail('error', `javascript-lp-solver answer fails the check: ${problem}`);
      objective = objectiveOf(model, x);
    }
    const initial = options.initialSolution;
    if (initial && !violation(model, initial)) {
      const v = objectiveOf(model, initial);
      if (!x || (model.sense === 'min' ? v < objective : v > objective)) {
        x = Float64Array.from(initial);
        objective = v;
      }
    }
    const timeS = elapsed();
    if (timedOut) return { status: 'time_limit', objective, bound: NaN, x, timeS };
    if (solution && solution.bounded === false)
      return { status: 'error', objective: NaN, bound: NaN, x: null, timeS, message: 'unbounded' };
    if (!x) return { status: 'infeasible', objective: NaN, bound: NaN, x: null, timeS };
    return { status: 'optimal', objective, bound: objective, x, timeS };
  }
}

/** What `Solve(model, precision, full = true)` returns (the fields used here). */
interface LibrarySolution {
  feasible: boolean;
  bounded: boolean;
  evaluation: number;
  solutionSet: Record<string, number | undefined>;
  _tableau: { __isIntegral?: boolean };
}

function objectiveOf(model: MipModel, x: Float64Array): number {
  let v = model.offset ?? 0;
  for (let c = 0; c < x.length; c++) v += model.colCost[c]! * x[c]!;
  return v;
}

/** The first broken bound, integrality or row of x, or null when x is feasible. */
export function violation(model: MipModel, x: ArrayLike<number>): string | null {
  const tol = (b: number) => FEASIBILITY_TOLERANCE * Math.max(1, Math.abs(b));
  for (let c = 0; c < model.colCost.length; c++) {
    const v = x[c]!;
    if (!Number.isFinite(v)) return `column ${c} is ${v}`;
    if (v < model.colLower[c]! - tol(model.colLower[c]!) || v > model.colUpper[c]! + tol(model.colUpper[c]!))
      return `column ${c} = ${v} outside [${model.colLower[c]}, ${model.colUpper[c]}]`;
    if (model.integrality[c] === 1 && Math.abs(v - Math.round(v)) > FEASIBILITY_TOLERANCE)
      return `column ${c} = ${v} is not integral`;
  }
  for (let r = 0; r < model.rowLower.length; r++) {
    let a = 0;
    let scale = 0;
    for (let k = model.rowStarts[r]!; k < model.rowStarts[r + 1]!; k++) {
      const term = model.rowValues[k]! * x[model.rowIndices[k]!]!;
      a += term;
      scale = Math.max(scale, Math.abs(term));
    }
    const lo = model.rowLower[r]!;
    const up = model.rowUpper[r]!;
    if (a < lo - tol(Math.max(scale, Math.abs(lo))) || a > up + tol(Math.max(scale, Math.abs(up))))
      return `row ${r}: activity ${a} outside [${lo}, ${up}]`;
  }
  return null;
}

/** A javascript-lp-solver backend (synchronous, no runtime to load). */
export function lpSolverBackend(options: { maxTableauCells?: number } = {}): MipSolver {
  return new LpSolverBackend(options.maxTableauCells);
}
