import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

/**
 * With REDIS_URL set, each test file gets a database of its own on that server (`fileRedis`); two
 * files with one number share a queue when they run in parallel, and one drains the other's jobs.
 */
test('every API test file has a Redis database number of its own, within 0–15', () => {
  const dir = import.meta.dirname;
  const owners = new Map<number, string[]>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.test.ts'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const match of text.matchAll(/\b(?:fileRedis|startApiWithWorker)\((\d+)/g)) {
      const db = Number(match[1]);
      owners.set(db, [...(owners.get(db) ?? []), file]);
    }
  }
  expect(owners.size).toBeGreaterThan(10);
  for (const [db, files] of owners) {
    expect(files, `database ${db}`).toHaveLength(1);
    expect(db, files[0]).toBeGreaterThanOrEqual(0);
    expect(db, files[0]).toBeLessThanOrEqual(15);
  }
});
