import { checkRedis, redisHelp } from '@paketbygd/redis';
import { pino } from 'pino';
import { ConfigError, readEnv } from './config';
import { startSolverWorker } from './worker';

/** `node --import tsx workers/solver/src/main.ts`: one solver worker process, until SIGTERM/SIGINT. */
async function main(): Promise<number> {
  let env;
  try {
    env = readEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`solver worker: ${error.message}\n`);
    return 2;
  }
  const logger = pino({ level: env.LOG_LEVEL, base: { service: 'solver-worker', pid: process.pid } });
  const reachable = await checkRedis(env.REDIS_URL);
  if (!reachable.ok) {
    const help = redisHelp(env.REDIS_URL, reachable.reason, 'The solver worker takes its jobs from Redis.');
    logger.fatal({ reason: reachable.reason }, help);
    // The log line is JSON for machines; the person starting the worker gets the advice as text.
    process.stderr.write(`\n${help}\n`);
    return 1;
  }
  const handle = await startSolverWorker({ logger });
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'shutting down');
      resolve();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  // A second signal while closing means "now".
  const force = () => process.exit(1);
  process.once('SIGTERM', force);
  process.once('SIGINT', force);
  await handle.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
    // Anything still holding the loop open after a clean close (a stray socket) must not keep us up.
    setTimeout(() => process.exit(code), 2_000).unref();
  },
  (error: unknown) => {
    process.stderr.write(`solver worker failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
