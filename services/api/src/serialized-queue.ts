import { Job, Queue, type JobJson } from 'bullmq';

/** Job data serialised already (in a checking thread): stored as these UTF-8 bytes, never stringified again. */
export class SerializedData {
  constructor(readonly json: Buffer) {}
}

/**
 * A Job whose `asJSON` takes SerializedData as the stored `data` field. BullMQ would otherwise
 * `JSON.stringify` the data on the event loop, which for a 30 MB document blocks it for a tenth
 * of a second or more; the text goes to Redis as one argument, as BullMQ's own string would.
 */
class SerializedDataJob extends Job {
  override asJSON(): JobJson {
    const data: unknown = this.data;
    if (!(data instanceof SerializedData)) return super.asJSON();
    this.data = {};
    try {
      // ioredis writes a Buffer argument as it is; Redis stores the same bytes a string would give.
      return { ...super.asJSON(), data: data.json as unknown as string };
    } finally {
      this.data = data;
    }
  }
}

/** A Queue that adds SerializedData as it is (and everything else as BullMQ does). */
export class SerializedDataQueue<D, R, N extends string> extends Queue<D, R, N> {
  protected override get Job(): typeof Job {
    return SerializedDataJob as unknown as typeof Job;
  }
}
