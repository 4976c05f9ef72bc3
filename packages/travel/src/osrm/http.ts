import { TravelError } from '../errors';

export interface HttpOptions {
  /** Per attempt. */
  timeoutMs: number;
  /** Extra attempts after the first, on network errors, timeouts, 429 and 5xx; never on other 4xx. */
  retries: number;
  /** First pause between attempts; doubles each time. */
  backoffMs: number;
  fetch?: typeof fetch;
}

export interface HttpAnswer {
  status: number;
  body: unknown;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function describe(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timed out';
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}

/** GET a JSON document, retrying what may pass on its own and nothing else. */
export async function getJson(url: string, options: HttpOptions): Promise<HttpAnswer> {
  const doFetch = options.fetch ?? fetch;
  const origin = new URL(url).origin;
  let lastProblem = '';
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (attempt > 0) await sleep(options.backoffMs * 2 ** (attempt - 1));
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
      text = await response.text();
    } catch (error) {
      lastProblem = `${describe(error)}${describe(error) === 'timed out' ? ` after ${options.timeoutMs} ms` : ''}`;
      continue;
    }
    if (response.status >= 500 || response.status === 429) {
      lastProblem = `HTTP ${response.status}`;
      continue;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new TravelError(
        'BackendError',
        `OSRM at ${origin} answered HTTP ${response.status} with something that is not JSON: ${JSON.stringify(text.slice(0, 120))}`,
      );
    }
    return { status: response.status, body };
  }
  throw new TravelError(
    'BackendUnavailable',
    `OSRM at ${origin} did not answer (${lastProblem}; ${options.retries + 1} attempt${options.retries === 0 ? '' : 's'}). Is osrm-routed running there?`,
  );
}
