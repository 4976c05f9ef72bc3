import { checkRedis, redisHelp, withoutPassword } from '@paketbygd/redis';
import type { Logger } from 'pino';
import { configFromEnv, type ApiConfig } from './config';
import { createLogger } from './server';

/**
 * What every entry point does first: read the environment and check Redis. Returns the exit code
 * when the API cannot start, with the reason and what to do on stderr.
 */
export async function prepareStart(): Promise<{ config: ApiConfig; logger: Logger } | number> {
  let config: ApiConfig;
  try {
    config = configFromEnv();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const logger = createLogger(config.logLevel);
  const redis = await checkRedis(config.redisUrl);
  if (!redis.ok) {
    logger.fatal({ redisUrl: withoutPassword(config.redisUrl), reason: redis.reason }, 'redis not reachable');
    process.stderr.write(`${redisHelp(config.redisUrl, redis.reason, 'The API keeps its jobs in Redis.')}\n`);
    return 1;
  }
  return { config, logger };
}

/** Ends an entry point's process with the code its main resolves to; a throw is printed with its stack, exit 1. */
export function exitWith(main: Promise<number>): void {
  main.then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
