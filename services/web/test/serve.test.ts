import express from 'express';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WEB_CSP, webDistDir, webRouter } from '../src/serve';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function serve(dir: string) {
  const app = express();
  app.use(webRouter({ dir }));
  app.use((_req, res) => void res.status(404).send('api 404'));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise((r) => server.close(r)) };
}

describe('webRouter', () => {
  it('serves the build with its CSP and cache headers; other paths fall through', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paketbygd-web-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Paketbygd</title>');
    writeFileSync(join(dir, 'assets', 'index-abc.js'), 'export {};');
    const s = await serve(dir);
    try {
      const page = await fetch(`${s.url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toBe(WEB_CSP);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const asset = await fetch(`${s.url}/assets/index-abc.js`);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect((await fetch(`${s.url}/v1/jobs/x`)).status).toBe(404);
      expect(await (await fetch(`${s.url}/v1/jobs/x`)).text()).toBe('api 404');
    } finally {
      await s.close();
    }
  });

  it('without a build, / says how to build it and the rest falls through', async () => {
    const s = await serve(join(tmpdir(), 'paketbygd-web-not-built-here'));
    try {
      const page = await fetch(`${s.url}/`);
      expect(page.status).toBe(503);
      expect(await page.text()).toMatch(/pnpm build/);
      expect((await fetch(`${s.url}/healthz`)).status).toBe(404);
    } finally {
      await s.close();
    }
    expect(webDistDir).toMatch(/services\/web\/dist\/$/);
  });
});
