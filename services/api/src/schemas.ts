import { JobKind, JobOptions, JobProgress } from '@paketbygd/model';
import { z } from 'zod';

/** Shapes of the API's own answers; the OpenAPI document is generated from these and the model's schemas. */

export const JobStateSchema = z.enum([
  'waiting',
  'prioritized',
  'delayed',
  'active',
  'completed',
  'failed',
  'waiting-children',
  'unknown',
]);

export const JobLinksSchema = z.object({
  self: z.string().describe('this job'),
  result: z.string().describe('its result when completed'),
  report: z.string().optional().describe('its HTML report (plan and compare jobs)'),
});
export type JobLinks = z.infer<typeof JobLinksSchema>;

export const AcceptedSchema = z.object({
  id: z.uuid(),
  kind: JobKind,
  state: JobStateSchema,
  links: JobLinksSchema,
});
export type Accepted = z.infer<typeof AcceptedSchema>;

export const JobViewSchema = z.object({
  id: z.uuid(),
  kind: JobKind,
  state: JobStateSchema,
  progress: JobProgress.nullable().describe('percent done and best cost so far, while solving'),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  attempts: z.object({ made: z.number().int(), max: z.number().int() }),
  error: z.string().nullable().describe('why the job failed (its last attempt)'),
  options: JobOptions,
  callbackUrl: z.string().nullable(),
  links: JobLinksSchema,
});
export type JobView = z.infer<typeof JobViewSchema>;

export const ProblemSchema = z.object({
  path: z.string().describe("where, in the model's path format: demand[0].location[1]"),
  message: z.string(),
});

export const ErrorSchema = z.object({
  status: z.number().int(),
  error: z.string().describe('the HTTP reason phrase'),
  message: z.string().describe('what went wrong and, where known, how to fix it'),
  problems: z.array(ProblemSchema).optional().describe('every problem found in the request (400)'),
  limitBytes: z.number().int().optional().describe('the body size limit (413)'),
});

export const CancelSchema = z.object({
  id: z.uuid(),
  state: z.literal('active'),
  cancel: z.literal('requested'),
});

export const WebhookKeySchema = z.object({
  tenant: z.string(),
  key: z.string().describe('hex HMAC-SHA256(WEBHOOK_SECRET, tenant): verify webhook signatures with it'),
  header: z.string().describe('the header that carries the signature'),
  format: z.string(),
});

export const ReadinessSchema = z.object({ status: z.enum(['ok', 'unavailable']), redis: z.boolean() });

/** VROOM's error answer (docs/API.md "Output"), as the drop-in gives it. */
export const VroomErrorSchema = z.object({
  code: z
    .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])
    .describe('1 internal error, 2 input error, 3 routing error, 4 over the size limits (vroom-express)'),
  error: z.string(),
});
