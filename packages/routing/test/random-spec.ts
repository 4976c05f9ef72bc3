import { defaultVehicle, type ModelSpec } from '../src/index';
import { Rng } from '@paketbygd/random';
import { matrixOf } from './helpers';

/** A random instance that uses every feature at once, with tight enough limits that some tasks cannot fit. */
export function randomSpec(seed: number): ModelSpec {
  const rng = new Rng(seed);
  const nJobs = 4 + rng.int(14);
  const nShip = rng.int(5);
  const nPoints = 2 + nJobs + 2 * nShip;
  const points: [number, number][] = Array.from({ length: nPoints }, () => [rng.int(1000), rng.int(1000)]);
  const m = matrixOf(points);
  const dist = m.map((x) => x * 1.3);
  const windows = (): [number, number][] => {
    const r = rng.next();
    if (r < 0.4) return [];
    const a = rng.int(3000);
    const w: [number, number][] = [[a, a + 200 + rng.int(1500)]];
    if (r > 0.8) w.push([w[0]![1] + 100 + rng.int(500), w[0]![1] + 2000 + rng.int(2000)]);
    return w;
  };
  const skills = () => (rng.next() < 0.25 ? [1 + rng.int(3)] : []);
  const amount = () => [rng.int(6), rng.int(3)];
  const jobs = Array.from({ length: nJobs }, (_, i) => ({
    id: i,
    location: 2 + i,
    serviceS: rng.int(120),
    timeWindowsS: windows(),
    delivery: rng.next() < 0.8 ? amount() : [],
    pickup: rng.next() < 0.3 ? amount() : [],
    skills: skills(),
    priority: rng.int(3),
    ...(rng.next() < 0.3 ? { penalty: rng.int(3000) } : {}),
  }));
  const shipments = Array.from({ length: nShip }, (_, i) => ({
    pickup: { id: 100 + i, location: 2 + nJobs + 2 * i, serviceS: rng.int(60), timeWindowsS: windows() },
    delivery: { id: 200 + i, location: 3 + nJobs + 2 * i, serviceS: rng.int(60), timeWindowsS: windows() },
    amount: amount(),
    skills: skills(),
    priority: 0,
    ...(rng.next() < 0.3 ? { penalty: rng.int(4000) } : {}),
  }));
  const nTypes = 1 + rng.int(3);
  const vehicles = [];
  for (let k = 0; k < nTypes; k++) {
    const count = 1 + rng.int(3);
    const shift: [number, number] = [rng.int(500), 4000 + rng.int(6000)];
    const type = {
      id: k,
      start: rng.next() < 0.85 ? rng.int(2) : null,
      end: rng.next() < 0.7 ? rng.int(2) : null,
      capacity: [5 + rng.int(15), 2 + rng.int(6)],
      skills: [1, 2, 3].filter(() => rng.next() < 0.5),
      shiftS: shift,
      fixedCost: rng.int(500),
      costPerHour: rng.int(4000),
      costPerKm: rng.int(3000),
      maxTasks: rng.next() < 0.3 ? 1 + rng.int(6) : Infinity,
      maxTravelTimeS: rng.next() < 0.3 ? 1000 + rng.int(4000) : Infinity,
      maxDistanceM: rng.next() < 0.3 ? 1500 + rng.int(5000) : Infinity,
      maxDurationS: rng.next() < 0.3 ? 1500 + rng.int(4000) : Infinity,
    };
    if (type.start === null && type.end === null) type.start = 0;
    for (let c = 0; c < count; c++) vehicles.push(defaultVehicle({ ...type, copy: c }));
  }
  return {
    matrices: [{ size: nPoints, durationS: m, distanceM: dist }],
    dims: 2,
    objective: rng.next() < 0.2 ? 'vehicles' : 'cost',
    jobs,
    shipments,
    vehicles,
  };
}
