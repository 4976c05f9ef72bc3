import type { SearchClock } from '../clock';
import type { Instance } from '../instance/index';
import { DEFAULT_PARAMS, type SolveOptions, type SolveResult } from '../options';
import { Search, searchClock } from '../sisr';
import { absoluteNowMs, type EpochEndAt, type ThreadSolveOptions } from './protocol';
import { Team } from './team';
import { threadCountProblem } from './thread-count';

/** A thread silent this long (plus the time limit) is taken for dead: no heartbeat, no report. */
const SILENCE_MS = 120_000;

/**
 * `options.threads` searches at once: the caller's thread runs one (with the call's seed, so its
 * first epoch is the one-thread search's), worker threads the others (seeds derived from it).
 * The budget is cut into `params.epochs` epochs; after each, every search whose best is worse
 * than the best of all goes on from that one. Epochs end at iteration counts when there is an
 * iteration limit (or, until converged, the cooling schedule), so the answer is then a function of
 * (input, seed, threads) whatever the scheduling; under a time limit they end at times. Every
 * search has the whole budget (N threads do N times the work in the same wall time).
 */
export function solveInParallel(inst: Instance, options: SolveOptions): SolveResult {
  const threads = options.threads ?? 1;
  const problem = threadCountProblem(threads);
  if (problem) throw new RangeError(`routing: ${problem}`);
  const startMs = absoluteNowMs();
  const clock = searchClock(inst, options);
  const { signal: _signal, onProgress: _onProgress, threads: _threads, ...threadOptions } = options;
  const silenceMs = SILENCE_MS + (Number.isFinite(clock.timeLimitMs) ? clock.timeLimitMs : 0);
  const team = new Team(inst, threadOptions satisfies ThreadSolveOptions, threads - 1, startMs, silenceMs);
  try {
    const main = new Search(inst, options, clock);
    const epochs = Math.max(1, Math.round(options.params?.epochs ?? DEFAULT_PARAMS.epochs));
    return runEpochs(main, team, epochEnds(clock, epochs, startMs), epochs);
  } finally {
    team.close();
  }
}

/** Where epoch k (from 1) ends. */
function epochEnds(clock: SearchClock, epochs: number, startMs: number): (k: number) => EpochEndAt {
  const iterations =
    clock.maxIterations !== Infinity ? clock.maxIterations : clock.convergence?.budget.scheduleIterations;
  if (iterations !== undefined) {
    const perEpoch = Math.max(1, Math.ceil(iterations / epochs));
    return (k) => ({ iterations: k * perEpoch, timeMs: Infinity });
  }
  const perEpochMs = clock.timeLimitMs / epochs;
  return (k) => ({ iterations: Infinity, timeMs: startMs + k * perEpochMs });
}

/**
 * The epochs, until every search is finished (or the caller's signal aborts). Under iteration
 * epochs every barrier waits for every thread. Under a time limit a thread late at a barrier (by
 * more than a tenth of an epoch: still loading or building its first solution) is not waited
 * for: it joins a later one, and at the deadline one late by more than `finalGraceMs` is left out.
 */
function runEpochs(main: Search, team: Team, endOf: (k: number) => EpochEndAt, epochs: number): SolveResult {
  // This thread's performance.now() is the absolute time less this.
  const originMs = absoluteNowMs() - performance.now();
  const timed = endOf(1).timeMs !== Infinity;
  const epochMs = endOf(2).timeMs - endOf(1).timeMs;
  const epochGraceMs = timed ? Math.max(20, 0.1 * epochMs) : Infinity;
  const finalGraceMs = timed ? deadlineGraceMs(epochMs * epochs) : Infinity;
  let adopt: (number[][] | null)[] = [];
  for (let k = 1; ; k++) {
    // Epochs that ended while the first solutions were built are skipped: at each, this search
    // would stop at once and wait for a thread still loading, until the thread came (0.35 s for a
    // 0.05 s limit).
    while (timed && endOf(k).timeMs - originMs <= performance.now()) k++;
    const end = endOf(k);
    team.command(end, adopt);
    if (!main.finished) main.run({ iterations: end.iterations, timeMs: end.timeMs - originMs });
    // Aborted: answer at once with what this thread holds (the threads are stopped).
    if (main.clock.aborted) break;
    team.collect(performance.now() + (main.finished ? finalGraceMs : epochGraceMs));
    adopt = shareBest(main, team);
    main.report(main.iterations + team.iterations());
    if (main.finished && (timed || team.allFinished())) break;
  }
  return main.result(main.iterations + team.iterations());
}

/**
 * How long past the time limit the answer waits for a thread that has not reported (one still
 * loading, on a short limit): a twentieth of the limit, from 20 ms to 250 ms, so that a run
 * answers at most 5 % late (a 1 s run waited 250 ms, a 600 s run up to 3 s).
 */
export function deadlineGraceMs(timeLimitMs: number): number {
  return Math.min(250, Math.max(20, 0.05 * timeLimitMs));
}

/**
 * The best solution of all (the caller's search first on a tie, then the threads in order):
 * the caller's search adopts it at once, and the returned list says which thread adopts it with
 * its next command.
 */
function shareBest(main: Search, team: Team): (number[][] | null)[] {
  let bestTotal = main.bestTotal;
  let best = main.best();
  for (const m of team.members) {
    if (m.last && m.last.bestTotal < bestTotal - 1e-9) {
      bestTotal = m.last.bestTotal;
      best = m.last.best;
    }
  }
  if (main.bestTotal > bestTotal + 1e-9) main.adopt(best);
  return team.members.map((m) => (m.last && m.last.bestTotal > bestTotal + 1e-9 ? best : null));
}
