import type { RoutingSolution, VroomRoute } from '@paketbygd/model';

/** VROOM's violation causes (docs/API.md, "Violation"), in its documented order. */
export const VIOLATION_CAUSES = [
  'delay',
  'lead_time',
  'load',
  'max_tasks',
  'skills',
  'precedence',
  'missing_break',
  'max_travel_time',
  'max_load',
  'max_distance',
] as const;
export type ViolationCause = (typeof VIOLATION_CAUSES)[number];

/** A violation: lead time and delay carry their duration in seconds, the others only their cause. */
export interface Violation {
  cause: ViolationCause;
  duration?: number;
}

/** One violation per cause, durations summed, as VROOM reports them for a route and the summary. */
export function violationTotals(violations: Violation[]): Violation[] {
  const out: Violation[] = [];
  for (const cause of VIOLATION_CAUSES) {
    const these = violations.filter((x) => x.cause === cause);
    if (these.length === 0) continue;
    const timed = these.some((x) => x.duration !== undefined);
    out.push(timed ? { cause, duration: these.reduce((sum, x) => sum + (x.duration ?? 0), 0) } : { cause });
  }
  return out;
}

/** The summary of plan-mode routes: sums of the routes' figures and of their violations. */
export function planSummary(
  routes: VroomRoute[],
  unassigned: number,
  dims: number,
  withDistance: boolean,
  loadingS: number,
  solvingS: number,
): RoutingSolution['summary'] {
  const total = (key: 'cost' | 'setup' | 'service' | 'duration' | 'waiting_time' | 'priority') =>
    routes.reduce((sum, r) => sum + r[key], 0);
  const amounts = (key: 'delivery' | 'pickup') =>
    Array.from({ length: dims }, (_, d) => routes.reduce((sum, r) => sum + (r[key][d] ?? 0), 0));
  return {
    cost: total('cost'),
    routes: routes.length,
    unassigned,
    setup: total('setup'),
    service: total('service'),
    duration: total('duration'),
    waiting_time: total('waiting_time'),
    priority: total('priority'),
    delivery: amounts('delivery'),
    pickup: amounts('pickup'),
    ...(withDistance ? { distance: routes.reduce((sum, r) => sum + (r.distance ?? 0), 0) } : {}),
    violations: violationTotals(routes.flatMap((r) => r.violations as Violation[])),
    computing_times: { loading: Math.round(loadingS * 1000), solving: Math.round(solvingS * 1000) },
  };
}
