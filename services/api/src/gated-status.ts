import type { Redis } from 'ioredis';
import { JOB_STATUS_LUA, type StatusReply } from './status';

/**
 * The failed-authentication check, the key's rate limit and the status read of one
 * `GET /v1/jobs/:id`, in express's order: an address over the failed-key limit is refused before
 * its key is counted (AuthFailureLimiter.check), the key is counted as rate-limit-redis's
 * increment script counts it, and only a request within its limit reads the job.
 * The script takes the reads of a batch in arrival order, each as if it ran alone.
 * KEYS: per read, the address's failure count, the key's count, then `jobStatus`'s keys (9).
 * ARGV: failure limit, rate window (ms), rate limit, then the job id of each read.
 */
const GATED_STATUS_SCRIPT = `${JOB_STATUS_LUA}
local function gated(failKey, countKey, k, id)
  local fails = tonumber(redis.call('GET', failKey) or '0') or 0
  if fails > 0 and fails >= tonumber(ARGV[1]) then
    local failTtl = redis.call('PTTL', failKey)
    if failTtl > 0 then return {'blocked', fails, failTtl} end
  end
  local windowMs = tonumber(ARGV[2])
  local ttl = redis.call('PTTL', countKey)
  local hits = 1
  if ttl <= 0 then
    redis.call('SET', countKey, 1, 'PX', windowMs)
    ttl = windowMs
  else
    hits = redis.call('INCR', countKey)
  end
  if hits > tonumber(ARGV[3]) then return {'limited', hits, ttl} end
  return {'read', hits, ttl, jobStatus(KEYS[k], KEYS[k + 1], KEYS[k + 2], KEYS[k + 3], KEYS[k + 4], KEYS[k + 5], KEYS[k + 6], id)}
end
local replies = {}
for i = 1, #ARGV - 3 do
  local k = (i - 1) * 9
  replies[i] = gated(KEYS[k + 1], KEYS[k + 2], k + 3, ARGV[i + 3])
end
return replies
`;

/** Keys of one read in the script's order: failure count, key count, then `jobStatus`'s seven. */
export const KEYS_PER_READ = 9;
/** Reads per script call at most: a call holds Redis for all of them (about 10 µs each). */
const MAX_READS_PER_CALL = 64;

export type GatedReply = [
  outcome: 'blocked' | 'limited' | 'read',
  hits: number,
  ttlMs: number,
  status?: StatusReply,
];
type BatchClient = Redis & { paketbygdGatedStatuses(...args: string[]): Promise<GatedReply[]> };

interface Pending {
  keys: readonly string[];
  jobId: string;
  resolve(reply: GatedReply): void;
  reject(error: unknown): void;
}

/**
 * Gated status reads sent one script call per turn of the event loop for every read asked in it,
 * instead of one script call each: a status read's Redis command (its object, its encoding, its
 * reply's dispatch) was about a quarter of the API's CPU per read. Each read still reads Redis
 * when its call runs; nothing is kept between calls.
 */
export class GatedStatusReads {
  private pending: Pending[] = [];
  private scheduled = false;
  private readonly limitArgs: readonly string[];

  /** `client` has no auto-pipelining: the batch is the pipeline. */
  constructor(
    private readonly client: Redis,
    limits: { authFailLimitMax: number; rateWindowMs: number; rateLimitMax: number },
  ) {
    client.defineCommand('paketbygdGatedStatuses', { lua: GATED_STATUS_SCRIPT });
    this.limitArgs = [limits.authFailLimitMax, limits.rateWindowMs, limits.rateLimitMax].map(String);
  }

  /** `keys`: KEYS_PER_READ keys in the script's order. */
  read(keys: readonly string[], jobId: string): Promise<GatedReply> {
    return new Promise((resolve, reject) => {
      this.pending.push({ keys, jobId, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    this.scheduled = false;
    const all = this.pending;
    this.pending = [];
    for (let start = 0; start < all.length; start += MAX_READS_PER_CALL)
      this.send(all.slice(start, start + MAX_READS_PER_CALL));
  }

  private send(batch: Pending[]): void {
    const args: string[] = [String(batch.length * KEYS_PER_READ)];
    for (const read of batch) for (const key of read.keys) args.push(key);
    for (const arg of this.limitArgs) args.push(arg);
    for (const read of batch) args.push(read.jobId);
    (this.client as BatchClient).paketbygdGatedStatuses(...args).then(
      (replies) => {
        for (let i = 0; i < batch.length; i++) batch[i]!.resolve(replies[i]!);
      },
      (error: unknown) => {
        for (const read of batch) read.reject(error);
      },
    );
  }
}
