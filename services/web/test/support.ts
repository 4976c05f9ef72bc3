import express from 'express';
import helmet from 'helmet';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { build } from 'vite';
import { createApp, KeyStore, type ApiApp } from '@paketbygd/api';
import { startSolverWorker, type SolverWorkerHandle } from '@paketbygd/solver-worker';
import { startTestRedis, type TestRedis } from '../../../tests/support/redis-server';
import { webRouter } from '../src/serve';

export const API_KEY = 'web-test-key-0123456789abcdef';
export const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('../../../tests/artifacts/', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds the page into dist/ (about two seconds), so the test runs what the API serves. */
export async function buildPage(): Promise<void> {
  await build({ root: WEB_ROOT, configFile: `${WEB_ROOT}vite.config.ts`, logLevel: 'warn' });
}

export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM)
    ? undefined
    : `${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface Stack {
  url: string;
  api: ApiApp;
  redis: TestRedis;
  worker: SolverWorkerHandle;
  close(): Promise<void>;
}

/**
 * The API as the lead mounts it: helmet, then the page at `/`, then the API's own app (which ends
 * in its 404 handler), against a real Redis and a real solver worker.
 */
export async function startStack(): Promise<Stack> {
  const redis = await startTestRedis();
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const api = createApp({
    redisUrl: redis.url,
    logger,
    keys: new KeyStore([{ tenant: 'web', key: API_KEY }]),
    jobMetrics: false,
  });
  const worker = await startSolverWorker({
    redisUrl: redis.url,
    concurrency: 2,
    logger,
    travel: { backend: 'straightline' },
    progressIntervalMs: 200,
  });
  const outer = express();
  outer.use(helmet());
  outer.use(webRouter());
  outer.use(api.app);
  const server: Server = outer.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    api,
    redis,
    worker,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await worker.close(5000);
      await api.close();
      await redis.stop();
    },
  };
}

/** The WCAG 2.0 and 2.1 A and AA rules of axe-core: what the page must pass (EU WAD, DOS-lagen). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page and returns its violations as one line per failing element: rule id,
 * impact, the element's selector and axe's summary of what is wrong. The script is evaluated over
 * the DevTools protocol rather than added as a <script> tag, which the page's CSP would block.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<AxeResults> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : String(t))).join(' '),
        summary: n.failureSummary ?? '',
      })),
    }));
  }, AXE_TAGS);
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target}: ${v.help}. ${n.summary.replace(/\s+/g, ' ')}`),
  );
}
