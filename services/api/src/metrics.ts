import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { JobStore } from './jobs';

/**
 * Prometheus metrics of one app, in a registry of its own (not prom-client's global one), so
 * that several apps in one process — tests — do not collide.
 */
export class ApiMetrics {
  readonly registry = new Registry();
  readonly http: Histogram<'method' | 'route' | 'status'>;
  readonly jobDuration: Histogram<'kind' | 'status'>;

  constructor(jobs: JobStore, logger: Logger) {
    collectDefaultMetrics({ register: this.registry, prefix: 'paketbygd_api_' });
    this.http = new Histogram({
      name: 'paketbygd_http_request_duration_seconds',
      help: 'HTTP request latency by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 30],
      registers: [this.registry],
    });
    this.jobDuration = new Histogram({
      name: 'paketbygd_job_duration_seconds',
      help: 'Time from a worker taking a job to its end, by kind and outcome (observed by this API process)',
      labelNames: ['kind', 'status'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
      registers: [this.registry],
    });
    new Gauge({
      name: 'paketbygd_queue_jobs',
      help: 'Jobs in the solve queue by state, read from Redis at scrape time',
      labelNames: ['state'],
      registers: [this.registry],
      async collect() {
        try {
          const counts = await jobs.counts();
          for (const [state, count] of Object.entries(counts)) this.set({ state }, count);
        } catch (error) {
          logger.warn({ err: error }, 'queue depth not available for /metrics');
        }
      },
    });
  }

  /** Times each request; the route label is the matched pattern, never the raw path, to bound cardinality. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const start = process.hrtime.bigint();
      res.once('finish', () => {
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
        this.http.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      });
      next();
    };
  }

  /** Observes job durations from the queue's event stream. */
  watchJobs(jobs: JobStore, logger: Logger): void {
    const observe = (status: 'completed' | 'failed') => (args: { jobId: string }) => {
      jobs
        .timing(args.jobId)
        .then((t) => {
          if (t) this.jobDuration.observe({ kind: t.kind, status }, (t.finishedOn - t.processedOn) / 1000);
        })
        .catch((error: unknown) => logger.debug({ err: error }, 'job timing not available'));
    };
    jobs.events.on('completed', observe('completed'));
    jobs.events.on('failed', observe('failed'));
  }
}
