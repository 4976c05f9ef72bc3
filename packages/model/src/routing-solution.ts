import { z } from 'zod';
import { LonLat } from './primitives';
import { VroomIdOut } from './vroom-id';

/** Why a task was left unserved (Paketbygd extension of VROOM's `unassigned`). */
export const UnassignedReason = z.enum([
  'capacity',
  'time_window',
  'skills',
  'max_duration',
  'max_distance',
  'max_travel_time',
  'max_tasks',
  'unreachable',
  'not_profitable',
  'no_vehicle',
]);
export type UnassignedReason = z.infer<typeof UnassignedReason>;

export const VroomStep = z.object({
  type: z.enum(['start', 'job', 'pickup', 'delivery', 'break', 'end']),
  id: VroomIdOut.optional(),
  /** The job's id again on `job` steps, as VROOM's answers have it (`id` is the field to read). */
  job: VroomIdOut.optional(),
  description: z.string().optional(),
  location: LonLat.optional(),
  location_index: z.number().int().optional(),
  arrival: z.number(),
  duration: z.number(),
  setup: z.number(),
  service: z.number(),
  waiting_time: z.number(),
  load: z.array(z.number()),
  distance: z.number().optional(),
  violations: z.array(z.unknown()).default([]),
});
export type VroomStep = z.infer<typeof VroomStep>;

/** What VROOM sums per route and again over all routes: the same fields in a route and in the summary. */
const routeTotals = {
  setup: z.number(),
  service: z.number(),
  duration: z.number(),
  waiting_time: z.number(),
  priority: z.number(),
  delivery: z.array(z.number()),
  pickup: z.array(z.number()),
  distance: z.number().optional(),
};

export const VroomRoute = z.object({
  vehicle: VroomIdOut,
  /** (Paketbygd) which copy of a vehicle with `count` > 1. */
  copy: z.number().int().optional(),
  description: z.string().optional(),
  cost: z.number(),
  ...routeTotals,
  steps: z.array(VroomStep),
  violations: z.array(z.unknown()).default([]),
  /**
   * With `options.g`: the route's road path as VROOM gives it, an encoded polyline (Google's format,
   * precision 5, [lat, lon] pairs as OSRM's), from the travel backend's route through the steps.
   */
  geometry: z.string().optional(),
});
export type VroomRoute = z.infer<typeof VroomRoute>;

export const RoutingSolution = z.object({
  code: z.number().int(),
  error: z.string().optional(),
  summary: z.object({
    cost: z.number(),
    routes: z.number().int(),
    unassigned: z.number().int(),
    ...routeTotals,
    violations: z.array(z.unknown()).default([]),
    computing_times: z.object({ loading: z.number(), solving: z.number(), routing: z.number().optional() }),
  }),
  unassigned: z.array(
    z.object({
      id: VroomIdOut,
      type: z.enum(['job', 'pickup', 'delivery']),
      location: LonLat.optional(),
      description: z.string().optional(),
      reason: UnassignedReason.optional(),
    }),
  ),
  routes: z.array(VroomRoute),
  /** (Paketbygd) where the matrix came from when the request gave locations only. */
  travel: z.object({ backend: z.string(), note: z.string().optional() }).optional(),
});
export type RoutingSolution = z.infer<typeof RoutingSolution>;
