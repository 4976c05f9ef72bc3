import { $ } from '../ui/dom';
import { state } from './state';

/**
 * A new scenario makes every result of the old one stale: the plan, its status line and the
 * comparison go, and a run still in progress is cancelled (its result would belong to the old one).
 */
export function resetResults(): void {
  void state.run?.cancel().catch(() => undefined);
  void state.compareRun?.cancel().catch(() => undefined);
  state.generation += 1;
  state.run = undefined;
  state.compareRun = undefined;
  state.plan = undefined;
  state.comparison = undefined;
  $('plan-progress-text').textContent = '';
  $('plan-progress-box').hidden = true;
  $('compare-progress-text').textContent = '';
  $('compare-progress-box').hidden = true;
  $('plan-view').hidden = true;
  $('plan-empty').hidden = false;
  $('compare-view').hidden = true;
  // The runs' controls as before a run (a cancelled run of the old scenario no longer touches them).
  $<HTMLButtonElement>('run-plan').disabled = false;
  $('cancel-plan').hidden = true;
  $('cancel-compare').hidden = true;
  delete $('map').dataset.features;
  // What a GTFS feed added belongs to the scenario it was added to.
  state.gtfs = undefined;
  $('gtfs-status').textContent = '';
  $('gtfs-problems').hidden = true;
  $('gtfs-table').hidden = true;
}
