/** A square travel matrix over the planner's points, row-major. */
export interface SquareMatrix {
  size: number;
  durationsS: Float64Array;
  distancesM: Float64Array;
}

export function distanceM(m: SquareMatrix, from: number, to: number): number {
  return m.distancesM[from * m.size + to]!;
}

export function durationS(m: SquareMatrix, from: number, to: number): number {
  return m.durationsS[from * m.size + to]!;
}
