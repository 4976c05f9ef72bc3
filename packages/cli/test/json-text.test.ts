import { describe, expect, it } from 'vitest';
import { jsonText } from '../src/json-text';

const plan = {
  kind: 'plan',
  boxes: [{ siteId: 'a', location: [16.1, 59.05], tags: ['x', 'y'] }],
  baseRoads: [
    {
      coordinates: [
        [16.1, 59.05],
        [16.2, 59.06],
        [16.3, 59.07],
      ],
    },
  ],
  empty: [],
  nothing: {},
  left: undefined,
  when: new Date('2026-12-03T00:00:00Z'),
};

describe('jsonText', () => {
  it('reads back as the same value JSON.stringify gives', () => {
    expect(JSON.parse(jsonText(plan))).toEqual(JSON.parse(JSON.stringify(plan)));
  });

  it('keeps number arrays on one line and indents everything else as JSON.stringify(v, null, 2)', () => {
    expect(jsonText(plan)).toBe(
      [
        '{',
        '  "kind": "plan",',
        '  "boxes": [',
        '    {',
        '      "siteId": "a",',
        '      "location": [16.1,59.05],',
        '      "tags": [',
        '        "x",',
        '        "y"',
        '      ]',
        '    }',
        '  ],',
        '  "baseRoads": [',
        '    {',
        '      "coordinates": [[16.1,59.05],[16.2,59.06],[16.3,59.07]]',
        '    }',
        '  ],',
        '  "empty": [],',
        '  "nothing": {},',
        '  "when": "2026-12-03T00:00:00.000Z"',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('is JSON.stringify(v, null, 2) for a value without number arrays', () => {
    const value = { a: [{ b: 'c' }, null, true, 'd'], e: { f: -1.5e-7 } };
    expect(jsonText(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });
});
