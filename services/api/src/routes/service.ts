import { Router } from 'express';
import { renderDocsPage } from '../docs-page';
import type { JobStore } from '../jobs';
import type { ApiMetrics } from '../metrics';
import { openApiDocument } from '../openapi';

/** Health, readiness, metrics and the API's own documentation: no key needed. */
export function serviceRoutes(jobs: JobStore, metrics: ApiMetrics): Router {
  const router = Router();
  const document = openApiDocument();
  const documentJson = JSON.stringify(document);
  const docsPage = renderDocsPage(document);

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    const redis = await jobs.ping(1000);
    res.status(redis ? 200 : 503).json({ status: redis ? 'ok' : 'unavailable', redis });
  });

  router.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(documentJson);
  });

  router.get('/docs', (_req, res) => {
    res.type('html').send(docsPage);
  });

  return router;
}
