import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Router } from 'express';
import type { JobStore } from './jobs';

export const ADMIN_PATH = '/admin/queues';

/** Bull Board over the solve queue and the webhook deliveries; the caller mounts it behind the admin key. */
export function queueDashboard(jobs: JobStore): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(ADMIN_PATH);
  createBullBoard({
    queues: [
      new BullMQAdapter(jobs.queue, { readOnlyMode: false }),
      new BullMQAdapter(jobs.webhooks, { readOnlyMode: false }),
    ],
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Paketbygd jobs' } },
  });
  return serverAdapter.getRouter() as Router;
}
