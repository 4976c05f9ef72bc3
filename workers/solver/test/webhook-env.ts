import type { SolverWorkerOptions } from '../src/index';

type WorkerEnv = NonNullable<SolverWorkerOptions['env']>;

/** The secret the webhook tests sign with; receivers check signatures against it. */
export const WEBHOOK_TEST_SECRET = 'a-webhook-secret-for-tests';

/**
 * The environment of a solver worker that sends webhooks in a test: signed with the test secret,
 * retried quickly, no spare threads kept, and internal targets allowed, because the test
 * receiver listens on 127.0.0.1. `overrides` replace any of these.
 */
export function webhookEnv(overrides: WorkerEnv = {}): WorkerEnv {
  return {
    WEBHOOK_SECRET: WEBHOOK_TEST_SECRET,
    WEBHOOK_BACKOFF_MS: 100,
    WEBHOOK_ATTEMPTS: 5,
    WORKER_SPARE_THREADS: 0,
    WEBHOOK_ALLOW_PRIVATE: 'true',
    ...overrides,
  };
}
