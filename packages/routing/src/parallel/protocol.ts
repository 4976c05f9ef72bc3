import type { MessagePort } from 'node:worker_threads';
import type { Instance } from '../instance/index';
import type { SolveOptions } from '../options';

/**
 * What the coordinator (`parallel.ts`) and a search thread (`thread.ts`) say to each other.
 * Times are absolute (`performance.timeOrigin + performance.now()`), as each thread has its own
 * time origin.
 */

/** A thread's options: those of the call, less what cannot cross threads, with its own seed. */
export type ThreadSolveOptions = Omit<SolveOptions, 'signal' | 'onProgress' | 'threads'>;

export interface ThreadData {
  /** With its large arrays in shared memory (`shared-instance.ts`): sent once, read by every thread. */
  instance: Instance;
  options: ThreadSolveOptions;
  /** When the call started (absolute ms): the time limit counts from it in every thread. */
  startMs: number;
  /** The thread's end of its channel; the coordinator reads the other end synchronously. */
  port: MessagePort;
  /** Int32 pairs per thread: [reports posted, heartbeats]. */
  control: SharedArrayBuffer;
  slot: number;
}

/** Where an epoch ends: an iteration count, or an absolute time in ms (Infinity: none). */
export interface EpochEndAt {
  iterations: number;
  timeMs: number;
}

export interface EpochCommand {
  end: EpochEndAt;
  /** A better solution found elsewhere, to go on from (task indices per vehicle index). */
  adopt: number[][] | null;
}

export type ThreadReport =
  | { type: 'report'; bestTotal: number; best: number[][]; iterations: number; finished: boolean }
  | { type: 'error'; message: string; stack?: string };

export const absoluteNowMs = (): number => performance.timeOrigin + performance.now();

/** Thread `index`'s seed: the call's own for thread 0, a mix of it and the index for the others. */
export function threadSeed(seed: number, index: number): number {
  return index === 0 ? seed : (seed ^ Math.imul(index, 0x9e3779b9)) >>> 0;
}

/** Tells the coordinator a report is on the port: bumps the thread's report counter and wakes it. */
export function signalReport(control: SharedArrayBuffer, slot: number): void {
  const flags = new Int32Array(control);
  Atomics.add(flags, 2 * slot, 1);
  Atomics.notify(flags, 2 * slot);
}
