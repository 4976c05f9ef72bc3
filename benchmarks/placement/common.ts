import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** The shared data sit beside the checkout: ../shared/benchmarks from the repository root. */
export const PMEDIAN_DIR = resolve(here, '../../../shared/benchmarks/pmedian');

export function requireData(path: string): void {
  if (!existsSync(path)) {
    console.error(
      `benchmark data not found at ${path} (expected ../shared/benchmarks/pmedian beside the checkout)`,
    );
    process.exit(2);
  }
}

export function machineLine(): string {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: here }).toString().trim();
  } catch {
    // not a git checkout: the line says so
  }
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  return `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${load}, commit ${commit}, ${new Date().toISOString()}`;
}

export function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
