import loadHighs from 'highs';

/** A mixed-integer linear model with its rows in compressed sparse row form. */
export interface MipModel {
  sense: 'min' | 'max';
  offset?: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** 1 integer, 0 continuous. */
  integrality: Int32Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  rowStarts: Int32Array;
  rowIndices: Int32Array;
  rowValues: Float64Array;
}

export interface MipOptions {
  timeLimitS: number;
  mipRelGap: number;
  /** A feasible solution to start from; HiGHS uses it as its first incumbent. */
  initialSolution?: Float64Array;
}

export type MipStatus = 'optimal' | 'time_limit' | 'infeasible' | 'error';

export interface MipResult {
  status: MipStatus;
  /** Objective of the best solution found (NaN without one). */
  objective: number;
  /** Dual bound proven by the solver. */
  bound: number;
  x: Float64Array | null;
  timeS: number;
  message?: string;
}

/** The one interface the models talk to; HiGHS is the backend. */
export interface MipSolver {
  readonly name: string;
  solve(model: MipModel, options: MipOptions): MipResult;
}

type HighsRuntime = Awaited<ReturnType<typeof loadHighs>>;

let runtime: Promise<HighsRuntime> | undefined;

/**
 * Loads the HiGHS WebAssembly runtime once per thread. Its heap grows up to 2 GiB and never
 * shrinks, so models are disposed after every solve.
 */
export function loadHighsSolver(): Promise<MipSolver> {
  runtime ??= loadHighs();
  return runtime.then((highs) => new HighsSolver(highs));
}

class HighsSolver implements MipSolver {
  readonly name = 'highs';
  constructor(private readonly highs: HighsRuntime) {}

  solve(model: MipModel, options: MipOptions): MipResult {
    const { highs } = this;
    const started = performance.now();
    const numCols = model.colCost.length;
    const numRows = model.rowLower.length;
    const inf = highs.infinity;
    const clamp = (a: Float64Array) => a.map((v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
    const handle = highs.createModel({
      numCols,
      numRows,
      sense:
        model.sense === 'min'
          ? highs.constants.objectiveSense.minimize
          : highs.constants.objectiveSense.maximize,
      offset: model.offset ?? 0,
      colCost: model.colCost,
      colLower: clamp(model.colLower),
      colUpper: clamp(model.colUpper),
      rowLower: clamp(model.rowLower),
      rowUpper: clamp(model.rowUpper),
      matrix: {
        format: 'csr',
        numRows,
        numCols,
        starts: model.rowStarts,
        indices: model.rowIndices,
        values: model.rowValues,
      },
      integrality: model.integrality,
    });
    try {
      handle.options.set({
        output_flag: false,
        mip_rel_gap: options.mipRelGap,
        // Integral objectives (OR-Library) would otherwise stop at an absolute gap of 1e-6 anyway.
        mip_abs_gap: 1e-6,
        time_limit: Math.max(0.01, options.timeLimitS),
      });
      if (options.initialSolution) handle.setSolution({ colValue: options.initialSolution });
      handle.run();
      const code = handle.getModelStatus();
      const s = highs.constants.modelStatus;
      const timeS = (performance.now() - started) / 1000;
      const hasSolution = Number(handle.info.get('primal_solution_status')) === 2;
      const x = hasSolution ? Float64Array.from(handle.getSolution().colValue) : null;
      const objective = hasSolution ? handle.getObjectiveValue() : NaN;
      let bound = Number(handle.info.get('mip_dual_bound'));
      if (code === s.optimal) {
        if (!Number.isFinite(bound)) bound = objective;
        return { status: 'optimal', objective, bound, x, timeS };
      }
      if (code === s.infeasible) return { status: 'infeasible', objective: NaN, bound: NaN, x: null, timeS };
      if (code === s.timeLimit || code === s.interrupted)
        return { status: 'time_limit', objective, bound, x, timeS };
      return { status: 'error', objective, bound, x, timeS, message: `HiGHS model status ${code}` };
    } finally {
      handle.dispose();
    }
  }
}

/** Bytes of the HiGHS WebAssembly heap so far (it never shrinks; the ceiling is 2 GiB). */
export async function highsHeapBytes(): Promise<number> {
  runtime ??= loadHighs();
  return (await runtime).memoryBytes;
}
