import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startApi } from './server';
import { exitWith, prepareStart } from './startup';

/**
 * `pnpm start`: the API in this process and one solver worker as a child process, both on
 * REDIS_URL. The worker is a separate process (not imported) because services never import
 * workers, and because a solve must not share the API's event loop.
 */
const WORKER_MAIN = fileURLToPath(new URL('../../../workers/solver/src/main.ts', import.meta.url));

async function main(): Promise<number> {
  const ready = await prepareStart();
  if (typeof ready === 'number') return ready;
  const { config, logger } = ready;
  if (!existsSync(WORKER_MAIN)) {
    process.stderr.write(`the solver worker is missing (${WORKER_MAIN}); is workers/solver checked out?\n`);
    return 1;
  }

  const api = await startApi({ config, logger });
  const worker = spawn(process.execPath, ['--import', 'tsx', WORKER_MAIN], {
    stdio: 'inherit',
    env: { ...process.env, REDIS_URL: config.redisUrl },
  });
  logger.info({ pid: worker.pid }, 'solver worker started');

  const workerExit = new Promise<number>((resolve) => {
    worker.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
  let signalled: NodeJS.Signals | undefined;
  const stop = new Promise<NodeJS.Signals>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      if (signalled) {
        // A second signal means now.
        worker.kill('SIGKILL');
        process.exit(1);
      }
      signalled = signal;
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });

  const first = await Promise.race([
    stop.then(() => 'signal' as const),
    workerExit.then(() => 'worker' as const),
  ]);
  if (first === 'signal') {
    logger.info({ signal: signalled }, 'shutting down: API and worker');
    // The worker finishes or hands back its running jobs on SIGTERM; the API stops taking requests meanwhile.
    if (worker.exitCode === null) worker.kill('SIGTERM');
    const [code] = await Promise.all([workerExit, api.stop()]);
    return code;
  }
  logger.error({ code: worker.exitCode }, 'solver worker exited: stopping the API');
  await api.stop();
  return 1;
}

exitWith(main());
