import { startApi } from './server';
import { exitWith, prepareStart } from './startup';

/** `tsx services/api/src/main.ts`: the API on PORT against REDIS_URL; exits non-zero when it cannot start. */
async function main(): Promise<number> {
  const ready = await prepareStart();
  if (typeof ready === 'number') return ready;
  const { config, logger } = ready;
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

exitWith(main());
