import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Job, JobState, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export function example(path: string): any {
  return JSON.parse(readFileSync(`${repoRoot}/examples/${path}`, 'utf8'));
}

export function bids(): any[] {
  return ['bygden-existing-transport', 'nordbox-vans', 'regionbuss-bus-line'].map((b) =>
    example(`bids/${b}.json`),
  );
}

/** The scoring file is a document (kind, name, note); a comparison request takes its fields. */
export function scoring(): any {
  const { kind: _kind, name: _name, note: _note, ...fields } = example('bids/scoring.json');
  return fields;
}

/** A routing request with coordinates only: no matrices and no indices into one. */
export function withoutMatrices(request: any): any {
  const strip = ({ location_index: _l, ...rest }: any) => rest;
  const { matrices: _m, ...rest } = request;
  return {
    ...rest,
    jobs: (rest.jobs ?? []).map(strip),
    shipments: (rest.shipments ?? []).map((s: any) => ({
      ...s,
      pickup: strip(s.pickup),
      delivery: strip(s.delivery),
    })),
    vehicles: rest.vehicles.map(({ start_index: _s, end_index: _e, ...v }: any) => v),
  };
}

export const silent = pino({ level: 'silent' });

export function redisClient(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Polls until the job is in one of `states`; answers the job as it is then. */
export async function waitForState(
  queue: Queue,
  jobId: string,
  states: JobState[],
  timeoutMs = 20_000,
): Promise<Job> {
  return await waitFor(
    `job ${jobId} to be ${states.join(' or ')}`,
    async () => {
      const state = await queue.getJobState(jobId);
      if (!states.includes(state as JobState)) return undefined;
      return (await queue.getJob(jobId)) ?? undefined;
    },
    timeoutMs,
  );
}
