import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { Instance } from '../instance/index';
import {
  threadSeed,
  type EpochCommand,
  type EpochEndAt,
  type ThreadData,
  type ThreadReport,
  type ThreadSolveOptions,
} from './protocol';
import { sharedInstance } from './shared-instance';

const ENTRY = new URL('./entry.mjs', import.meta.url);

interface Member {
  worker: Worker;
  port: MessagePort;
  slot: number;
  /** Reports read so far (the thread counts those it posted in `control`). */
  reportsRead: number;
  /** A command was sent and its report not read yet. */
  owing: boolean;
  last: Extract<ThreadReport, { type: 'report' }> | null;
}

/**
 * The searches of a parallel solve that run in worker threads (the caller's thread runs one
 * more): started at once, commanded one epoch at a time, read synchronously — the solve is a
 * synchronous call, so the caller blocks on `Atomics.wait` for their reports (as
 * `@paketbygd/placement`'s HiGHS thread does) instead of an event loop.
 */
export class Team {
  readonly members: Member[] = [];
  private readonly flags: Int32Array;

  /** `silenceMs`: a thread without a heartbeat or report for this long is taken for dead. */
  constructor(
    inst: Instance,
    options: ThreadSolveOptions,
    count: number,
    startMs: number,
    private readonly silenceMs: number,
  ) {
    // Slot 0 is the caller's search; its cells serve as a clock to sleep on.
    const control = new SharedArrayBuffer(8 * (count + 1));
    this.flags = new Int32Array(control);
    const instance = sharedInstance(inst);
    try {
      for (let slot = 1; slot <= count; slot++) {
        const { port1, port2 } = new MessageChannel();
        const seed = threadSeed(options.seed ?? 1, slot);
        const data: ThreadData = {
          instance,
          options: { ...options, seed },
          startMs,
          port: port2,
          control,
          slot,
        };
        const worker = new Worker(ENTRY, { workerData: data, transferList: [port2] });
        // Never keeps a command-line run alive; its errors arrive as reports (or as silence).
        worker.unref();
        worker.on('error', () => undefined);
        this.members.push({ worker, port: port1, slot, reportsRead: 0, owing: false, last: null });
      }
    } catch (error) {
      this.close();
      throw new Error(`routing: could not start ${count} search threads: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  /**
   * Starts an epoch on every thread that is neither finished nor still busy with an earlier one
   * (under a time limit a thread may miss a barrier: still loading, say); `adopt[i]` is member
   * i's solution to go on from.
   */
  command(end: EpochEndAt, adopt: (number[][] | null)[]): void {
    this.members.forEach((m, i) => {
      if (m.owing || m.last?.finished) return;
      const command: EpochCommand = { end, adopt: adopt[i] ?? null };
      m.port.postMessage(command);
      m.owing = true;
    });
  }

  /**
   * Reads the reports of the threads that owe one, waiting for each until `untilMs`
   * (`performance.now()`; Infinity: until it comes, as the iteration epochs need for the same
   * answer on every run). A thread's error is thrown as one.
   */
  collect(untilMs: number): void {
    for (const m of this.members) {
      if (!m.owing) continue;
      const report = this.awaitReport(m, untilMs);
      if (!report) continue;
      if (report.type === 'error')
        throw new Error(`routing: search thread ${m.slot} failed: ${report.message}`, {
          cause: report.stack,
        });
      m.owing = false;
      m.last = report;
    }
  }

  allFinished(): boolean {
    return this.members.every((m) => m.last?.finished === true);
  }

  /** Iterations of all threads so far. */
  iterations(): number {
    return this.members.reduce((sum, m) => sum + (m.last?.iterations ?? 0), 0);
  }

  close(): void {
    for (const m of this.members) {
      void m.worker.terminate();
      m.port.close();
    }
  }

  /** `m`'s next report, or null when `untilMs` passes first. */
  private awaitReport(m: Member, untilMs: number): ThreadReport | null {
    const reportCell = 2 * m.slot;
    const beatCell = reportCell + 1;
    let beats = Atomics.load(this.flags, beatCell);
    let quietSinceMs = performance.now();
    for (;;) {
      const received = receiveMessageOnPort(m.port);
      if (received) {
        m.reportsRead++;
        return received.message as ThreadReport;
      }
      const nowMs = performance.now();
      if (nowMs >= untilMs) return null;
      // The thread posts before it counts, so a count ahead of the reads means the message is
      // on its way: sleep a moment rather than spin.
      const waitMs = Math.min(1000, untilMs - nowMs);
      if (Atomics.wait(this.flags, reportCell, m.reportsRead, waitMs) === 'not-equal')
        Atomics.wait(this.flags, 0, 0, 1);
      const nowBeats = Atomics.load(this.flags, beatCell);
      if (nowBeats !== beats || Atomics.load(this.flags, reportCell) !== m.reportsRead) {
        beats = nowBeats;
        quietSinceMs = performance.now();
      } else if (performance.now() - quietSinceMs > this.silenceMs) {
        throw new Error(
          `routing: search thread ${m.slot} gave no sign of life for ${(this.silenceMs / 1000).toFixed(0)} s`,
        );
      }
    }
  }
}
