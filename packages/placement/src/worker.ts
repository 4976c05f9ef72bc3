import { parentPort } from 'node:worker_threads';
import { ValidationError } from '@paketbygd/model';
import { loadHighsThreadSolver } from './highs-thread-client';
import { solvePlacementSync } from './solve';
import type { PlacementInstance, PlacementOptions } from './types';

export interface WorkerRequest {
  instance: PlacementInstance;
  options: PlacementOptions;
}

// One request per worker: the HiGHS heap only grows, so a fresh thread starts from a small one.
parentPort!.once('message', async (request: WorkerRequest) => {
  try {
    const result = solvePlacementSync(request.instance, request.options, await loadHighsThreadSolver());
    parentPort!.postMessage({ ok: true, result });
  } catch (error) {
    const e = error as Error;
    parentPort!.postMessage({
      ok: false,
      error: {
        name: e.name,
        message: e.message,
        what: error instanceof ValidationError ? error.what : undefined,
        problems: error instanceof ValidationError ? error.problems : undefined,
      },
    });
  }
});
