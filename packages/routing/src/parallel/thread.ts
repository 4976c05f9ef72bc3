import { workerData } from 'node:worker_threads';
import { Search, searchClock } from '../sisr';
import {
  absoluteNowMs,
  signalReport,
  type EpochCommand,
  type ThreadData,
  type ThreadReport,
} from './protocol';

/**
 * One search of a parallel solve (`parallel.ts`), in a worker thread: builds its first solution
 * at once, then runs one epoch per command and reports its best after each.
 */
const data = workerData as ThreadData;
const heartbeats = new Int32Array(data.control);
const beat = () => void Atomics.add(heartbeats, 2 * data.slot + 1, 1);

function post(report: ThreadReport): void {
  data.port.postMessage(report);
  signalReport(data.control, data.slot);
}

function failure(error: unknown): ThreadReport {
  return error instanceof Error
    ? { type: 'error', message: error.message, ...(error.stack ? { stack: error.stack } : {}) }
    : { type: 'error', message: String(error) };
}

let search: Search | null = null;
try {
  // The limits count from the call's start, not from this thread's.
  const clock = searchClock(data.instance, data.options, data.startMs - performance.timeOrigin);
  search = new Search(data.instance, data.options, clock);
} catch (error) {
  post(failure(error));
}

data.port.on('message', (command: EpochCommand) => {
  if (!search) return;
  try {
    if (command.adopt) search.adopt(command.adopt);
    const timeMs = command.end.timeMs - (absoluteNowMs() - performance.now());
    search.run({ iterations: command.end.iterations, timeMs }, beat);
    post({
      type: 'report',
      bestTotal: search.bestTotal,
      best: search.best(),
      iterations: search.iterations,
      finished: search.finished,
    });
  } catch (error) {
    post(failure(error));
  }
});
