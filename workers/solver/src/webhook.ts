import { createHmac, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { WEBHOOK_SIGNATURE_HEADER, type JobKind, type WebhookTargetPolicy } from '@paketbygd/model';
import type { Logger } from 'pino';
import {
  checkTarget,
  postPinned,
  systemResolveAll,
  WebhookTargetRefused,
  type ResolveAll,
} from './webhook-target';

/** What a callback URL receives when a job ends. */
export interface WebhookEvent {
  jobId: string;
  kind: JobKind;
  state: 'completed' | 'failed';
  result?: unknown;
  error?: { message: string };
}

/** Each tenant's signing key, derived from the one secret: hex HMAC-SHA256(secret, tenant). */
export function tenantWebhookKey(secret: string, tenant: string): string {
  return createHmac('sha256', secret).update(tenant).digest('hex');
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(key, "<t>.<body>")>`, the key used as its hex text. */
export function signWebhook(key: string, body: string, unixS: number): string {
  const mac = createHmac('sha256', key).update(`${unixS}.${body}`).digest('hex');
  return `t=${unixS},v1=${mac}`;
}

/** Checks a signature header against the body; `toleranceS` bounds replays. */
export function verifyWebhookSignature(
  key: string,
  body: string,
  header: string,
  nowS = Math.floor(Date.now() / 1000),
  toleranceS = 300,
): boolean {
  const fields = new Map(
    header.split(',').map((part) => {
      const [k, ...v] = part.split('=');
      return [k!.trim(), v.join('=')] as const;
    }),
  );
  const t = Number(fields.get('t'));
  const v1 = fields.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowS - t) > toleranceS) return false;
  const expected = Buffer.from(signWebhook(key, body, t).split('v1=')[1]!, 'hex');
  const given = Buffer.from(v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface WebhookOptions {
  /** WEBHOOK_SECRET; without it no webhook is sent (an unsigned one could be forged by anyone). */
  secret: string | undefined;
  attempts: number;
  backoffMs: number;
  timeoutMs: number;
  logger: Logger;
  /** Where webhooks may go (WEBHOOK_ALLOW_PRIVATE, WEBHOOK_ALLOWED_HOSTS); checked before each try. */
  targets: WebhookTargetPolicy;
  /** How host names are resolved; default dns.lookup, all addresses. */
  resolveAll?: ResolveAll;
}

/** Writes one line on the job the webhook is about (BullMQ's job log, shown by Bull Board). */
export type RecordOutcome = (line: string) => Promise<unknown>;

/**
 * Delivers webhooks in the background with retries, so a slow or dead receiver never holds up a
 * job or crashes the worker. `drain` lets shutdown wait for deliveries under way.
 */
export class WebhookSender {
  private readonly pending = new Set<Promise<void>>();
  private readonly closing = new AbortController();

  constructor(private readonly options: WebhookOptions) {}

  /** Delivers in the background; how it ended (delivered, refused, given up) is passed to `record`. */
  send(url: string, tenant: string, event: WebhookEvent, record?: RecordOutcome): void {
    const delivery = this.deliver(url, tenant, event)
      .catch((error: unknown) => {
        this.options.logger.error({ err: error, jobId: event.jobId, url }, 'webhook delivery crashed');
        return `webhook delivery crashed: ${error instanceof Error ? error.message : String(error)}`;
      })
      .then(async (outcome) => {
        if (outcome === undefined || !record) return;
        await record(outcome).catch((error: unknown) =>
          this.options.logger.warn(
            { err: error, jobId: event.jobId },
            'webhook outcome not recorded on the job',
          ),
        );
      });
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  }

  /** Waits for deliveries under way, up to `timeoutMs`, then abandons the rest. */
  async drain(timeoutMs: number): Promise<void> {
    const all = Promise.all([...this.pending]);
    const timer = sleep(timeoutMs, 'timeout' as const, { ref: false });
    if ((await Promise.race([all.then(() => 'done' as const), timer])) === 'timeout') {
      this.options.logger.warn(
        { pending: this.pending.size },
        'webhooks still pending at shutdown: abandoned',
      );
    }
    this.closing.abort();
    await all;
  }

  /** Delivers with retries; answers the line to record on the job (undefined at shutdown). */
  private async deliver(url: string, tenant: string, event: WebhookEvent): Promise<string | undefined> {
    const log = this.options.logger.child({ jobId: event.jobId, url });
    if (!this.options.secret) {
      log.warn('callbackUrl set but WEBHOOK_SECRET is not: webhook not sent');
      return 'webhook not sent: WEBHOOK_SECRET is not set';
    }
    const key = tenantWebhookKey(this.options.secret, tenant);
    const body = JSON.stringify(event);
    for (let attempt = 1; attempt <= this.options.attempts; attempt++) {
      if (this.closing.signal.aborted) return undefined;
      let outcome: string;
      try {
        // Checked before every try, and the connection goes to the addresses checked: a host
        // name that resolves elsewhere by the next try is checked again.
        const target = await checkTarget(
          url,
          this.options.targets,
          this.options.resolveAll ?? systemResolveAll,
        );
        const response = await postPinned(
          target,
          {
            'content-type': 'application/json',
            [WEBHOOK_SIGNATURE_HEADER]: signWebhook(key, body, Math.floor(Date.now() / 1000)),
          },
          body,
          AbortSignal.any([AbortSignal.timeout(this.options.timeoutMs), this.closing.signal]),
        );
        if (response.status >= 200 && response.status < 300) {
          log.info({ attempt, status: response.status }, 'webhook delivered');
          return `webhook delivered: HTTP ${response.status} (try ${attempt})`;
        }
        outcome = `HTTP ${response.status}`;
        // A receiver that rejects the request itself will reject it again. Redirects are not
        // followed: the URL the tenant gave is the only one called.
        if (response.status < 500 && response.status !== 429 && response.status !== 408) {
          log.warn({ attempt, status: response.status }, 'webhook refused by the receiver: not retried');
          return `webhook refused by the receiver: HTTP ${response.status} (not retried)`;
        }
      } catch (error) {
        if (error instanceof WebhookTargetRefused) {
          log.error(
            { attempt, reason: error.message },
            'webhook not sent: callbackUrl is not allowed (not retried)',
          );
          return `webhook not sent: ${error.message} (not retried)`;
        }
        outcome = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
      if (attempt === this.options.attempts) {
        log.error({ attempt, outcome }, 'webhook not delivered: giving up');
        return `webhook not delivered after ${attempt} tries: ${outcome}`;
      }
      const delayMs = this.options.backoffMs * 2 ** (attempt - 1);
      log.warn({ attempt, outcome, retryInMs: delayMs }, 'webhook delivery failed: retrying');
      try {
        await sleep(delayMs, undefined, { signal: this.closing.signal });
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
}
