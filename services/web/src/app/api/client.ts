import type { JobProgress } from '@paketbygd/model';
import { pw } from '../i18n/page-words';

/** The API's job view, as far as the page needs it. */
export interface JobView {
  id: string;
  kind: string;
  state: string;
  progress: JobProgress | null;
  error: string | null;
}

export interface Accepted {
  id: string;
  kind: string;
  state: string;
  links: { self: string; result: string; report?: string };
}

/** The API's answer to a GTFS upload, as far as the page needs it. */
export interface TransportsAnswer {
  scenario: unknown;
  transports: number;
  lines: number;
  /** The service dates read (YYYY-MM-DD), a week or one date. */
  dates: string[];
  /** How they were chosen (the data package's DatesChosen): the date or week given, or the feed's first whole week. */
  datesChosen: {
    how: 'given-date' | 'given-week' | 'first-whole-week';
    dates: string[];
    isoWeek: string;
    firstServiceDate?: string;
  };
  skipped: string[];
}

/** An answer of the API that is not 2xx, with its message and problems (`path: message`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A small client of the Paketbygd HTTP API on the page's own origin (or `base`). */
export class ApiClient {
  constructor(
    private readonly key: () => string,
    private readonly base = '',
  ) {}

  private async call(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const key = this.key().trim();
    if (key) headers.set('Authorization', `Bearer ${key}`);
    const res = await fetch(`${this.base}${path}`, { ...init, headers });
    if (!res.ok && res.status !== 202) {
      let message = `${res.status} ${res.statusText}`;
      let problems: { path: string; message: string }[] = [];
      try {
        const body = (await res.json()) as {
          message?: string;
          problems?: { path: string; message: string }[];
        };
        if (body.message) message = body.message;
        if (Array.isArray(body.problems)) problems = body.problems;
      } catch {
        // not JSON: keep the status line
      }
      if (res.status === 401) message = `${message} (${pw().setKey})`;
      throw new ApiError(res.status, message, problems);
    }
    return res;
  }

  async submit(
    kind: 'plans' | 'comparisons',
    body: unknown,
    options: { timeLimitS?: number; seed?: number } = {},
  ): Promise<Accepted> {
    const q = new URLSearchParams();
    if (options.timeLimitS) q.set('timeLimitS', String(options.timeLimitS));
    if (options.seed !== undefined) q.set('seed', String(options.seed));
    const res = await this.call(`/v1/${kind}${q.size ? `?${q}` : ''}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await res.json()) as Accepted;
  }

  /** POST /v1/transports: the scenario with the lines of a GTFS feed (a .zip, base64) as its transports. */
  async transports(scenario: unknown, feedZipBase64: string, week?: string): Promise<TransportsAnswer> {
    const res = await this.call('/v1/transports', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scenario, feedZipBase64, ...(week ? { week } : {}) }),
    });
    return (await res.json()) as TransportsAnswer;
  }

  async job(id: string): Promise<JobView> {
    return (await (await this.call(`/v1/jobs/${encodeURIComponent(id)}`)).json()) as JobView;
  }

  async result<T>(id: string): Promise<T> {
    return (await (
      await this.call(`/v1/jobs/${encodeURIComponent(id)}/result`, {
        headers: { Accept: 'application/json' },
      })
    ).json()) as T;
  }

  async geojson(id: string): Promise<unknown> {
    const res = await this.call(`/v1/jobs/${encodeURIComponent(id)}/result`, {
      headers: { Accept: 'application/geo+json' },
    });
    return (await res.json()) as unknown;
  }

  async report(id: string): Promise<Blob> {
    return await (await this.call(`/v1/jobs/${encodeURIComponent(id)}/report`)).blob();
  }

  async cancel(id: string): Promise<void> {
    await this.call(`/v1/jobs/${encodeURIComponent(id)}`, { method: 'DELETE' });
  }
}
