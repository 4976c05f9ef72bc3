import express from 'express';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino, type Level } from 'pino';
import { describe, expect, it } from 'vitest';
import { requestLog } from '../src/request-log';

/** An app with the request log at `level`: /ok answers 200, /fail 503; the log lines it wrote. */
async function withApp(
  level: Level,
  run: (url: string, lines: () => Record<string, unknown>[]) => Promise<void>,
) {
  const written: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const app = express();
  app.use(requestLog(pino({ level }, sink)));
  app.get('/ok', (_req, res) => void res.json({ ok: true }));
  app.get('/fail', (_req, res) => void res.status(503).json({ ok: false }));
  const server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  try {
    await run(`http://127.0.0.1:${port}`, () =>
      written.map((line) => JSON.parse(line) as Record<string, unknown>),
    );
  } finally {
    server.close();
  }
}

describe('request log', () => {
  it('above info: the request id in every answer, a line only for 5xx answers, callback URL redacted', async () => {
    await withApp('warn', async (url, lines) => {
      const given = await fetch(`${url}/ok`, { headers: { 'x-request-id': 'trace-1' } });
      expect(given.headers.get('x-request-id')).toBe('trace-1');
      const made = await fetch(`${url}/ok`, { headers: { 'x-request-id': 'not a token!' } });
      expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(lines()).toEqual([]);
      const failed = await fetch(`${url}/fail?callbackUrl=https://x.test/?token=secret`);
      expect(failed.status).toBe(503);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(lines()).toHaveLength(1);
      expect(lines()[0]).toMatchObject({
        level: 50,
        msg: 'request errored',
        req: { id: failed.headers.get('x-request-id'), method: 'GET', url: '/fail?callbackUrl=[redacted]' },
        res: { statusCode: 503 },
      });
    });
  });

  it('at info: one line per request (pino-http), with the same request id', async () => {
    await withApp('info', async (url, lines) => {
      const ok = await fetch(`${url}/ok`, { headers: { 'x-request-id': 'trace-2' } });
      expect(ok.headers.get('x-request-id')).toBe('trace-2');
      await fetch(`${url}/fail`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(lines().map((l) => [l.level, (l.res as { statusCode: number }).statusCode])).toEqual([
        [30, 200],
        [50, 503],
      ]);
      expect(lines()[0]).toMatchObject({ req: { id: 'trace-2', method: 'GET', url: '/ok' } });
    });
  });
});
