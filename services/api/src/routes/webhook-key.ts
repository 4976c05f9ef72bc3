import { WEBHOOK_SIGNATURE_HEADER } from '@paketbygd/model';
import { Router } from 'express';
import { createHmac } from 'node:crypto';
import { callerOf } from '../auth';
import { HttpError } from '../errors';

/** The key a tenant verifies webhooks with: hex HMAC-SHA256(WEBHOOK_SECRET, tenant), as the worker signs. */
export function webhookKey(secret: string, tenant: string): string {
  return createHmac('sha256', secret).update(tenant).digest('hex');
}

export function webhookKeyRoutes(secret: string | undefined): Router {
  const router = Router();
  router.get('/v1/webhook-key', (req, res) => {
    const { tenant } = callerOf(req);
    if (!secret)
      throw new HttpError(503, 'webhooks are not configured on this service (WEBHOOK_SECRET is not set)');
    res.set('Cache-Control', 'no-store').json({
      tenant,
      key: webhookKey(secret, tenant),
      header: WEBHOOK_SIGNATURE_HEADER,
      format: 't=<unix seconds>,v1=<hex HMAC-SHA256(key, "<t>.<body>")>',
    });
  });
  return router;
}
