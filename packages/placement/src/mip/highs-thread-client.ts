import { Worker } from 'node:worker_threads';
import { loadHighsSolver, type MipModel, type MipOptions, type MipResult, type MipSolver } from './mip';
import { MIP_STATUS_CODES, RESULT_HEADER, type HighsThreadData } from './highs-thread-protocol';

export interface HighsThreadOptions {
  /**
   * How long past its time limit HiGHS may run before its thread is stopped. HiGHS checks its
   * limit only between some steps: on dense coverage models its root cut separation ran 4–5 s
   * past a 6 s limit (HiGHS 1.15, ERGO-Code/HiGHS#885 and #2226).
   */
  graceS?: (timeLimitS: number) => number;
  /** A thread whose HiGHS heap has grown beyond this is replaced after its solve (the heap never shrinks). */
  maxHeapBytes?: number;
  /** How long loading the thread (tsx and the WebAssembly) may take. */
  startTimeoutS?: number;
  /**
   * Models with fewer nonzeros are solved in the calling thread: they cannot run far past a
   * limit, and copying them to a thread costs more than it saves.
   */
  inThreadMaxNonzeros?: number;
}

/** The Vingåker model has about 1,500 nonzeros; the 6 s overrun above came from 77,000. */
const DEFAULT_IN_THREAD_MAX_NONZEROS = 20_000;

const defaultGraceS = (timeLimitS: number) => 0.5 + 0.05 * timeLimitS;

/**
 * HiGHS in a thread of its own with a hard deadline, behind the same synchronous `MipSolver`
 * interface: the caller blocks on `Atomics.wait` until the answer is in or the deadline has
 * passed, and then stops the thread and answers `time_limit` without a solution. The callers
 * keep their own incumbent and bound, so a time limit still returns the best solution found
 * before the MIP, and returns it on time. If no thread can be started, HiGHS runs in the calling
 * thread (the limit is then HiGHS's own).
 */
export class HighsThreadSolver implements MipSolver {
  readonly name = 'highs';
  private worker: Worker | null = null;
  private flags: Int32Array | null = null;
  private readonly graceS: (timeLimitS: number) => number;
  private readonly maxHeapBytes: number;
  private readonly startTimeoutMs: number;
  private readonly inThreadMaxNonzeros: number;
  /** Threads stopped at their deadline so far (for tests and notes). */
  stopped = 0;

  constructor(
    private readonly inThread: MipSolver,
    options: HighsThreadOptions = {},
  ) {
    this.graceS = options.graceS ?? defaultGraceS;
    this.maxHeapBytes = options.maxHeapBytes ?? 1024 * 1024 * 1024;
    this.startTimeoutMs = (options.startTimeoutS ?? 60) * 1000;
    this.inThreadMaxNonzeros = options.inThreadMaxNonzeros ?? DEFAULT_IN_THREAD_MAX_NONZEROS;
  }

  /**
   * Starts the thread without blocking, so that the first solve does not pay for loading it
   * (under load that took more than a second, the whole limit of a small job).
   */
  async start(): Promise<void> {
    if (this.worker) return;
    const launched = this.launch();
    if (!launched) return;
    const { worker, flags } = launched;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.startTimeoutMs);
      timer.unref();
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      worker.once('message', done);
      worker.once('error', done);
      worker.once('exit', done);
    });
    if (this.worker) {
      // A solve started it meanwhile.
      void worker.terminate();
      return;
    }
    if (Atomics.load(flags, 0) === 1) {
      this.worker = worker;
      this.flags = flags;
    } else void worker.terminate();
  }

  solve(model: MipModel, options: MipOptions): MipResult {
    const started = performance.now();
    if (model.rowIndices.length < this.inThreadMaxNonzeros || !this.ensureThread())
      return this.inThread.solve(model, options);
    const worker = this.worker!;
    const flags = this.flags!;
    // Starting the thread counts against the caller's limit.
    const timeLimitS = Math.max(0.01, options.timeLimitS - (performance.now() - started) / 1000);
    const numCols = model.colCost.length;
    const result = new SharedArrayBuffer(8 * (RESULT_HEADER + numCols));
    Atomics.store(flags, 1, 0);
    worker.postMessage({ model, options: { ...options, timeLimitS }, result });
    const waitMs = Math.max(50, (timeLimitS + this.graceS(timeLimitS)) * 1000);
    const outcome = Atomics.wait(flags, 1, 0, waitMs);
    const timeS = (performance.now() - started) / 1000;
    if (outcome === 'timed-out') {
      this.stop();
      this.stopped++;
      return {
        status: 'time_limit',
        objective: NaN,
        bound: NaN,
        x: null,
        timeS,
        message: `HiGHS ran past its ${options.timeLimitS.toFixed(1)} s limit and was stopped at ${timeS.toFixed(1)} s`,
      };
    }
    const out = new Float64Array(result);
    const status = MIP_STATUS_CODES[out[0]!] ?? 'error';
    const x = out[4] === 1 ? Float64Array.from(out.subarray(RESULT_HEADER)) : null;
    if (out[5]! > this.maxHeapBytes) this.stop();
    return { status, objective: out[1]!, bound: out[2]!, x, timeS: out[3]! };
  }

  /** True while a loaded thread waits for models. */
  get running(): boolean {
    return this.worker !== null;
  }

  /** Stops the thread (the next solve starts a fresh one). */
  stop(): void {
    if (this.worker) void this.worker.terminate();
    this.worker = null;
    this.flags = null;
  }

  private launch(): { worker: Worker; flags: Int32Array } | null {
    const control = new SharedArrayBuffer(8);
    const flags = new Int32Array(control);
    try {
      const data: HighsThreadData = { control };
      const worker = new Worker(new URL('./highs-thread-entry.mjs', import.meta.url), { workerData: data });
      // The thread never keeps a command-line run alive, and its errors surface as a missed deadline.
      worker.unref();
      worker.on('error', () => {});
      return { worker, flags };
    } catch {
      return null;
    }
  }

  private ensureThread(): boolean {
    if (this.worker) return true;
    const launched = this.launch();
    if (!launched) return false;
    const { worker, flags } = launched;
    if (Atomics.wait(flags, 0, 0, this.startTimeoutMs) === 'timed-out' || Atomics.load(flags, 0) !== 1) {
      void worker.terminate();
      return false;
    }
    this.worker = worker;
    this.flags = flags;
    return true;
  }
}

let shared: Promise<HighsThreadSolver> | undefined;

/** One HiGHS thread per calling thread, loaded before the first solve. */
export function loadHighsThreadSolver(): Promise<HighsThreadSolver> {
  shared ??= loadHighsSolver().then(async (inThread) => {
    const solver = new HighsThreadSolver(inThread);
    await solver.start();
    return solver;
  });
  return shared;
}
