import type { ModelSpec } from '../spec';

/** A request as the solver's model, with what the answer needs to say it in the request's terms. */
export interface Converted {
  spec: ModelSpec;
  /** For each location index, its position when known. */
  positions: ([number, number] | undefined)[];
  hasDistances: boolean;
}
