import { z } from 'zod';
import { LonLat } from './primitives';
import { VroomId } from './vroom-id';
import { legacyMatrixAsMatrices, refuseMatrixWithMatrices } from './vroom-legacy';

/**
 * The VROOM (v1.14) input format, also accepted by openrouteservice's optimization endpoint.
 * Field names stay snake_case as VROOM has them, so that a client switches by changing a URL.
 * Extensions are marked "(Paketbygd)" and are optional; fields VROOM has but Paketbygd does not
 * support are refused with a message, never ignored.
 */

const TaskId = VroomId;
const Amount = z.array(z.number().int('amounts are whole numbers').nonnegative('amounts cannot be negative'));
const Seconds = z.number().nonnegative('a duration in seconds cannot be negative');
const TimeWindow = z
  .tuple([Seconds, Seconds], { error: 'a time window is [start, end] in seconds' })
  .refine(([a, b]) => a <= b, 'a time window starts before it ends: [start, end]');
const Skills = z.array(z.number().int().nonnegative());

function unsupported(shape: Record<string, string>) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    for (const [key, why] of Object.entries(shape)) {
      if (value[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: why });
    }
  };
}

const unknownOptional = z.unknown().optional();

/** Where and how long a task is: the fields a job shares with each end of a shipment (as in VROOM). */
const taskPlace = {
  id: TaskId,
  description: z.string().optional(),
  location: LonLat.optional(),
  location_index: z.number().int().nonnegative().optional(),
  setup: Seconds.optional(),
  service: Seconds.optional(),
};

export const VroomJob = z
  .object({
    ...taskPlace,
    delivery: Amount.optional(),
    pickup: Amount.optional(),
    skills: Skills.optional(),
    priority: z.number().int().min(0).max(100, 'priority is 0..100').optional(),
    time_windows: z.array(TimeWindow).min(1).optional(),
    /** (Paketbygd) The job is optional; leaving it unserved costs this much. */
    penalty: z.number().nonnegative().optional(),
    amount: unknownOptional,
  })
  .strict()
  .superRefine(
    unsupported({ amount: 'jobs take "delivery" and/or "pickup" amounts; "amount" belongs to shipments' }),
  );
export type VroomJob = z.infer<typeof VroomJob>;

export const VroomShipmentStep = z
  .object({
    ...taskPlace,
    time_windows: z.array(TimeWindow).min(1).optional(),
  })
  .strict();

export const VroomShipment = z
  .object({
    pickup: VroomShipmentStep,
    delivery: VroomShipmentStep,
    amount: Amount.optional(),
    skills: Skills.optional(),
    priority: z.number().int().min(0).max(100).optional(),
    /** (Paketbygd) as for jobs. */
    penalty: z.number().nonnegative().optional(),
  })
  .strict();
export type VroomShipment = z.infer<typeof VroomShipment>;

/** A vehicle break (VROOM): taken once per route, starting in one of its windows. */
export const VroomBreak = z
  .object({
    id: TaskId,
    time_windows: z.array(TimeWindow).min(1).optional(),
    service: Seconds.optional(),
    description: z.string().optional(),
    max_load: Amount.optional(),
  })
  .strict();
export type VroomBreak = z.infer<typeof VroomBreak>;

/** A step of a user-given route (VROOM's `vehicle_step`): the initial solution, or the plan in plan mode. */
export const VroomVehicleStep = z
  .object({
    type: z.enum(['start', 'job', 'pickup', 'delivery', 'break', 'end']),
    id: TaskId.optional(),
    service_at: Seconds.optional(),
    service_after: Seconds.optional(),
    service_before: Seconds.optional(),
  })
  .strict();
export type VroomVehicleStep = z.infer<typeof VroomVehicleStep>;

export const VroomVehicle = z
  .object({
    id: TaskId,
    profile: z.string().default('car'),
    description: z.string().optional(),
    start: LonLat.optional(),
    start_index: z.number().int().nonnegative().optional(),
    end: LonLat.optional(),
    end_index: z.number().int().nonnegative().optional(),
    capacity: Amount.optional(),
    costs: z
      .object({
        fixed: z.number().nonnegative().default(0),
        per_hour: z.number().nonnegative().default(3600),
        per_km: z.number().nonnegative().default(0),
      })
      .strict()
      .optional(),
    skills: Skills.optional(),
    time_window: TimeWindow.optional(),
    speed_factor: z.number().positive().max(5).optional(),
    max_tasks: z.number().int().nonnegative().optional(),
    max_travel_time: Seconds.optional(),
    max_distance: z.number().nonnegative().optional(),
    /** (Paketbygd) Longest route from start to end, waiting and service included, in seconds. */
    max_duration: Seconds.optional(),
    /** (Paketbygd) This many identical vehicles (a fleet-mix type); routes name the copy. */
    count: z.number().int().positive().optional(),
    breaks: z.array(VroomBreak).optional(),
    steps: z.array(VroomVehicleStep).optional(),
  })
  .strict();
export type VroomVehicle = z.infer<typeof VroomVehicle>;

const Matrix = z.array(z.array(z.number().nonnegative('matrix entries cannot be negative')));
export const VroomMatrices = z.record(
  z.string(),
  z.object({ durations: Matrix.optional(), distances: Matrix.optional(), costs: Matrix.optional() }).strict(),
);

export const RoutingOptions = z
  .object({
    /** Return each route's geometry, an encoded polyline (VROOM's `-g`, openrouteservice's `g`). */
    g: z.boolean().optional(),
    /** (Paketbygd) Wall-clock limit for the search, seconds. */
    time_limit: z.number().positive().optional(),
    /** (Paketbygd) Random seed; the same seed and input give the same answer. */
    seed: z.number().int().nonnegative().optional(),
    /** (Paketbygd) "cost" (default) or "vehicles" (fewest vehicles first, then cost). */
    objective: z.enum(['cost', 'vehicles']).optional(),
    /** Plan mode (VROOM's `-c`, as vroom-express passes it): ETAs and violations of the given `steps`, no search. */
    c: z.boolean().nullable().optional(),
    /** VROOM's `-l`: a time limit in seconds, as `time_limit` (which wins when both are given). */
    l: z.number().positive().optional(),
    /** VROOM's threads (`-t`) and exploration level (`-x`), sent by vroom-express: accepted and ignored. */
    t: z.number().optional(),
    x: z.number().optional(),
  })
  .strict();

export const RoutingProblem = z
  .object({
    jobs: z.array(VroomJob).default([]),
    shipments: z.array(VroomShipment).default([]),
    vehicles: z.array(VroomVehicle).min(1, 'at least one vehicle is needed'),
    matrices: VroomMatrices.optional(),
    options: RoutingOptions.optional(),
    /** VROOM's legacy key: the durations of profile "car" (read as `matrices.car.durations`). */
    matrix: Matrix.optional(),
  })
  .strict()
  .superRefine(refuseMatrixWithMatrices)
  .transform(legacyMatrixAsMatrices);
export type RoutingProblem = z.infer<typeof RoutingProblem>;
export type RoutingProblemInput = z.input<typeof RoutingProblem>;
