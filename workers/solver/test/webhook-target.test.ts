import type { LookupAddress } from 'node:dns';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { Queue } from 'bullmq';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AllowedHostsList,
  STRICT_WEBHOOK_TARGETS,
  WEBHOOK_QUEUE_NAME,
  type WebhookTargetPolicy,
} from '@paketbygd/model';
import type { TestRedis } from '../../../tests/support/redis-server';
import { readEnv } from '../src/config';
import { startSolverWorker, type SolverWorkerHandle } from '../src/index';
import { startWebhookWorker, webhookJobId, type WebhookJobData } from '../src/webhook/queue';
import { checkTarget, WebhookTargetRefused, type ResolveAll } from '../src/webhook/target';
import { example, redisClient, silent, waitFor, waitForState } from './helpers';
import { startTestQueue, type TestQueue } from './test-queue';
import { webhookEnv, WEBHOOK_TEST_SECRET as SECRET } from './webhook-env';
const OPEN: WebhookTargetPolicy = { ...STRICT_WEBHOOK_TARGETS, allowPrivate: true };

interface Received {
  path: string;
  host: string | undefined;
  headers: IncomingHttpHeaders;
}

let server: Server;
let port: number;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    received.push({ path: req.url ?? '/', host: req.headers.host, headers: req.headers });
    req.resume();
    req.on('end', () => {
      if (req.url === '/redirect') res.writeHead(302, { location: '/redirected' }).end();
      else res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

const callsTo = (path: string) => received.filter((r) => r.path === path);

/** A resolver that answers from a table and counts its calls; names not in it do not exist. */
function stubResolver(table: Record<string, string[] | (() => string[])>) {
  const calls: string[] = [];
  const resolveAll: ResolveAll = async (host) => {
    calls.push(host);
    const entry = table[host];
    const answer = typeof entry === 'function' ? entry() : entry;
    if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return answer.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolveAll, calls };
}

/** A logger whose JSON lines are kept. */
function capturingLogger() {
  const lines: any[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

let testQueue: TestQueue | undefined;
let redis: TestRedis;
let webhookQueue: Queue<WebhookJobData>;

beforeAll(async () => {
  testQueue = await startTestQueue();
  redis = testQueue.redis;
  webhookQueue = new Queue<WebhookJobData>(WEBHOOK_QUEUE_NAME, { connection: testQueue.client });
});
afterAll(async () => {
  await webhookQueue?.close();
  await testQueue?.close();
});

/**
 * Queues one webhook job (its outcome carried along: there is no solve job) and runs a webhook
 * worker with `targets` and `resolveAll` until the job is finished; answers what was recorded on
 * the webhook job and what was logged.
 */
async function sendAndRecord(
  targets: WebhookTargetPolicy,
  resolveAll: ResolveAll,
  url: string,
  jobId: string,
  attempts = 3,
): Promise<{ recorded: string[]; lines: any[] }> {
  const { logger, lines } = capturingLogger();
  const connection = redisClient(redis.url);
  const handle = await startWebhookWorker({
    connection,
    secret: SECRET,
    concurrency: 1,
    timeoutMs: 2_000,
    targets,
    resolveAll,
    logger,
    lockDuration: 30_000,
    stalledInterval: 30_000,
    maxStalledCount: 1,
  });
  try {
    const id = webhookJobId(jobId, 'completed');
    await webhookQueue.add(
      'completed',
      {
        jobId,
        kind: 'route',
        state: 'completed',
        tenant: 'tenant-a',
        callbackUrl: url,
        outcome: { result: {} },
      },
      { jobId: id, attempts, backoff: { type: 'exponential', delay: 20 } },
    );
    await waitForState(webhookQueue, id, ['completed', 'failed']);
    return { recorded: (await webhookQueue.getJobLogs(id)).logs, lines };
  } finally {
    await handle.close(1_000);
    connection.disconnect();
  }
}

describe('checkTarget', () => {
  it('refuses a name that resolves to loopback, before any connection', async () => {
    const { resolveAll } = stubResolver({ 'hooks.test': ['127.0.0.1'] });
    await expect(checkTarget('http://hooks.test/x', STRICT_WEBHOOK_TARGETS, resolveAll)).rejects.toThrow(
      new WebhookTargetRefused(
        'callbackUrl host hooks.test resolves to 127.0.0.1 in 127.0.0.0/8 (loopback); webhooks are sent to public addresses only',
      ),
    );
  });

  it('refuses a name if any one of its addresses is internal', async () => {
    const { resolveAll } = stubResolver({ 'mixed.test': ['93.184.215.14', '2606:4700::1', 'fd00::7'] });
    await expect(checkTarget('https://mixed.test/', STRICT_WEBHOOK_TARGETS, resolveAll)).rejects.toThrow(
      /resolves to fd00::7 in fc00::\/7/,
    );
  });

  it('refuses literal internal addresses and localhost without asking DNS', async () => {
    const { resolveAll, calls } = stubResolver({});
    for (const url of [
      'http://127.0.0.1:9/',
      'http://[::1]/',
      'http://169.254.169.254/',
      'http://localhost/',
    ]) {
      await expect(checkTarget(url, STRICT_WEBHOOK_TARGETS, resolveAll), url).rejects.toBeInstanceOf(
        WebhookTargetRefused,
      );
    }
    expect(calls).toEqual([]);
  });

  it('refuses localhost with the system resolver too', async () => {
    await expect(checkTarget('http://localhost:9/', STRICT_WEBHOOK_TARGETS)).rejects.toThrow(
      /points to localhost/,
    );
  });

  it('answers the checked addresses of a public name; a missing name is an ordinary error', async () => {
    const { resolveAll } = stubResolver({ 'public.test': ['93.184.215.14'] });
    const target = await checkTarget('https://public.test:8443/hook?x=1', STRICT_WEBHOOK_TARGETS, resolveAll);
    expect(target.host).toBe('public.test');
    expect(target.addresses).toEqual([{ address: '93.184.215.14', family: 4 }]);
    const missing = checkTarget('https://missing.test/', STRICT_WEBHOOK_TARGETS, resolveAll);
    await expect(missing).rejects.toThrow(/ENOTFOUND/);
    await expect(missing).rejects.not.toBeInstanceOf(WebhookTargetRefused);
  });
});

describe('webhook delivery and internal targets', () => {
  it('a name that resolves to 127.0.0.1 is refused at delivery: not sent, not retried, logged and recorded', async () => {
    const { resolveAll, calls } = stubResolver({ 'hooks.test': ['127.0.0.1'] });
    const { recorded, lines } = await sendAndRecord(
      STRICT_WEBHOOK_TARGETS,
      resolveAll,
      `http://hooks.test:${port}/refused`,
      'job-refused',
    );
    expect(recorded).toEqual([
      'webhook not sent: callbackUrl host hooks.test resolves to 127.0.0.1 in 127.0.0.0/8 (loopback); webhooks are sent to public addresses only (not retried)',
    ]);
    expect(calls).toEqual(['hooks.test']);
    expect(callsTo('/refused')).toEqual([]);
    const logged = lines.find((l) => l.msg.startsWith('webhook not sent'));
    expect(logged).toMatchObject({ level: 50, jobId: 'job-refused', attempt: 1 });
    expect(logged.reason).toMatch(/resolves to 127\.0\.0\.1/);
  });

  it('the same name is delivered with WEBHOOK_ALLOW_PRIVATE, to the address that was checked', async () => {
    // .test names never resolve in real DNS: the delivery can only have used the checked address.
    const { resolveAll, calls } = stubResolver({ 'hooks.test': ['127.0.0.1'] });
    const { recorded } = await sendAndRecord(
      OPEN,
      resolveAll,
      `http://hooks.test:${port}/allowed`,
      'job-allowed',
    );
    expect(recorded).toEqual(['webhook delivered: HTTP 204 (try 1)']);
    expect(calls).toEqual(['hooks.test']);
    const [call] = callsTo('/allowed');
    expect(call?.host).toBe(`hooks.test:${port}`);
    expect(call?.headers['paketbygd-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });

  it('connects to the pinned address even if the name would resolve elsewhere a second time', async () => {
    // First answer: the allowed receiver. Any later answer: the metadata address. One lookup per try.
    let answers = 0;
    const { resolveAll, calls } = stubResolver({
      'rebind.test': () => (answers++ === 0 ? ['127.0.0.1'] : ['169.254.169.254']),
    });
    const policy: WebhookTargetPolicy = {
      allowPrivate: false,
      allowedHosts: AllowedHostsList.parse('127.0.0.1/32'),
    };
    const { recorded } = await sendAndRecord(
      policy,
      resolveAll,
      `http://rebind.test:${port}/pinned`,
      'job-pinned',
    );
    expect(recorded).toEqual(['webhook delivered: HTTP 204 (try 1)']);
    expect(calls).toEqual(['rebind.test']);
    expect(callsTo('/pinned')).toHaveLength(1);
  });

  it('a literal internal address queued without the API is refused by the worker too', async () => {
    const { resolveAll } = stubResolver({});
    const { recorded } = await sendAndRecord(
      STRICT_WEBHOOK_TARGETS,
      resolveAll,
      `http://127.0.0.1:${port}/literal`,
      'job-literal',
    );
    expect(recorded[0]).toMatch(/^webhook not sent: callbackUrl points to 127\.0\.0\.1 in 127\.0\.0\.0\/8/);
    expect(callsTo('/literal')).toEqual([]);
  });

  it('a DNS failure is retried like a network error, unlike a refusal', async () => {
    let tries = 0;
    const { resolveAll } = stubResolver({});
    const flaky: ResolveAll = async () => {
      if (tries++ === 0) return resolveAll('no-such-name.test');
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const { recorded, lines } = await sendAndRecord(
      OPEN,
      flaky,
      `http://flaky.test:${port}/flaky`,
      'job-flaky',
    );
    expect(recorded).toEqual(['webhook delivered: HTTP 204 (try 2)']);
    expect(lines.find((l) => l.msg === 'webhook delivery failed: retrying')?.outcome).toMatch(/ENOTFOUND/);
  });

  it('does not follow redirects', async () => {
    const { recorded } = await sendAndRecord(
      OPEN,
      stubResolver({}).resolveAll,
      `http://127.0.0.1:${port}/redirect`,
      'job-redirect',
    );
    expect(recorded).toEqual(['webhook refused by the receiver: HTTP 302 (not retried)']);
    expect(callsTo('/redirect')).toHaveLength(1);
    expect(callsTo('/redirected')).toEqual([]);
  });
});

describe('worker configuration', () => {
  it('is strict by default and reads both variables', () => {
    expect(readEnv({})).toMatchObject({
      WEBHOOK_ALLOW_PRIVATE: 'false',
      WEBHOOK_ALLOWED_HOSTS: { names: [], ranges: [] },
    });
    expect(
      readEnv({ WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_ALLOWED_HOSTS: 'hooks.internal,10.20.0.0/16' }),
    ).toMatchObject({
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_ALLOWED_HOSTS: { names: ['hooks.internal'], ranges: ['10.20.0.0/16'] },
    });
    expect(() => readEnv({ WEBHOOK_ALLOWED_HOSTS: '10.0.0.0/99' })).toThrow(/WEBHOOK_ALLOWED_HOSTS/);
  });
});

describe('a worker with the default policy', () => {
  let queue: Queue;
  let worker: SolverWorkerHandle;

  beforeAll(async () => {
    queue = testQueue!.queue;
    worker = await startSolverWorker({
      redisUrl: redis.url,
      concurrency: 1,
      logger: silent,
      // The default policy, whatever the environment of the test run says.
      env: webhookEnv({ WEBHOOK_BACKOFF_MS: 50, WEBHOOK_ALLOW_PRIVATE: 'false' }),
      resolveWebhookHost: stubResolver({ 'hooks.test': ['127.0.0.1'] }).resolveAll,
    });
  });
  afterAll(async () => {
    await worker?.close(5_000);
  });

  it('refuses a callback whose name resolves to loopback, records it on the job, and keeps working', async () => {
    const job = await queue.add('solve', {
      kind: 'route',
      tenant: 'tenant-a',
      input: example('operator/small-cvrp.json'),
      options: { timeLimitS: 0.5 },
      callbackUrl: `http://hooks.test:${port}/worker-refused`,
    });
    await waitForState(queue, job.id!, ['completed']);
    const logs = await waitFor('the webhook outcome on the job', async () => {
      const { logs } = await queue.getJobLogs(job.id!);
      return logs.length > 0 && logs;
    });
    expect(logs).toEqual([
      'webhook not sent: callbackUrl host hooks.test resolves to 127.0.0.1 in 127.0.0.0/8 (loopback); webhooks are sent to public addresses only (not retried)',
    ]);
    expect(callsTo('/worker-refused')).toEqual([]);

    // The worker goes on: the next job completes.
    const next = await queue.add('solve', {
      kind: 'route',
      tenant: 'tenant-a',
      input: example('operator/small-cvrp.json'),
      options: { timeLimitS: 0.5 },
    });
    await waitForState(queue, next.id!, ['completed']);
  });
});
