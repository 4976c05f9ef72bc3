import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { repoRoot, waitFor } from './helpers';

export interface ChildWorker {
  child: ChildProcess;
  /** Parsed JSON log lines so far. */
  logs: Record<string, any>[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>;
  waitForLog(what: string, match: (line: Record<string, any>) => boolean, timeoutMs?: number): Promise<void>;
}

/** `node --import tsx workers/solver/src/main.ts` as its own process, as in production. */
export async function spawnWorker(env: Record<string, string>): Promise<ChildWorker> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/solver/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, any>[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      logs.push(JSON.parse(line));
    } catch {
      logs.push({ msg: line });
    }
  });
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>(
    (resolve) => child.once('exit', (code, signal) => resolve({ code, signal, atMs: Date.now() })),
  );
  process.once('exit', () => child.kill('SIGKILL'));
  const handle: ChildWorker = {
    child,
    logs,
    stderr,
    exited,
    waitForLog: async (what, match, timeoutMs = 20_000) => {
      await waitFor(
        `worker log: ${what} (stderr: ${stderr.join(' | ').slice(-500)})`,
        async () => child.exitCode === null && logs.some(match),
        timeoutMs,
      );
    },
  };
  await handle.waitForLog('started', (l) => l.msg === 'solver worker started');
  return handle;
}
