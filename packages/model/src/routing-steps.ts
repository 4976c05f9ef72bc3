import type { VroomIdValue } from './vroom-id';
import type { Problem } from './problems';
import type { RoutingProblem } from './routing-problem';

/**
 * Checks of vehicle `breaks` and user-given `steps` (VROOM's semantics) that the schema cannot
 * express: unique break ids per vehicle, break `max_load` dimensions, and steps that name known
 * tasks once each, start first, end last, and (outside plan mode, where it is a reported
 * `precedence` violation instead) a delivery after its pickup on the same vehicle.
 */
export function checkBreaksAndSteps(p: RoutingProblem): Problem[] {
  const problems: Problem[] = [];
  const dims = Math.max(0, ...p.vehicles.map((v) => v.capacity?.length ?? 0));
  const known = {
    job: new Set(p.jobs.map((j) => j.id)),
    pickup: new Set(p.shipments.map((s) => s.pickup.id)),
    delivery: new Set(p.shipments.map((s) => s.delivery.id)),
  };
  const pickupOf = new Map(p.shipments.map((s) => [s.delivery.id, s.pickup.id]));
  const planMode = p.options?.c === true;
  const taskAt = new Map<string, string>();
  p.vehicles.forEach((v, i) => {
    const breakIds = new Map<VroomIdValue, string>();
    v.breaks?.forEach((b, k) => {
      const path = `vehicles[${i}].breaks[${k}]`;
      const earlier = breakIds.get(b.id);
      if (earlier)
        problems.push({ path: `${path}.id`, message: `break id ${b.id} is already used at ${earlier}` });
      breakIds.set(b.id, path);
      if (b.max_load && b.max_load.length !== dims)
        problems.push({
          path: `${path}.max_load`,
          message: `has ${b.max_load.length} dimensions; capacities have ${dims}`,
        });
      b.time_windows?.forEach((w, n) => {
        const previous = b.time_windows![n - 1];
        if (previous && w[0] < previous[1])
          problems.push({
            path: `${path}.time_windows[${n}]`,
            message: 'time windows must be sorted and must not overlap',
          });
      });
    });
    const steps = v.steps ?? [];
    const pickedHere = new Set<VroomIdValue>();
    const breaksHere = new Set<VroomIdValue>();
    steps.forEach((step, k) => {
      const path = `vehicles[${i}].steps[${k}]`;
      const bad = (message: string) => problems.push({ path, message });
      if (step.type === 'start' && k !== 0) bad('a "start" step can only be the first step');
      if (step.type === 'end' && k !== steps.length - 1) bad('an "end" step can only be the last step');
      if (
        step.service_after !== undefined &&
        step.service_before !== undefined &&
        step.service_after > step.service_before
      )
        bad(`service_after ${step.service_after} is later than service_before ${step.service_before}`);
      if (step.service_at !== undefined) {
        if (step.service_after !== undefined && step.service_at < step.service_after)
          bad(`service_at ${step.service_at} is before service_after ${step.service_after}`);
        if (step.service_before !== undefined && step.service_at > step.service_before)
          bad(`service_at ${step.service_at} is after service_before ${step.service_before}`);
      }
      if (step.type === 'start' || step.type === 'end') return;
      if (step.id === undefined) {
        bad(`a "${step.type}" step needs the "id" of its ${step.type}`);
        return;
      }
      if (step.type === 'break') {
        if (!breakIds.has(step.id)) bad(`vehicle ${v.id} has no break with id ${step.id}`);
        else if (breaksHere.has(step.id)) bad(`break ${step.id} appears twice in this route`);
        breaksHere.add(step.id);
        return;
      }
      if (!known[step.type].has(step.id)) {
        bad(`no ${step.type} with id ${step.id}`);
        return;
      }
      const key = `${step.type}:${step.id}`;
      const earlier = taskAt.get(key);
      if (earlier) bad(`${step.type} ${step.id} is already at ${earlier}`);
      taskAt.set(key, path);
      if (step.type === 'pickup') pickedHere.add(step.id);
      if (step.type === 'delivery' && !planMode && !pickedHere.has(pickupOf.get(step.id)!))
        bad(
          `delivery ${step.id} comes before its pickup ${pickupOf.get(step.id)} (or the pickup is not in this route)`,
        );
    });
    if (!planMode) {
      for (const s of p.shipments) {
        if (
          pickedHere.has(s.pickup.id) &&
          !steps.some((st) => st.type === 'delivery' && st.id === s.delivery.id)
        )
          problems.push({
            path: `vehicles[${i}].steps`,
            message: `pickup ${s.pickup.id} has no delivery ${s.delivery.id} after it in this route`,
          });
      }
    }
  });
  return problems;
}
