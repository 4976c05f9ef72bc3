import { Worker } from 'node:worker_threads';
import { ValidationError, type Problem } from '@paketbygd/model';
import type { PlacementInstance, PlacementOptions, PlacementResult } from './types';
import { validatePlacement } from './validate';
import type { WorkerRequest } from './worker';

type WorkerReply =
  | { ok: true; result: PlacementResult }
  | { ok: false; error: { name: string; message: string; what?: string; problems?: Problem[] } };

/**
 * Solves in a worker thread, so the event loop of a server stays free while HiGHS (synchronous
 * WebAssembly) works. The worker is TypeScript, loaded through tsx by a small JavaScript entry.
 */
export async function solvePlacementInWorker(
  instance: PlacementInstance,
  options: PlacementOptions,
): Promise<PlacementResult> {
  // Bad input is answered here, without the cost of a thread.
  validatePlacement(instance, options);
  return await new Promise<PlacementResult>((resolve, reject) => {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url));
    let settled = false;
    worker.once('message', (reply: WorkerReply) => {
      settled = true;
      void worker.terminate();
      if (reply.ok) resolve(reply.result);
      else if (reply.error.problems)
        reject(new ValidationError(reply.error.what ?? 'placement problem', reply.error.problems));
      else reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    });
    worker.once('error', (error) => {
      if (!settled) reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the placement worker stopped with exit code ${code} before answering`));
    });
    const request: WorkerRequest = { instance, options };
    worker.postMessage(request);
  });
}
