import { ApiError, type ApiClient, type JobView } from '../api/client';

export interface RunHandle {
  cancel(): Promise<void>;
  done: Promise<{ id: string; state: 'completed' | 'failed' | 'cancelled'; error?: string }>;
}

/** Polls a job until it ends, reporting its progress; `cancel` deletes it. */
export function followJob(
  api: ApiClient,
  id: string,
  onProgress: (view: JobView) => void,
  intervalMs = 400,
): RunHandle {
  let cancelled = false;
  let wake: (() => void) | undefined;
  const done = (async () => {
    for (;;) {
      if (cancelled) return { id, state: 'cancelled' as const };
      let view: JobView;
      try {
        view = await api.job(id);
      } catch (error) {
        if (cancelled || (error instanceof ApiError && error.status === 404))
          return { id, state: 'cancelled' as const };
        throw error;
      }
      onProgress(view);
      if (view.state === 'completed') return { id, state: 'completed' as const };
      if (view.state === 'failed') {
        if (cancelled || /cancel/i.test(view.error ?? '')) return { id, state: 'cancelled' as const };
        return { id, state: 'failed' as const, error: view.error ?? 'the job failed' };
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, intervalMs);
      });
    }
  })();
  return {
    done,
    cancel: async () => {
      cancelled = true;
      wake?.();
      await api.cancel(id);
    },
  };
}
