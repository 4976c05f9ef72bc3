import { z } from 'zod';
import { Bid } from './bid';
import { Comparison, ScoringDocument } from './comparison';
import { Plan } from './plan';
import { RoutingProblem } from './routing-problem';
import { RoutingSolution } from './routing-solution';
import { Scenario } from './scenario';

/**
 * JSON Schema (draft 2020-12) of every document, for the OpenAPI document. Input documents are
 * exported as accepted (defaults optional); outputs as produced. Checks across the document
 * (ids, references, area) cannot be said in JSON Schema and are only in `validate`.
 */
export function jsonSchemas(): Record<string, unknown> {
  const input = { io: 'input', unrepresentable: 'any' } as const;
  const output = { io: 'output', unrepresentable: 'any' } as const;
  return {
    Scenario: z.toJSONSchema(Scenario, input),
    Bid: z.toJSONSchema(Bid, input),
    Comparison: z.toJSONSchema(Comparison, input),
    Scoring: z.toJSONSchema(ScoringDocument, input),
    RoutingProblem: z.toJSONSchema(RoutingProblem, input),
    RoutingSolution: z.toJSONSchema(RoutingSolution, output),
    Plan: z.toJSONSchema(Plan, output),
  };
}
