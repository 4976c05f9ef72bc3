import { STRICT_WEBHOOK_TARGETS } from '@paketbygd/model';
import { Piscina } from 'piscina';
import type { BodyChunks } from './body';
import type { CheckOutcome, CheckTask } from './check-thread';
import { DEFAULT_VALIDATION_THREADS } from './config';
import { DEFAULT_SIZE_LIMITS } from './size-limits';

const ENTRY = new URL('./check-thread-entry.mjs', import.meta.url).href;

export interface CheckerOptions {
  /** Threads that parse and check bodies (VALIDATION_THREADS); default cores - 1, 1 to 2. */
  threads?: number;
  /** Heap of one checking thread, MB: a body that needs more fails alone. */
  maxHeapMb?: number;
}

/**
 * Parses and checks request bodies in worker threads (piscina), so that a large or hostile body
 * costs the event loop nothing but handing its bytes over: /healthz and status reads answer
 * meanwhile.
 */
export class BodyChecker {
  private readonly pool: Piscina<CheckTask, CheckOutcome>;

  constructor(options: CheckerOptions = {}) {
    const threads = options.threads ?? DEFAULT_VALIDATION_THREADS;
    this.pool = new Piscina({
      filename: ENTRY,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: Number.POSITIVE_INFINITY,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 2048 },
    });
  }

  /**
   * Checks a body in a thread. Chunks that own their memory are moved there, the others (slices
   * of a buffer shared with other data) copied one by one: never one 30 MB copy on the event loop.
   */
  async check(task: Omit<CheckTask, 'chunks'>, body: BodyChunks): Promise<CheckOutcome> {
    const transferList = new Set<ArrayBuffer>();
    const chunks = body.chunks.map((chunk) => {
      const buffer = chunk.buffer as ArrayBuffer;
      const owned = chunk.byteOffset === 0 && chunk.byteLength === buffer.byteLength;
      if (!owned || transferList.has(buffer)) return new Uint8Array(chunk);
      transferList.add(buffer);
      return chunk;
    });
    return this.pool.run(
      { ...task, chunks, ...(body.charset ? { charset: body.charset } : {}) },
      { transferList: [...transferList] },
    );
  }

  /** Resolves once every thread has loaded the model (a thread loads it when it starts). */
  async warm(): Promise<void> {
    const empty = {
      kind: 'route' as const,
      query: {},
      tenant: '-',
      targets: STRICT_WEBHOOK_TARGETS,
      sizeLimits: DEFAULT_SIZE_LIMITS,
    };
    await Promise.all(
      Array.from({ length: this.pool.threads.length }, () =>
        this.check(empty, { chunks: [], byteLength: 0 }),
      ),
    );
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
