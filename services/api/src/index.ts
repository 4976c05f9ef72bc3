export { createApp, type ApiApp, type ApiOptions } from './app';
export { startApi, createLogger, type StartedApi } from './server';
export {
  configFromEnv,
  parseTrustProxy,
  type ApiConfig,
  type Limits,
  type RateLimitStore,
  type Retention,
  type TrustProxy,
} from './config';
export { RATE_LIMIT_PREFIX } from './rate-limit';
export { KeyStore, loadKeys, parseKeyList, readKeyFile, type KeyEntry, type Caller } from './keys';
export { openApiDocument } from './openapi';
export { webhookKey } from './routes/webhook-key';
export type { JobView, Accepted } from './schemas';
