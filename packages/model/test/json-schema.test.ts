import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../src';

const examples = join(import.meta.dirname, '..', '..', '..', 'examples');
const read = (file: string) => JSON.parse(readFileSync(join(examples, file), 'utf8')) as unknown;

describe('JSON Schema export', () => {
  const schemas = jsonSchemas();
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

  it('exports every document', () => {
    expect(Object.keys(schemas).sort()).toEqual([
      'Bid',
      'Comparison',
      'Plan',
      'RoutingProblem',
      'RoutingSolution',
      'Scenario',
      'Scoring',
    ]);
  });

  it.each([
    ['Scenario', 'vingaker/scenario.json'],
    ['RoutingProblem', 'operator/time-windows-shipments.json'],
    ['Bid', 'bids/regionbuss-bus-line.json'],
    ['Scoring', 'bids/scoring.json'],
  ])('the %s schema accepts %s', (name, file) => {
    const validateFn = ajv.compile(schemas[name] as object);
    expect(validateFn(read(file)), JSON.stringify(validateFn.errors)).toBe(true);
  });

  it('the Scenario schema refuses what zod refuses field by field', () => {
    const validateFn = ajv.compile(schemas.Scenario as object);
    const doc = read('vingaker/scenario.json') as { demand: { location: number[] }[] };
    doc.demand[0]!.location = [15.8, 95];
    expect(validateFn(doc)).toBe(false);
    expect(JSON.stringify(validateFn.errors)).toContain('/demand/0/location/1');
  });
});
