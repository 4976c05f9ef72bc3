/** The id of a point of the place index, or "point n" for a route stop given by position. */
export function idOfPoint(byId: ReadonlyMap<string, number>, point: number): string {
  for (const [id, p] of byId) if (p === point) return id;
  return `point ${point}`;
}
