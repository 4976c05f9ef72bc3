import { ValidationError, type Problem, type RoutingProblem } from '@paketbygd/model';
import type { Instance } from '../instance/index';
import { RequestTasks } from './tasks';
import { Route } from '../route';

type StepType = NonNullable<RoutingProblem['vehicles'][number]['steps']>[number]['type'];

/** Task index of each `type:id` (job, pickup, delivery) with the request's ids. */
export function taskIndexByKey(inst: Instance, problem: RoutingProblem): Map<string, number> {
  return new RequestTasks(problem, inst).byAnswerKey();
}

/** The instance's vehicle for request vehicle i (its first copy when it has a `count`). */
export function instanceVehicle(problem: RoutingProblem, i: number): number {
  let v = 0;
  for (let k = 0; k < i; k++) v += problem.vehicles[k]!.count ?? 1;
  return v;
}

/** A user-given route: its tasks, and for each the index of its step in `steps`. */
export interface GivenRoute {
  vehicle: number;
  tasks: number[];
  stepOf: number[];
}

/** The job, pickup and delivery steps of each vehicle that has `steps` (ids are known: `checkBreaksAndSteps`). */
export function givenRoutes(inst: Instance, problem: RoutingProblem): (GivenRoute & { request: number })[] {
  const byKey = taskIndexByKey(inst, problem);
  const isTask = (type: StepType) => type === 'job' || type === 'pickup' || type === 'delivery';
  return problem.vehicles.flatMap((v, i) => {
    if (!v.steps) return [];
    const route: GivenRoute & { request: number } = {
      request: i,
      vehicle: instanceVehicle(problem, i),
      tasks: [],
      stepOf: [],
    };
    v.steps.forEach((step, k) => {
      const t = isTask(step.type) ? byKey.get(`${step.type}:${String(step.id)}`) : undefined;
      if (t === undefined) return;
      route.tasks.push(t);
      route.stepOf.push(k);
    });
    return [route];
  });
}

/**
 * VROOM's solving mode with `steps`: the given routes are the starting solution, and a route that
 * breaks a constraint is an input error naming the step from which it cannot go on (`service_*`
 * keys are not used, as in VROOM). Returns the initial routes for the search.
 */
export function initialRoutesFromSteps(
  inst: Instance,
  problem: RoutingProblem,
): { vehicle: number; tasks: number[] }[] | undefined {
  const routes = givenRoutes(inst, problem);
  if (routes.length === 0) return undefined;
  const problems: Problem[] = [];
  const request = new RequestTasks(problem, inst);
  for (const given of routes) {
    const broken = firstBrokenStep(inst, request, given);
    if (broken) problems.push({ ...broken, path: `vehicles[${given.request}].${broken.path}` });
  }
  if (problems.length > 0) throw new ValidationError('routing problem', problems);
  return routes.map(({ vehicle, tasks }) => ({ vehicle, tasks }));
}

/** The first step after which the given route cannot be completed, with the constraint it breaks; null when it can. */
function firstBrokenStep(inst: Instance, request: RequestTasks, given: GivenRoute): Problem | null {
  const v = given.vehicle;
  const route = new Route(inst, v);
  for (let k = 0; k < given.tasks.length; k++) {
    const t = given.tasks[k]!;
    const path = `steps[${given.stepOf[k]}]`;
    const what = `${request.kind(t)} ${String(request.stop(t).id)}`;
    if (!inst.compat[v * inst.nTasks + t])
      return { path, message: `vehicle ${String(request.vehicle(v).id)} lacks the skills of ${what}` };
    route.setTasks(given.tasks, k + 1);
    if (route.feasible) continue;
    return { path, message: `${what}: ${brokenConstraint(inst, route)}` };
  }
  return null;
}

/** Which constraint an infeasible route breaks, in words. */
function brokenConstraint(inst: Instance, r: Route): string {
  const v = r.v;
  const n = r.len;
  for (let d = 0; d < inst.dims; d++) {
    if (r.loadPrefixMax[(n + 1) * inst.dims + d]! > inst.capacity[v * inst.dims + d]!)
      return `the load exceeds the vehicle's capacity ${inst.capacity[v * inst.dims + d]} (dimension ${d})`;
  }
  if (n > inst.maxTasks[v]!) return `more tasks than max_tasks ${inst.maxTasks[v]}`;
  if (r.travelTimeS[n + 1]! > inst.maxTravelTimeS[v]!)
    return `travel time over max_travel_time ${inst.maxTravelTimeS[v]}`;
  if (r.distanceM[n + 1]! > inst.maxDistanceM[v]!)
    return `distance over max_distance ${inst.maxDistanceM[v]}`;
  return "cannot be served in its time windows, with the breaks, and still end within the vehicle's time_window";
}
