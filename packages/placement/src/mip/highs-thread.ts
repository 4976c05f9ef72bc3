import { parentPort, workerData } from 'node:worker_threads';
import { highsHeapBytes, loadHighsSolver, type MipModel, type MipOptions } from './mip';
import { MIP_STATUS_CODES, RESULT_HEADER, type HighsThreadData } from './highs-thread-protocol';

interface SolveRequest {
  model: MipModel;
  options: MipOptions;
  /** Float64 results: the header, then x. */
  result: SharedArrayBuffer;
}

const { control } = workerData as HighsThreadData;
const flags = new Int32Array(control);
const solver = await loadHighsSolver();

parentPort!.on('message', (request: SolveRequest) => {
  const out = new Float64Array(request.result);
  try {
    const r = solver.solve(request.model, request.options);
    out[0] = MIP_STATUS_CODES.indexOf(r.status);
    out[1] = r.objective;
    out[2] = r.bound;
    out[3] = r.timeS;
    out[4] = r.x ? 1 : 0;
    if (r.x) out.set(r.x, RESULT_HEADER);
  } catch {
    out[0] = MIP_STATUS_CODES.indexOf('error');
    out[4] = 0;
  }
  void highsHeapBytes().then((bytes) => {
    out[5] = bytes;
    Atomics.store(flags, 1, 1);
    Atomics.notify(flags, 1);
  });
});

Atomics.store(flags, 0, 1);
Atomics.notify(flags, 0);
// For a caller that waits without blocking (HighsThreadSolver.start).
parentPort!.postMessage('ready');
