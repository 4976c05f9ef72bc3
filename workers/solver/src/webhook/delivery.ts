import { createHmac, timingSafeEqual } from 'node:crypto';
import { WEBHOOK_SIGNATURE_HEADER, type JobKind, type WebhookTargetPolicy } from '@paketbygd/model';
import { checkTarget, postPinned, systemResolveAll, WebhookTargetRefused, type ResolveAll } from './target';

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

export interface DeliverySettings {
  /** Longest wait for one try (connect, send, status line). */
  timeoutMs: number;
  /** Where webhooks may go (WEBHOOK_ALLOW_PRIVATE, WEBHOOK_ALLOWED_HOSTS); checked before each try. */
  targets: WebhookTargetPolicy;
  /** How host names are resolved; default dns.lookup, all addresses. */
  resolveAll?: ResolveAll;
}

/** How one try ended. */
export type DeliveryTry =
  | { kind: 'delivered'; status: number }
  /** Never worth another try: the URL is not allowed, or the receiver refused the request (3xx, 4xx). */
  | { kind: 'refused'; reason: 'target' | 'receiver'; message: string; status?: number }
  /** Worth another try: network error, timeout, DNS failure, 408, 429, 5xx. */
  | { kind: 'failed'; message: string };

/**
 * One try at POSTing a signed webhook. The URL is checked before the try, and the connection goes
 * to the addresses checked, so a host name that resolves elsewhere by the next try is checked
 * again. Redirects are not followed: the URL the tenant gave is the only one called.
 */
export async function tryDelivery(
  url: string,
  key: string,
  body: string,
  settings: DeliverySettings,
  signal?: AbortSignal,
): Promise<DeliveryTry> {
  try {
    const target = await checkTarget(url, settings.targets, settings.resolveAll ?? systemResolveAll);
    const timeout = AbortSignal.timeout(settings.timeoutMs);
    const response = await postPinned(
      target,
      {
        'content-type': 'application/json',
        [WEBHOOK_SIGNATURE_HEADER]: signWebhook(key, body, Math.floor(Date.now() / 1000)),
      },
      body,
      signal ? AbortSignal.any([timeout, signal]) : timeout,
    );
    const { status } = response;
    if (status >= 200 && status < 300) return { kind: 'delivered', status };
    // A receiver that rejects the request itself will reject it again.
    if (status < 500 && status !== 429 && status !== 408)
      return { kind: 'refused', reason: 'receiver', status, message: `HTTP ${status}` };
    return { kind: 'failed', message: `HTTP ${status}` };
  } catch (error) {
    if (error instanceof WebhookTargetRefused)
      return { kind: 'refused', reason: 'target', message: error.message };
    return {
      kind: 'failed',
      message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}
