// Plain JavaScript so that the thread starts under any loader: it brings in tsx itself and then
// the TypeScript thread.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

try {
  await tsImport('./highs-thread.ts', import.meta.url);
} catch (error) {
  // The caller waits on flags[0]: 2 tells it that the thread cannot solve, at once.
  const flags = new Int32Array(workerData.control);
  Atomics.store(flags, 0, 2);
  Atomics.notify(flags, 0);
  throw error;
}
