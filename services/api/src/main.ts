import { configFromEnv } from './config';
import { checkRedis, redisHelp } from './redis-check';
import { createLogger, startApi } from './server';

/** `tsx services/api/src/main.ts`: the API on PORT against REDIS_URL; exits non-zero when it cannot start. */
async function main(): Promise<number> {
  let config;
  try {
    config = configFromEnv();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const logger = createLogger(config.logLevel);
  const redis = await checkRedis(config.redisUrl);
  if (!redis.ok) {
    logger.fatal({ redisUrl: config.redisUrl, reason: redis.reason }, 'redis not reachable');
    process.stderr.write(`${redisHelp(config.redisUrl, redis.reason)}\n`);
    return 1;
  }
  let started;
  try {
    started = await startApi({ config, logger });
  } catch (error) {
    logger.fatal({ err: error }, 'api did not start');
    process.stderr.write(`the API did not start: ${(error as Error).message}\n`);
    return 1;
  }
  const { stop } = started;
  await new Promise<void>((resolve) => {
    const shutdown = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'shutting down');
      resolve();
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
  });
  await stop();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
