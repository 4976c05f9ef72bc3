import { AllowedHostsList, MAX_DOCUMENT_BYTES, type WebhookTargetPolicy } from '@paketbygd/model';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { DEFAULT_SIZE_LIMITS, type SizeLimits } from './size-limits';
import { z } from 'zod';

const DAY_S = 24 * 3600;

// One core is left to the event loop: on a busy machine, threads on every core would slow its answers.
export const DEFAULT_VALIDATION_THREADS = Math.max(1, Math.min(2, availableParallelism() - 1));

const intFrom = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

/** Environment of the API, validated once at start so that a typo fails loudly instead of silently defaulting. */
const Env = z.object({
  PORT: intFrom(8080).pipe(z.number().max(65535)),
  HOST: z.string().default('0.0.0.0'),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  API_KEYS_FILE: z.string().optional(),
  API_KEYS: z.string().optional(),
  ADMIN_API_KEY: z.string().min(16, 'use at least 16 characters').optional(),
  WEBHOOK_SECRET: z.string().min(16, 'use at least 16 characters').optional(),
  // Where a callbackUrl may point; the same variables as the worker's, which checks again at delivery.
  // true: any address, localhost and private ranges too (development and tests only).
  WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  // Host names and CIDR ranges allowed although internal (a municipality's own receiver).
  WEBHOOK_ALLOWED_HOSTS: AllowedHostsList.default({ names: [], ranges: [] }),
  // The model's reader refuses larger documents anyway; a larger limit would only move the error.
  MAX_BODY_BYTES: intFrom(MAX_DOCUMENT_BYTES, 1024).pipe(
    z.number().max(MAX_DOCUMENT_BYTES, `at most ${MAX_DOCUMENT_BYTES} (the model's MAX_DOCUMENT_BYTES)`),
  ),
  // Size limits by meaning (src/size-limits.ts); raise them only where workers have the memory.
  MAX_LOCATIONS: intFrom(DEFAULT_SIZE_LIMITS.maxLocations, 1),
  MAX_MATRIX_CELLS: intFrom(DEFAULT_SIZE_LIMITS.maxMatrixCells, 1),
  MAX_JOBS: intFrom(DEFAULT_SIZE_LIMITS.maxJobs, 1),
  MAX_VEHICLES: intFrom(DEFAULT_SIZE_LIMITS.maxVehicles, 1),
  RATE_LIMIT_MAX: intFrom(600, 1),
  RATE_LIMIT_WINDOW_S: intFrom(60, 1),
  // Where the counters live: redis (shared by every API replica on REDIS_URL) or memory (this
  // process only: one API process, or limits that may be N times as high with N replicas).
  RATE_LIMIT_STORE: z.enum(['redis', 'memory']).default('redis'),
  // Requests ending in 401 (no key, a wrong key, a wrong admin key) per client address and window;
  // over it, every /v1 and /admin request from that address answers 429 until the window ends.
  AUTH_FAIL_LIMIT_MAX: intFrom(20, 1),
  AUTH_FAIL_WINDOW_S: intFrom(300, 1),
  // Which proxies may set X-Forwarded-For (default none: the client address is the socket's).
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    }),
  RESULT_TTL_S: intFrom(7 * DAY_S, 1),
  FAILED_TTL_S: intFrom(30 * DAY_S, 1),
  JOB_ATTEMPTS: intFrom(3, 1),
  JOB_BACKOFF_MS: intFrom(5000, 1),
  JOB_METRICS: z.enum(['true', 'false']).default('true'),
  // A client must send its request line and headers within this, and its whole request within
  // the next: slow clients (slow loris) cannot hold connections for minutes.
  HTTP_HEADERS_TIMEOUT_MS: intFrom(10_000, 100),
  HTTP_REQUEST_TIMEOUT_MS: intFrom(120_000, 100),
  // Threads that parse and check request bodies, off the event loop.
  VALIDATION_THREADS: intFrom(DEFAULT_VALIDATION_THREADS, 1),
  // The VROOM drop-in (POST /vroom, /optimization): one more path of the operator's choosing,
  // e.g. "/" as vroom-express's default base URL.
  VROOM_COMPAT_PATH: z
    .string()
    .regex(/^\/[\w./-]*$/, 'a path starting with "/", e.g. / or /vroom-compat')
    .optional(),
  // Longest wait for a drop-in answer; vroom-express's own default timeout is 300 s.
  VROOM_COMPAT_MAX_WAIT_S: z.coerce.number().positive().max(3600).default(300),
  // Key-less mode (private networks only): drop-in requests without a key are this tenant's.
  VROOM_COMPAT_KEYLESS_TENANT: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface ApiConfig {
  port: number;
  host: string;
  redisUrl: string;
  apiKeysFile: string | undefined;
  apiKeys: string | undefined;
  adminApiKey: string | undefined;
  webhookSecret: string | undefined;
  webhookTargets: WebhookTargetPolicy;
  limits: Limits;
  rateLimitStore: RateLimitStore;
  trustProxy: TrustProxy;
  retention: Retention;
  jobMetrics: boolean;
  validationThreads: number;
  /** node:http's headersTimeout and requestTimeout. */
  http: { headersTimeoutMs: number; requestTimeoutMs: number };
  vroomCompat: VroomCompatConfig;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
}

/** The VROOM drop-in: its extra path, its longest wait, and its key-less tenant (off when undefined). */
export interface VroomCompatConfig {
  path: string | undefined;
  maxWaitS: number;
  keylessTenant: string | undefined;
}

export const DEFAULT_VROOM_COMPAT: VroomCompatConfig = {
  path: undefined,
  maxWaitS: 300,
  keylessTenant: undefined,
};

export interface Limits extends SizeLimits {
  /** Largest request body, bytes. */
  maxBodyBytes: number;
  /** Requests per key and window. */
  rateLimitMax: number;
  rateLimitWindowS: number;
  /** Requests answered 401 per client address and window before that address gets 429s. */
  authFailLimitMax: number;
  authFailWindowS: number;
}

/** `redis`: one count per key (and per address) for all API replicas; `memory`: per process. */
export type RateLimitStore = 'redis' | 'memory';

/**
 * express's `trust proxy`: false (the socket's address is the client), a number of proxy hops in
 * front of the API, or the proxies' addresses / CIDR ranges (and express's names `loopback`,
 * `linklocal`, `uniquelocal`). Never `true`: that would take the left-most X-Forwarded-For entry,
 * which any client writes itself.
 */
export type TrustProxy = false | number | string[];

const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY's value, or what is wrong with it. */
export function parseTrustProxy(value: string): TrustProxy | string {
  const text = value.trim();
  if (text === '' || text === 'false' || text === '0') return false;
  if (text === 'true') {
    return (
      'true would trust every X-Forwarded-For entry, which any client can forge; give the number ' +
      'of proxies in front of the API (e.g. 1) or their addresses (10.0.0.0/8, loopback)'
    );
  }
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  for (const entry of entries) {
    if (TRUST_PROXY_NAMES.has(entry)) continue;
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= bits);
    if (family === 0 || !prefixOk || rest.length > 0) {
      return `"${entry}" is not a hop count, an IP address, a CIDR range or loopback/linklocal/uniquelocal`;
    }
  }
  return entries;
}

export interface Retention {
  resultTtlS: number;
  failedTtlS: number;
  attempts: number;
  backoffMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: MAX_DOCUMENT_BYTES,
  ...DEFAULT_SIZE_LIMITS,
  rateLimitMax: 600,
  rateLimitWindowS: 60,
  authFailLimitMax: 20,
  authFailWindowS: 300,
};
export const DEFAULT_RETENTION: Retention = {
  resultTtlS: 7 * DAY_S,
  failedTtlS: 30 * DAY_S,
  attempts: 3,
  backoffMs: 5000,
};

/** Reads the configuration from the environment; throws with every wrong variable named. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  // An empty value (`FOO=` in a compose file) means unset, as it does for the worker.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`the API's environment is not valid:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    redisUrl: e.REDIS_URL,
    apiKeysFile: e.API_KEYS_FILE,
    apiKeys: e.API_KEYS,
    adminApiKey: e.ADMIN_API_KEY,
    webhookSecret: e.WEBHOOK_SECRET,
    webhookTargets: {
      allowPrivate: e.WEBHOOK_ALLOW_PRIVATE === 'true',
      allowedHosts: e.WEBHOOK_ALLOWED_HOSTS,
    },
    limits: {
      maxBodyBytes: e.MAX_BODY_BYTES,
      maxLocations: e.MAX_LOCATIONS,
      maxMatrixCells: e.MAX_MATRIX_CELLS,
      maxJobs: e.MAX_JOBS,
      maxVehicles: e.MAX_VEHICLES,
      rateLimitMax: e.RATE_LIMIT_MAX,
      rateLimitWindowS: e.RATE_LIMIT_WINDOW_S,
      authFailLimitMax: e.AUTH_FAIL_LIMIT_MAX,
      authFailWindowS: e.AUTH_FAIL_WINDOW_S,
    },
    rateLimitStore: e.RATE_LIMIT_STORE,
    trustProxy: e.TRUST_PROXY,
    retention: {
      resultTtlS: e.RESULT_TTL_S,
      failedTtlS: e.FAILED_TTL_S,
      attempts: e.JOB_ATTEMPTS,
      backoffMs: e.JOB_BACKOFF_MS,
    },
    jobMetrics: e.JOB_METRICS === 'true',
    validationThreads: e.VALIDATION_THREADS,
    http: { headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS, requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS },
    vroomCompat: {
      path: e.VROOM_COMPAT_PATH,
      maxWaitS: e.VROOM_COMPAT_MAX_WAIT_S,
      keylessTenant: e.VROOM_COMPAT_KEYLESS_TENANT,
    },
    logLevel: e.LOG_LEVEL,
  };
}
