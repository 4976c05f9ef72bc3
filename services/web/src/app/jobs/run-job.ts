import type { Accepted, ApiClient } from '../api/client';
import { w } from '../i18n/lang';
import { $ } from '../ui/dom';
import { followJob, type RunHandle } from './follow-job';
import { showProgress } from './progress';

/** How one kind of job (plan, comparison) is run from the page. */
export interface JobRun {
  /** The ids' prefix: `${prefix}-progress-box`, `-progress`, `-progress-text`, `run-${prefix}`, `cancel-${prefix}`. */
  prefix: 'plan' | 'compare';
  currency: string;
  submit(): Promise<Accepted>;
  /** Keeps the handle where Cancel and a reset find it (undefined when the run ends). */
  hold(run: RunHandle | undefined): void;
  /** Whether another scenario was loaded since the run started: then it must not touch the page. */
  stale(): boolean;
  completed(id: string, status: HTMLElement): Promise<void>;
  failed(error: string): void;
  refused(error: unknown): void;
}

/**
 * Submits a job, follows its progress on the bar and the status line, and moves the focus to
 * Cancel while it runs and back to the run button when Cancel disappears.
 */
export async function runJob(api: ApiClient, job: JobRun): Promise<void> {
  const bar = $<HTMLProgressElement>(`${job.prefix}-progress`);
  const text = $(`${job.prefix}-progress-text`);
  const runButton = $<HTMLButtonElement>(`run-${job.prefix}`);
  const cancelButton = $<HTMLButtonElement>(`cancel-${job.prefix}`);
  $(`${job.prefix}-progress-box`).hidden = false;
  bar.value = 0;
  text.textContent = w().submitting;
  runButton.disabled = true;
  try {
    const accepted = await job.submit();
    if (job.stale()) return void api.cancel(accepted.id).catch(() => undefined);
    const run = followJob(api, accepted.id, (view) => {
      if (job.stale()) return;
      bar.value = view.state === 'completed' ? 100 : (view.progress?.percent ?? 0);
      showProgress(text, view, job.currency);
    });
    job.hold(run);
    cancelButton.hidden = false;
    cancelButton.focus();
    const end = await run.done;
    if (job.stale()) return;
    if (end.state === 'completed') await job.completed(end.id, text);
    else if (end.state === 'cancelled') text.textContent = w().cancelled;
    else {
      text.textContent = w().failed(String(end.error));
      job.failed(end.error ?? 'failed');
    }
  } catch (error) {
    if (job.stale()) return;
    text.textContent = w().notSubmitted;
    job.refused(error);
  } finally {
    if (!job.stale()) restoreControls(job, runButton, cancelButton);
  }
}

/** The run is over: no handle, the run button back, Cancel gone. */
function restoreControls(job: JobRun, runButton: HTMLButtonElement, cancelButton: HTMLButtonElement): void {
  job.hold(undefined);
  runButton.disabled = false;
  const hadFocus = document.activeElement === cancelButton;
  cancelButton.hidden = true;
  // The focus was on Cancel (it goes there when a run starts): keep it in the form.
  if (hadFocus) runButton.focus();
}

/** Cancel: says so on the status line, and names a failure to cancel. */
export async function cancelJob(
  prefix: 'plan' | 'compare',
  run: RunHandle | undefined,
  refused: (error: unknown) => void,
): Promise<void> {
  $(`${prefix}-progress-text`).textContent = w().cancelling;
  try {
    await run?.cancel();
  } catch (error) {
    refused(error);
  }
}
