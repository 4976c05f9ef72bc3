import express, { type Router } from 'express';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of the built page (`pnpm build` writes it). */
export const webDistDir: string = fileURLToPath(new URL('../dist/', import.meta.url));

/** True when the page has been built. */
export function webBuilt(): boolean {
  return existsSync(`${webDistDir}index.html`);
}

/**
 * The page's own Content-Security-Policy: scripts and data only from this origin; map tiles
 * (an optional setting) from any http(s) server; inline styles for Leaflet's positioning.
 * It replaces helmet's, which would block tiles from a tile server.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https: http:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
  "form-action 'self'",
].join('; ');

/**
 * The web page as an express router, to mount at `/`: `app.use(webRouter())` before the 404
 * handler. Serves `dist/` (hashed assets cached for a year, index.html never cached). When the
 * page has not been built, `GET /` answers 503 with how to build it; every other path falls
 * through to the app.
 */
export function webRouter(options: { dir?: string } = {}): Router {
  const dir = options.dir ?? webDistDir;
  const router = express.Router();
  router.use((req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') res.setHeader('Content-Security-Policy', WEB_CSP);
    next();
  });
  router.get(['/', '/index.html'], (_req, res, next) => {
    if (existsSync(`${dir}/index.html`)) {
      next();
      return;
    }
    res
      .status(503)
      .type('text')
      .send('the web page is not built: run `pnpm build` (pnpm --filter @paketbygd/web build)\n');
  });
  router.use(
    express.static(dir, {
      index: 'index.html',
      fallthrough: true,
      setHeaders: (res, path) => {
        if (path.includes('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        else res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  return router;
}
