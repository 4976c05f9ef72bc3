import {
  ComparisonRequest,
  ComparisonResult,
  jsonSchemas,
  MAX_JOB_TIME_LIMIT_S,
  PlacementAnswer,
  PlacementRequest,
  WEBHOOK_SIGNATURE_HEADER,
} from '@paketbygd/model';
import { z } from 'zod';
import {
  AcceptedSchema,
  VroomErrorSchema,
  CancelSchema,
  ErrorSchema,
  JobViewSchema,
  ReadinessSchema,
  WebhookKeySchema,
} from './schemas';

type Json = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const ISO_DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

/** POST /v1/transports's answer (services/api/src/routes/gtfs.ts), field by field. */
const TRANSPORTS_ANSWER = {
  type: 'object',
  additionalProperties: false,
  required: [
    'scenario',
    'transports',
    'lines',
    'dates',
    'datesChosen',
    'datesChosenText',
    'rowsRead',
    'skipped',
    'stopMatches',
  ],
  properties: {
    scenario: ref('Scenario'),
    transports: {
      type: 'integer',
      minimum: 0,
      description: 'how many transports the scenario now has from the feed',
    },
    lines: { type: 'integer', minimum: 0, description: 'lines that stop in the area' },
    dates: { type: 'array', items: ISO_DATE, description: 'the dates read' },
    datesChosen: {
      type: 'object',
      additionalProperties: false,
      required: ['how', 'dates', 'isoWeek'],
      description: 'which dates were read and how they were chosen, for a client to word in its language',
      properties: {
        how: { enum: ['given-date', 'given-week', 'first-whole-week'] },
        dates: { type: 'array', items: ISO_DATE },
        isoWeek: { type: 'string', pattern: '^\\d{4}-W\\d{2}$' },
        firstServiceDate: {
          ...ISO_DATE,
          description: "with first-whole-week: the feed's first date of service",
        },
      },
    },
    datesChosenText: { type: 'string', description: 'the same in plain English' },
    rowsRead: {
      type: 'object',
      additionalProperties: { type: 'integer', minimum: 0 },
      description: 'rows read per file of the feed',
    },
    skipped: {
      type: 'array',
      items: { type: 'string' },
      description: 'rows skipped (only with allowSkipped)',
    },
    stopMatches: {
      type: 'array',
      description: 'the feed stops taken to be at a hub or candidate site of the scenario',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['gtfsStopId', 'stopName', 'at', 'atKind', 'distanceM'],
        properties: {
          gtfsStopId: { type: 'string' },
          stopName: { type: 'string' },
          at: { type: 'string' },
          atKind: { enum: ['hub', 'site'] },
          distanceM: { type: 'number', minimum: 0 },
        },
      },
    },
  },
};

/** What a callbackUrl may not be (packages/model/src/network.ts); said on every submission. */
const CALLBACK_RULE =
  'A `callbackUrl` must be http(s), carry no user name or password, and point to a public host: `localhost`, `*.localhost` and literal addresses in loopback, private, link-local (cloud metadata), carrier-grade NAT, multicast and other special-purpose ranges (IPv4 0/8, 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.0.0/24, 192.168/16, 198.18/15, 224/4, 240/4; IPv6 ::, ::1, fc00::/7, fe80::/10, ff00::/8; IPv4-mapped addresses as their IPv4 address; decimal, hex and octal IPv4 forms as the URL parser reads them) are refused with 400. A host name is resolved when the webhook is sent: if any of its addresses is in such a range, the webhook is not sent. The operator may allow internal receivers.';

/**
 * A JSON Schema as an OpenAPI 3.1 component: `$schema` dropped and any `$defs` hoisted into
 * components (with their `$ref`s rewritten), because inside an OpenAPI document `#/…` points at
 * the document's root, not at the schema's.
 */
function toComponent(name: string, schema: unknown, into: Record<string, unknown>): void {
  const { $schema: _ignored, $defs, ...rest } = schema as Json & { $defs?: Json };
  const defs = $defs ?? {};
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) =>
          k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')
            ? [k, `#/components/schemas/${name}_${v.slice('#/$defs/'.length)}`]
            : [k, rewrite(v)],
        ),
      );
    }
    return value;
  };
  for (const [defName, def] of Object.entries(defs)) into[`${name}_${defName}`] = rewrite(def);
  into[name] = rewrite(rest);
}

function schemas(): Record<string, unknown> {
  const input = { io: 'input', unrepresentable: 'any' } as const;
  const output = { io: 'output', unrepresentable: 'any' } as const;
  const model = jsonSchemas();
  const all: Record<string, unknown> = {
    Scenario: model.Scenario,
    RoutingProblem: model.RoutingProblem,
    ComparisonRequest: z.toJSONSchema(ComparisonRequest, input),
    PlacementRequest: z.toJSONSchema(PlacementRequest, input),
    Plan: model.Plan,
    RoutingSolution: model.RoutingSolution,
    ComparisonResult: z.toJSONSchema(ComparisonResult, output),
    PlacementAnswer: z.toJSONSchema(PlacementAnswer, output),
    Accepted: z.toJSONSchema(AcceptedSchema, output),
    JobView: z.toJSONSchema(JobViewSchema, output),
    Cancel: z.toJSONSchema(CancelSchema, output),
    Error: z.toJSONSchema(ErrorSchema, output),
    VroomError: z.toJSONSchema(VroomErrorSchema, output),
    WebhookKey: z.toJSONSchema(WebhookKeySchema, output),
    Readiness: z.toJSONSchema(ReadinessSchema, output),
  };
  const components: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(all)) toComponent(name, schema, components);
  return components;
}

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});

const COMMON_ERRORS = {
  '401': error('no API key, or a key that is not valid'),
  '429': {
    ...error(
      'too many requests with this key, or too many 401 answers to this client address; `Retry-After` says when to try again',
    ),
    headers: {
      'Retry-After': { schema: { type: 'integer' }, description: 'seconds' },
      RateLimit: {
        schema: { type: 'string' },
        description: '`limit=N, remaining=0, reset=S` (IETF draft 7)',
      },
      'RateLimit-Policy': { schema: { type: 'string' }, description: '`N;w=S`: N requests per S seconds' },
    },
  },
  '503': {
    ...error('Redis (jobs and rate limits) is not reachable; try again after `Retry-After` seconds'),
    headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'seconds' } },
  },
};

const jobId = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
  description: 'the job id from the submission',
};

interface Submit {
  path: string;
  kind: string;
  summary: string;
  body: string;
  result: string;
  description: string;
}

const SUBMISSIONS: Submit[] = [
  {
    path: '/v1/plans',
    kind: 'plan',
    summary: 'Plan a scenario',
    body: 'Scenario',
    result: 'Plan',
    description: 'Where boxes go, how parcels reach them, what it costs: the planner on a scenario.',
  },
  {
    path: '/v1/comparisons',
    kind: 'compare',
    summary: 'Compare variants and bids',
    body: 'ComparisonRequest',
    result: 'ComparisonResult',
    description: 'Variants of a scenario and/or bids evaluated on the same demand, scored.',
  },
  {
    path: '/v1/routes',
    kind: 'route',
    summary: 'Optimise vehicle routes (VROOM-compatible)',
    body: 'RoutingProblem',
    result: 'RoutingSolution',
    description:
      "A VROOM request. Tasks with `location` and no `matrices` get their matrix from the service's travel backend; the answer says which. VROOM `options.time_limit` and `options.seed` are used when the query gives none.",
  },
  {
    path: '/v1/placements',
    kind: 'place',
    summary: 'Place parcel boxes',
    body: 'PlacementRequest',
    result: 'PlacementAnswer',
    description: 'Which candidate sites get a box, by p-median, coverage, lexicographic or capacity model.',
  },
];

function submitOperation(s: Submit) {
  return {
    post: {
      operationId: `submit_${s.kind}`,
      tags: ['jobs'],
      summary: s.summary,
      description: `${s.description}\n\nValidates the body, queues a \`${s.kind}\` job and answers 202 with its id and links. A top-level \`callbackUrl\` in the body (or \`?callbackUrl=\`) is taken off the document: when the job ends, its result is POSTed there, signed in the \`${WEBHOOK_SIGNATURE_HEADER}\` header (see /v1/webhook-key). ${CALLBACK_RULE}`,
      parameters: [
        {
          name: 'wait',
          in: 'query',
          schema: { type: 'number', minimum: 0, maximum: 30 },
          description:
            'wait up to this many seconds: 200 with the result if the job finishes in time, else 202',
        },
        {
          name: 'timeLimitS',
          in: 'query',
          schema: { type: 'number', exclusiveMinimum: 0, maximum: MAX_JOB_TIME_LIMIT_S },
          description: 'solver time limit, seconds',
        },
        {
          name: 'seed',
          in: 'query',
          schema: { type: 'integer', minimum: 0 },
          description: 'random seed; the same seed and input give the same answer',
        },
        {
          name: 'callbackUrl',
          in: 'query',
          schema: { type: 'string', format: 'uri' },
          description: `where to POST the signed result (or give \`callbackUrl\` at the top of the body). ${CALLBACK_RULE}`,
        },
      ],
      requestBody: { required: true, content: { 'application/json': { schema: ref(s.body) } } },
      responses: {
        '200': {
          description: 'with `?wait=`: the job finished in time; its result',
          content: { 'application/json': { schema: ref(s.result) } },
        },
        '202': {
          description: 'queued (or still running after `?wait=`)',
          headers: { Location: { schema: { type: 'string' }, description: 'the job' } },
          content: { 'application/json': { schema: ref('Accepted') } },
        },
        '400': error('the body or query is not valid; `problems` lists each with its path'),
        '413': error('the body is over the size limit; `limitBytes` says the limit'),
        '415': error('the body is not JSON'),
        '422': error('with `?wait=`: the job failed; `message` says why'),
        ...COMMON_ERRORS,
      },
    },
  };
}

/** The OpenAPI 3.1 document of the API, built from the zod schemas of the model and the API. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const s of SUBMISSIONS) paths[s.path] = submitOperation(s);
  // The VROOM drop-in: VROOM's own answer and error shapes (VROOM_COMPAT_PATH adds one more path).
  const vroomError = (description: string) => ({
    description,
    content: { 'application/json': { schema: ref('VroomError') } },
  });
  for (const [path, operationId] of [
    ['/vroom', 'vroom_solve'],
    ['/optimization', 'vroom_optimization'],
  ] as const) {
    paths[path] = {
      post: {
        operationId,
        tags: ['vroom'],
        summary: 'Optimise vehicle routes synchronously (VROOM / vroom-express drop-in)',
        description:
          "A VROOM request, queued as a `route` job and answered when it ends, as vroom-express answers: the solution, or VROOM's `{ code, error }` (1 internal, 2 input, 3 routing, 4 too large). `/optimization` is openrouteservice's path for the same request and answer. The header `Paketbygd-Job-Id` names the job. A client that disconnects cancels it.",
        requestBody: { required: true, content: { 'application/json': { schema: ref('RoutingProblem') } } },
        responses: {
          '200': {
            description: 'the solution (code 0)',
            content: { 'application/json': { schema: ref('RoutingSolution') } },
          },
          '400': vroomError(
            'code 2: the body is not a valid VROOM request (the message names the path), or the job failed on its input',
          ),
          '401': vroomError(
            'code 2: no or a wrong API key (without a key in key-less mode, the configured tenant)',
          ),
          '413': vroomError('code 4: over the size limits'),
          '429': vroomError('code 2: rate limit'),
          '500': vroomError(
            'code 3: the travel backend failed; code 1: any other failure, or no answer within VROOM_COMPAT_MAX_WAIT_S (the message names the job, which goes on)',
          ),
          '503': vroomError('code 1: Redis is not reachable'),
        },
      },
    };
  }
  paths['/v1/jobs/{id}'] = {
    parameters: [jobId],
    get: {
      operationId: 'get_job',
      tags: ['jobs'],
      summary: 'State, progress, timestamps and error of a job',
      responses: {
        '200': { description: 'the job', content: { 'application/json': { schema: ref('JobView') } } },
        '404': error("no such job for this key (another tenant's job is not shown either)"),
        ...COMMON_ERRORS,
      },
    },
    delete: {
      operationId: 'cancel_job',
      tags: ['jobs'],
      summary: 'Cancel a job',
      description:
        'A job that is not running (waiting, delayed, or finished) is removed: 204. A running job is asked to stop: 202; it ends as failed.',
      responses: {
        '202': {
          description: 'the worker is asked to stop',
          content: { 'application/json': { schema: ref('Cancel') } },
        },
        '204': { description: 'removed' },
        '404': error('no such job for this key'),
        ...COMMON_ERRORS,
      },
    },
  };
  paths['/v1/jobs/{id}/result'] = {
    parameters: [jobId],
    get: {
      operationId: 'get_result',
      tags: ['jobs'],
      summary: 'The result of a finished job',
      description: "JSON by default; `Accept: application/geo+json` gives a plan job's result as GeoJSON.",
      responses: {
        '200': {
          description: 'the result',
          content: {
            'application/json': {
              schema: { oneOf: ['Plan', 'ComparisonResult', 'RoutingSolution', 'PlacementAnswer'].map(ref) },
            },
            'application/geo+json': {
              schema: { type: 'object', description: 'a GeoJSON FeatureCollection' },
            },
          },
        },
        '404': error('no such job for this key'),
        '406': error('GeoJSON was asked for a job that is not a plan'),
        '409': error('the job has not finished yet'),
        '422': error('the job failed; `message` says why'),
        ...COMMON_ERRORS,
      },
    },
  };
  paths['/v1/jobs/{id}/report'] = {
    parameters: [jobId],
    get: {
      operationId: 'get_report',
      tags: ['jobs'],
      summary: 'The HTML report of a finished plan or compare job',
      parameters: [
        {
          name: 'lang',
          in: 'query',
          schema: { type: 'string', enum: ['sv', 'en'] },
          description:
            "the report's language (Swedish with Swedish number formats, or English); without it the `Accept-Language` header chooses, and English is the default",
        },
      ],
      responses: {
        '200': {
          description: 'a self-contained HTML page',
          content: { 'text/html': { schema: { type: 'string' } } },
        },
        '400': error('`lang` is not sv or en'),
        '404': error('no such job for this key, or a kind of job without a report'),
        '409': error('the job has not finished yet'),
        '422': error('the job failed; `message` says why'),
        ...COMMON_ERRORS,
      },
    },
  };
  paths['/v1/transports'] = {
    post: {
      operationId: 'transports_from_gtfs',
      tags: ['scenarios'],
      summary: "A scenario's existing transports from a GTFS feed (a .zip, base64, at most 50 MB)",
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['scenario', 'feedZipBase64'],
              additionalProperties: false,
              properties: {
                scenario: ref('Scenario'),
                feedZipBase64: { type: 'string', description: 'the GTFS feed as a .zip, base64-encoded' },
                week: {
                  type: 'string',
                  description: "ISO week YYYY-Www (default: the feed's first whole week)",
                },
                date: { type: 'string', description: 'one date YYYY-MM-DD instead of a week' },
                allowSkipped: {
                  type: 'boolean',
                  description: 'use the feed even when rows had to be skipped',
                },
              },
            },
          },
        },
      },
      responses: {
        '200': {
          description:
            'the scenario with the lines that stop in its area as transports, with their departures',
          content: { 'application/json': { schema: TRANSPORTS_ANSWER } },
        },
        '400': error('the scenario or the feed is not valid; `message` names the file and line'),
        '413': error('the zip is larger than 50 MB'),
        ...COMMON_ERRORS,
      },
    },
  };
  paths['/v1/webhook-key'] = {
    get: {
      operationId: 'get_webhook_key',
      tags: ['webhooks'],
      summary: "The key that signs this tenant's webhooks",
      responses: {
        '200': { description: 'the key', content: { 'application/json': { schema: ref('WebhookKey') } } },
        ...COMMON_ERRORS,
        '503': error(
          'webhooks are not configured on this service, or Redis (rate limits) is not reachable (`Retry-After: 5`)',
        ),
      },
    },
  };
  const plain = (summary: string, description: string, content: Record<string, unknown>, extra = {}) => ({
    get: {
      tags: ['service'],
      summary,
      security: [],
      responses: { '200': { description, content }, ...extra },
    },
  });
  paths['/healthz'] = plain('Liveness', 'the process runs', {
    'application/json': { schema: { type: 'object' } },
  });
  paths['/readyz'] = plain(
    'Readiness',
    'Redis answers',
    { 'application/json': { schema: ref('Readiness') } },
    {
      '503': {
        description: 'Redis does not answer',
        content: { 'application/json': { schema: ref('Readiness') } },
      },
    },
  );
  paths['/metrics'] = plain('Prometheus metrics', 'metrics in the Prometheus text format', {
    'text/plain': { schema: { type: 'string' } },
  });
  paths['/openapi.json'] = plain('This document', 'OpenAPI 3.1', {
    'application/json': { schema: { type: 'object' } },
  });
  paths['/docs'] = plain('This document as a page', 'HTML', { 'text/html': { schema: { type: 'string' } } });

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Paketbygd API',
      version: '1.0.0',
      description:
        'Parcel-delivery planning for rural areas as asynchronous jobs: submit a scenario, comparison, routing or placement request, poll the job, fetch the result (JSON, GeoJSON, HTML report). Every /v1 call needs an API key: `Authorization: Bearer <key>`.',
    },
    servers: [{ url: '/' }],
    security: [{ apiKey: [] }],
    tags: [
      { name: 'jobs', description: 'submit, poll, fetch, cancel' },
      { name: 'webhooks', description: 'signed callbacks when a job ends' },
      { name: 'service', description: 'health, readiness, metrics, this document' },
    ],
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'an API key issued per tenant' },
      },
      schemas: schemas(),
    },
  };
}
