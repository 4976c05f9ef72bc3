import { readFileSync, writeFileSync } from 'node:fs';

/**
 * The command line of the examples' build scripts: with `--check`, exit code 1 when the committed
 * file differs from a fresh build (and say so); without, write the fresh build and print `wrote`.
 */
export function writeOrCheck(path: string, document: unknown, wrote = `wrote ${path}`): void {
  const name = path.split(/[\\/]/).pop();
  if (process.argv.includes('--check')) {
    const committed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const same = JSON.stringify(committed) === JSON.stringify(document);
    process.stdout.write(same ? `${name} is up to date\n` : `${name} differs from a fresh build\n`);
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
    process.stdout.write(`${wrote}\n`);
  }
}
