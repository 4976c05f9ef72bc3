/** The id of a point of the place index, or "point n" for a route stop given by position. */
export function idOfPoint(byId: ReadonlyMap<string, number>, point: number): string {
  for (const [id, p] of byId) if (p === point) return id;
  return `point ${point}`;
}

/** A point named for a warning: its id in quotes, or the route stop it is. */
export function describePoint(byId: ReadonlyMap<string, number>, index: number): string {
  const id = idOfPoint(byId, index);
  return id.startsWith('point ') ? `route stop (${id})` : `"${id}"`;
}
