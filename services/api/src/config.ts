import { AllowedHostsList, MAX_DOCUMENT_BYTES, type WebhookTargetPolicy } from '@paketbygd/model';
import { z } from 'zod';

const DAY_S = 24 * 3600;

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
  RATE_LIMIT_MAX: intFrom(600, 1),
  RATE_LIMIT_WINDOW_S: intFrom(60, 1),
  RESULT_TTL_S: intFrom(7 * DAY_S, 1),
  FAILED_TTL_S: intFrom(30 * DAY_S, 1),
  JOB_ATTEMPTS: intFrom(3, 1),
  JOB_BACKOFF_MS: intFrom(5000, 1),
  JOB_METRICS: z.enum(['true', 'false']).default('true'),
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
  retention: Retention;
  jobMetrics: boolean;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
}

export interface Limits {
  /** Largest request body, bytes. */
  maxBodyBytes: number;
  /** Requests per key and window. */
  rateLimitMax: number;
  rateLimitWindowS: number;
}

export interface Retention {
  resultTtlS: number;
  failedTtlS: number;
  attempts: number;
  backoffMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: MAX_DOCUMENT_BYTES,
  rateLimitMax: 600,
  rateLimitWindowS: 60,
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
      rateLimitMax: e.RATE_LIMIT_MAX,
      rateLimitWindowS: e.RATE_LIMIT_WINDOW_S,
    },
    retention: {
      resultTtlS: e.RESULT_TTL_S,
      failedTtlS: e.FAILED_TTL_S,
      attempts: e.JOB_ATTEMPTS,
      backoffMs: e.JOB_BACKOFF_MS,
    },
    jobMetrics: e.JOB_METRICS === 'true',
    logLevel: e.LOG_LEVEL,
  };
}
