// Plain JavaScript so that the thread starts under any loader (vitest, tsx, plain node): it loads
// the built thread body when there is one beside it, else registers tsx and loads the TypeScript.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { workerData } from 'node:worker_threads';

try {
  const built = new URL('./thread.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) await import(built.href);
  else {
    const { tsImport } = await import('tsx/esm/api');
    await tsImport('./thread.ts', import.meta.url);
  }
} catch (error) {
  // The coordinator waits for a report: tell it at once that this thread cannot search.
  workerData.port.postMessage({
    type: 'error',
    message: `the search thread did not load: ${error instanceof Error ? error.message : String(error)}`,
  });
  const flags = new Int32Array(workerData.control);
  Atomics.add(flags, 2 * workerData.slot, 1);
  Atomics.notify(flags, 2 * workerData.slot);
}
