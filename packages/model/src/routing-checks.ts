import type { Problem } from './problems';
import type { VroomIdValue } from './vroom-id';
import type { RoutingProblem } from './routing-problem';
import { checkBreaksAndSteps } from './routing-steps';

// Apart from routing-problem.ts so that the schema and the checks of breaks and steps (which read
// its types) do not import each other.
/** Checks across the document: unique ids, matrix shape and indices, amount dimensions, time windows. */
export function checkRoutingProblem(p: RoutingProblem): Problem[] {
  const problems: Problem[] = [];
  const uniqueIds = (label: string, entries: { id: VroomIdValue; path: string }[]) => {
    const first = new Map<VroomIdValue, string>();
    for (const { id, path } of entries) {
      const earlier = first.get(id);
      if (earlier !== undefined)
        problems.push({ path, message: `${label} id ${id} is already used at ${earlier}` });
      else first.set(id, path);
    }
  };
  problems.push(...checkBreaksAndSteps(p));
  uniqueIds(
    'job',
    p.jobs.map((j, i) => ({ id: j.id, path: `jobs[${i}].id` })),
  );
  uniqueIds(
    'shipment pickup',
    p.shipments.map((s, i) => ({ id: s.pickup.id, path: `shipments[${i}].pickup.id` })),
  );
  uniqueIds(
    'shipment delivery',
    p.shipments.map((s, i) => ({ id: s.delivery.id, path: `shipments[${i}].delivery.id` })),
  );
  uniqueIds(
    'vehicle',
    p.vehicles.map((v, i) => ({ id: v.id, path: `vehicles[${i}].id` })),
  );

  const profiles = p.matrices ? Object.keys(p.matrices) : [];
  let size: number | undefined;
  if (p.matrices) {
    for (const [profile, m] of Object.entries(p.matrices)) {
      for (const kind of ['durations', 'distances', 'costs'] as const) {
        const rows = m[kind];
        if (!rows) continue;
        const path = `matrices.${profile}.${kind}`;
        size ??= rows.length;
        if (rows.length !== size) {
          problems.push({ path, message: `has ${rows.length} rows; other matrices have ${size}` });
        }
        rows.forEach((row, r) => {
          if (row.length !== rows.length) {
            problems.push({
              path: `${path}[${r}]`,
              message: `has ${row.length} entries; a matrix is square (${rows.length})`,
            });
          }
        });
      }
      if (!m.durations && !m.costs) {
        problems.push({
          path: `matrices.${profile}`,
          message: 'give "durations" (or "costs") for each profile',
        });
      }
    }
  }

  const dimensions = p.vehicles.map((v) => v.capacity?.length ?? 0);
  const maxDims = Math.max(0, ...dimensions);
  const checkAmount = (amount: number[] | undefined, path: string) => {
    if (amount && amount.length !== maxDims && maxDims > 0) {
      problems.push({
        path,
        message: `has ${amount.length} dimensions; vehicle capacities have ${maxDims}`,
      });
    }
  };
  p.vehicles.forEach((v, i) => {
    if (maxDims > 0 && (v.capacity?.length ?? 0) !== maxDims) {
      problems.push({
        path: `vehicles[${i}].capacity`,
        message: `every vehicle needs a capacity of ${maxDims} dimensions`,
      });
    }
  });

  const checkPlace = (t: { location?: unknown; location_index?: number }, path: string) => {
    if (t.location === undefined && t.location_index === undefined) {
      problems.push({
        path,
        message: 'give "location" ([lon, lat]) or "location_index" (a row of the matrix)',
      });
    }
    if (t.location_index !== undefined) {
      if (size === undefined) {
        problems.push({ path: `${path}.location_index`, message: 'location_index needs "matrices"' });
      } else if (t.location_index >= size) {
        problems.push({
          path: `${path}.location_index`,
          message: `index ${t.location_index} is outside the ${size}×${size} matrix`,
        });
      }
    }
  };
  const checkWindows = (windows: [number, number][] | undefined, path: string) => {
    windows?.forEach((w, k) => {
      const previous = windows[k - 1];
      if (previous && w[0] < previous[1]) {
        problems.push({ path: `${path}[${k}]`, message: 'time windows must be sorted and must not overlap' });
      }
    });
  };

  p.jobs.forEach((j, i) => {
    checkPlace(j, `jobs[${i}]`);
    checkAmount(j.delivery, `jobs[${i}].delivery`);
    checkAmount(j.pickup, `jobs[${i}].pickup`);
    checkWindows(j.time_windows, `jobs[${i}].time_windows`);
  });
  p.shipments.forEach((s, i) => {
    checkPlace(s.pickup, `shipments[${i}].pickup`);
    checkPlace(s.delivery, `shipments[${i}].delivery`);
    checkAmount(s.amount, `shipments[${i}].amount`);
    checkWindows(s.pickup.time_windows, `shipments[${i}].pickup.time_windows`);
    checkWindows(s.delivery.time_windows, `shipments[${i}].delivery.time_windows`);
  });
  p.vehicles.forEach((v, i) => {
    if (
      v.start === undefined &&
      v.start_index === undefined &&
      v.end === undefined &&
      v.end_index === undefined
    ) {
      problems.push({
        path: `vehicles[${i}]`,
        message: 'a vehicle needs a start or an end (location or index)',
      });
    }
    for (const end of ['start', 'end'] as const) {
      const index = v[`${end}_index`];
      if (index !== undefined) {
        if (size === undefined)
          problems.push({ path: `vehicles[${i}].${end}_index`, message: 'needs "matrices"' });
        else if (index >= size) {
          problems.push({
            path: `vehicles[${i}].${end}_index`,
            message: `index ${index} is outside the ${size}×${size} matrix`,
          });
        }
      }
    }
    if (p.matrices && !profiles.includes(v.profile)) {
      problems.push({
        path: `vehicles[${i}].profile`,
        message: `no matrix for profile "${v.profile}" (matrices: ${profiles.join(', ')})`,
      });
    }
  });
  return problems;
}
