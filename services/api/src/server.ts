import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webBuilt, webRouter } from '@paketbygd/web';
import { pino, type Logger } from 'pino';
import { createApp, type ApiApp } from './app';
import { configFromEnv, type ApiConfig } from './config';
import { loadKeys } from './keys';

export interface StartedApi {
  api: ApiApp;
  server: Server;
  url: string;
  /** Stops taking connections, lets requests in flight finish, closes Redis. */
  stop(): Promise<void>;
}

export function createLogger(level: ApiConfig['logLevel']): Logger {
  return pino({
    level,
    base: { service: 'api' },
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', '*.key', '*.apiKey'],
      censor: '[redacted]',
    },
  });
}

/** Starts the API from a configuration (default: the environment) and listens. */
export async function startApi(options: { config?: ApiConfig; logger?: Logger } = {}): Promise<StartedApi> {
  const config = options.config ?? configFromEnv();
  const logger = options.logger ?? createLogger(config.logLevel);
  const keys = loadKeys({ file: config.apiKeysFile, list: config.apiKeys });
  if (keys.size === 0)
    logger.warn('no API keys configured (API_KEYS_FILE or API_KEYS): every /v1 call answers 401');
  const api = createApp({
    redisUrl: config.redisUrl,
    logger,
    keys,
    adminApiKey: config.adminApiKey,
    webhookSecret: config.webhookSecret,
    webhookTargets: config.webhookTargets,
    limits: config.limits,
    rateLimitStore: config.rateLimitStore,
    trustProxy: config.trustProxy,
    retention: config.retention,
    jobMetrics: config.jobMetrics,
    validationThreads: config.validationThreads,
    vroomCompat: config.vroomCompat,
    page: webRouter(),
  });
  if (config.webhookTargets.allowPrivate)
    logger.warn('WEBHOOK_ALLOW_PRIVATE=true: callbackUrl may point to localhost and internal addresses');
  if (config.rateLimitStore === 'memory')
    logger.warn(
      'RATE_LIMIT_STORE=memory: rate limits are counted in this process only; with several API processes each allows the full limit',
    );
  if (config.vroomCompat.keylessTenant)
    logger.warn(
      { tenant: config.vroomCompat.keylessTenant },
      'VROOM_COMPAT_KEYLESS_TENANT is set: drop-in requests without a key are solved for this tenant (private networks only)',
    );
  if (!webBuilt()) logger.warn('the web page is not built: GET / answers 503 until `pnpm build`');
  await api.ready();
  const { headersTimeoutMs, requestTimeoutMs } = config.http;
  const server = createServer(
    {
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      // How often node:http looks for connections past those timeouts (its default is 30 s).
      connectionsCheckingInterval: Math.min(1_000, headersTimeoutMs),
    },
    api.handler,
  );
  server.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  // Longer than a load balancer's idle timeout, so it closes idle connections first, not us.
  server.keepAliveTimeout = 65_000;
  const address = server.address() as AddressInfo;
  const url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
  logger.info({ url, tenants: keys.size }, 'api listening');
  return {
    api,
    server,
    url,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await api.close();
    },
  };
}
