export { startSolverWorker, type SolverWorkerOptions, type SolverWorkerHandle } from './worker';
export { readEnv, travelFromEnv, ConfigError, type WorkerEnv } from './config';
export { tenantWebhookKey, signWebhook, verifyWebhookSignature, type WebhookEvent } from './webhook/delivery';
export { webhookJobId, type WebhookJobData } from './webhook/queue';
export { DEFAULT_TIME_LIMIT_S } from '@paketbygd/planner';
export { CANCELLED } from './processor';
