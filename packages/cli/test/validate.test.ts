import { closeSync, ftruncateSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVALID_CASES } from '../../../tests/corpus/invalid-documents';
import { REPO_ROOT, runCli } from './run-cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paketbygd-validate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const exampleFiles = readdirSync(join(REPO_ROOT, 'examples'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json'))
  .map((f) => join('examples', f));

describe('paketbygd validate', () => {
  it('accepts every example and exits 0', () => {
    const run = runCli(['validate', ...exampleFiles]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const file of exampleFiles) expect(run.stdout).toContain(`${file}: valid `);
  });

  it('answers every invalid document with its path and exits 1', () => {
    const files = INVALID_CASES.map((c, i) => {
      const file = join(dir, `case-${i}.json`);
      writeFileSync(file, c.text);
      return file;
    });
    const run = runCli(['validate', '--json', ...files]);
    expect(run.code).toBe(1);
    const reports = JSON.parse(run.stdout) as {
      file: string;
      valid: boolean;
      problems: { path: string; message: string }[];
    }[];
    INVALID_CASES.forEach((c, i) => {
      const report = reports[i]!;
      expect(report.valid, c.name).toBe(false);
      for (const expected of c.expect) {
        expect(
          report.problems.some((p) => p.path === expected.path && expected.message.test(p.message)),
          `${c.name}: ${JSON.stringify(report.problems)}`,
        ).toBe(true);
      }
    });
  });

  it('prints problems as "path: message" lines', () => {
    const file = join(dir, 'latitude.json');
    writeFileSync(file, INVALID_CASES.find((c) => c.name === 'latitude out of range')!.text);
    const run = runCli(['validate', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '  demand[0].location[1]: latitude 95 is outside -90..90 (coordinates are [lon, lat])',
    );
  });

  it('refuses a 50 MB file with a size message, without reading it', () => {
    const file = join(dir, 'huge.json');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const run = runCli(['validate', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/\(document\): .*huge\.json is 50\.0 MB; documents are at most 32 MB/);
  });

  it('says when a file does not exist or is a directory', () => {
    const run = runCli(['validate', join(dir, 'missing.json'), dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/missing\.json does not exist/);
    expect(run.stdout).toMatch(/is a directory, not a file/);
  });

  it('checks as a forced kind with --kind', () => {
    const run = runCli(['validate', '--kind', 'bid', 'examples/vingaker/scenario.json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/\(as bid\)/);
  });

  it('has --help, and a usage error exits 2', () => {
    const help = runCli(['validate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: paketbygd validate \[options\] <files\.\.\.>/);
    const usage = runCli(['validate']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/missing required argument 'files'/);
  });
});
