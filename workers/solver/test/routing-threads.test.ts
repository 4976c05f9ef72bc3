import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { readEnv } from '../src/config';

describe('ROUTING_THREADS', () => {
  it('defaults to one search per route job', () => {
    expect(readEnv({}).ROUTING_THREADS).toBe(1);
  });

  it('takes a whole number from 1 to twice the cores', () => {
    expect(readEnv({ ROUTING_THREADS: '2' }).ROUTING_THREADS).toBe(2);
    for (const bad of ['0', '1.5', 'two', String(2 * availableParallelism() + 1)])
      expect(() => readEnv({ ROUTING_THREADS: bad })).toThrow(/ROUTING_THREADS/);
  });
});
