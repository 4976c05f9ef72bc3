import { Piscina } from 'piscina';
import type { RenderTask } from './render-thread';

const ENTRY = new URL('./render-thread-entry.mjs', import.meta.url).href;

/**
 * GeoJSON and HTML reports rendered in a worker thread (piscina): the job's input and result are
 * parsed and rendered there, never on the event loop. One thread, started on the first render
 * and stopped after a minute without one (reports are rare; the planner and report modules are
 * loaded only when needed).
 */
export class Renderer {
  private readonly pool = new Piscina<RenderTask, Uint8Array>({
    filename: ENTRY,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: 2048 },
  });

  /** The rendered text as UTF-8 bytes; the stored bytes are moved to the thread, not copied. */
  async render(
    what: RenderTask['what'],
    data: Buffer,
    returnvalue: Buffer,
    lang?: RenderTask['lang'],
  ): Promise<Buffer> {
    const own = (b: Buffer) =>
      b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : Buffer.from(b);
    const task = { what, data: own(data), returnvalue: own(returnvalue), ...(lang ? { lang } : {}) };
    const bytes = await this.pool.run(task, {
      transferList: [...new Set([task.data.buffer as ArrayBuffer, task.returnvalue.buffer as ArrayBuffer])],
    });
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
