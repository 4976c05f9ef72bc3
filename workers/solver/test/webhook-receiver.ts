import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WEBHOOK_SIGNATURE_HEADER } from '@paketbygd/model';

/** One call the receiver took: when, where, what, with which signature, and what it answered. */
export interface ReceivedWebhook {
  atMs: number;
  path: string;
  body: string;
  signature: string;
  status: number;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:port`: internal, so the worker must be told to allow it. */
  base: string;
  received: ReceivedWebhook[];
  /** The calls to one path, in the order they came. */
  callsTo(path: string): ReceivedWebhook[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The webhook tests' receiver on 127.0.0.1: records each call and answers what `statusFor` says for its path. */
export async function startWebhookReceiver(statusFor: (path: string) => number): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = req.url ?? '/';
    const status = statusFor(path);
    const signature = String(req.headers[WEBHOOK_SIGNATURE_HEADER] ?? '');
    received.push({ atMs: Date.now(), path, body, signature, status });
    res.writeHead(status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    callsTo: (path) => received.filter((r) => r.path === path),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
