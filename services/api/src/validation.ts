import {
  callbackUrlRefusal,
  collectKeys,
  ComparisonRequest,
  issuesToProblems,
  JobOptions,
  PlacementRequest,
  STRICT_WEBHOOK_TARGETS,
  validate,
  type JobKind,
  type JobPayload,
  type Problem,
  type WebhookTargetPolicy,
} from '@paketbygd/model';
import { z } from 'zod';

/** The input document of each job kind, as the worker receives it. */
export type JobInput<K extends JobKind> = Extract<JobPayload, { kind: K }>['input'];

export interface Submission<K extends JobKind = JobKind> {
  kind: K;
  input: JobInput<K>;
  options: JobOptions;
  callbackUrl: string | undefined;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** What each endpoint calls its document in messages. */
export const DOCUMENT_NAMES: Record<JobKind, string> = {
  plan: 'the scenario',
  compare: 'the comparison request',
  route: 'the routing request',
  place: 'the placement request',
};

const vocabulary = {
  compare: collectKeys(ComparisonRequest),
  place: collectKeys(PlacementRequest),
};

const prefixed = (prefix: string, problems: Problem[]): Problem[] =>
  problems.map((p) => ({ ...p, path: p.path === '(document)' ? prefix : `${prefix}.${p.path}` }));

function checkInput<K extends JobKind>(kind: K, body: unknown): Checked<JobInput<K>> {
  switch (kind) {
    case 'plan': {
      const result = validate('scenario', body);
      return result.ok
        ? { ok: true, value: result.value as JobInput<K> }
        : { ok: false, problems: result.problems };
    }
    case 'route': {
      const result = validate('routing-problem', body);
      if (!result.ok) return { ok: false, problems: result.problems };
      if (result.value.jobs.length === 0 && result.value.shipments.length === 0) {
        const message = 'nothing to route: give at least one job or shipment';
        return { ok: false, problems: [{ path: 'jobs', message }] };
      }
      return { ok: true, value: result.value as JobInput<K> };
    }
    case 'compare': {
      const parsed = ComparisonRequest.safeParse(body);
      if (!parsed.success)
        return { ok: false, problems: issuesToProblems(parsed.error.issues, vocabulary.compare) };
      // The model's comparison document is this request with a kind and a name; its checks across
      // scenario and bids (sites, carriers, currency) apply unchanged.
      const crossChecked = validate('comparison', {
        ...parsed.data,
        kind: 'comparison',
        name: parsed.data.name ?? 'request',
      });
      return crossChecked.ok
        ? { ok: true, value: parsed.data as JobInput<K> }
        : { ok: false, problems: crossChecked.problems };
    }
    case 'place': {
      const parsed = PlacementRequest.safeParse(body);
      if (!parsed.success)
        return { ok: false, problems: issuesToProblems(parsed.error.issues, vocabulary.place) };
      const scenario = validate('scenario', parsed.data.scenario);
      return scenario.ok
        ? { ok: true, value: parsed.data as JobInput<K> }
        : { ok: false, problems: prefixed('scenario', scenario.problems) };
    }
    default:
      throw new Error(`unknown job kind ${String(kind)}`);
  }
}

/** Query parameters every submission takes. Unknown ones are refused, so a typo is not silently ignored. */
export const SubmitQuery = z
  .object({
    wait: z.coerce.number().min(0).max(30, 'wait at most 30 s; poll the job for longer solves').optional(),
    timeLimitS: z.coerce.number().optional(),
    seed: z.coerce.number().optional(),
    callbackUrl: z.string().optional(),
  })
  .strict();
export type SubmitQuery = z.infer<typeof SubmitQuery>;

const HttpUrl = z
  .url({ protocol: /^https?$/, error: 'callbackUrl is an http(s) URL' })
  .max(2048, 'callbackUrl is at most 2048 characters');

/**
 * A submission: the body's document with `callbackUrl` taken off its top level (or given as
 * `?callbackUrl=`), and job options from `?timeLimitS=&seed=` — for routing requests also from
 * the VROOM `options.time_limit` (or vroom-express's `options.l`) / `options.seed`, which the query overrides. A `callbackUrl` with
 * credentials, or pointing to localhost or a literal internal address, is refused under `targets`
 * (the worker checks what a host name resolves to when it delivers).
 */
export function checkSubmission<K extends JobKind>(
  kind: K,
  query: unknown,
  body: unknown,
  targets: WebhookTargetPolicy = STRICT_WEBHOOK_TARGETS,
): Checked<{ submission: Submission<K>; waitS: number }> {
  const q = SubmitQuery.safeParse(query);
  if (!q.success) return { ok: false, problems: prefixed('query', issuesToProblems(q.error.issues)) };
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, problems: [{ path: '(document)', message: 'the body is a JSON object' }] };
  }
  const { callbackUrl: bodyCallback, ...document } = body as Record<string, unknown>;
  const problems: Problem[] = [];

  let callbackUrl: string | undefined;
  const given = q.data.callbackUrl ?? bodyCallback;
  if (q.data.callbackUrl !== undefined && bodyCallback !== undefined && q.data.callbackUrl !== bodyCallback) {
    problems.push({
      path: 'callbackUrl',
      message: 'is given both in the query and in the body, differently; give one',
    });
  } else if (given !== undefined) {
    const path = q.data.callbackUrl !== undefined ? 'query.callbackUrl' : 'callbackUrl';
    const url = HttpUrl.safeParse(given);
    const refusal = url.success ? callbackUrlRefusal(url.data, targets) : undefined;
    if (!url.success) problems.push({ path, message: url.error.issues[0]!.message });
    else if (refusal !== undefined) problems.push({ path, message: refusal });
    else callbackUrl = url.data;
  }

  const input = checkInput(kind, document);
  if (!input.ok) problems.push(...input.problems);

  const fromVroom = kind === 'route' && input.ok ? (input.value as JobInput<'route'>).options : undefined;
  const options = JobOptions.safeParse({
    // VROOM's `-l` as vroom-express passes it (`options.l`) when `time_limit` is not given.
    timeLimitS: q.data.timeLimitS ?? fromVroom?.time_limit ?? fromVroom?.l,
    seed: q.data.seed ?? fromVroom?.seed,
  });
  if (!options.success) {
    for (const issue of options.error.issues) {
      const key = String(issue.path[0]);
      const inQuery = (key === 'timeLimitS' ? q.data.timeLimitS : q.data.seed) !== undefined;
      const vroomKey = key === 'seed' ? 'seed' : fromVroom?.time_limit === undefined ? 'l' : 'time_limit';
      const path = inQuery ? `query.${key}` : `options.${vroomKey}`;
      problems.push({ path, message: issue.message });
    }
  }
  if (problems.length > 0 || !input.ok || !options.success) return { ok: false, problems };
  return {
    ok: true,
    value: {
      submission: { kind, input: input.value, options: options.data, callbackUrl },
      waitS: q.data.wait ?? 0,
    },
  };
}
