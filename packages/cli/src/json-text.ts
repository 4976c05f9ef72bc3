/**
 * The JSON files the commands write (plan.json, comparison.json, scenario.json): indented by two
 * spaces like `JSON.stringify(value, null, 2)`, except that an array of numbers (or of arrays of
 * numbers: a [lon, lat], a road's coordinates, a matrix row) stays on one line. A plan's map layers
 * are long coordinate lists; written one number a line they made plan.json about 2.5 times its
 * size while nobody reads them number by number. Objects, strings and lists of ids keep one item a
 * line, so the files still read (and diff) as before. The text is valid JSON for every reader.
 */
export function jsonText(value: unknown): string {
  // A round trip applies toJSON, drops undefined fields and functions, as JSON.stringify does.
  const json = JSON.stringify(value);
  return json === undefined ? '' : `${format(JSON.parse(json) as unknown, '')}\n`;
}

/** True for an array whose leaves are all numbers (nested arrays allowed). */
function numbersOnly(value: unknown): boolean {
  return Array.isArray(value) && value.every((x) => typeof x === 'number' || numbersOnly(x));
}

function format(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object' || numbersOnly(value)) return JSON.stringify(value);
  const inner = `${indent}  `;
  const [open, close, items] = Array.isArray(value)
    ? ['[', ']', value.map((x) => format(x, inner))]
    : ['{', '}', Object.entries(value).map(([k, x]) => `${JSON.stringify(k)}: ${format(x, inner)}`)];
  if (items.length === 0) return `${open}${close}`;
  return `${open}\n${items.map((item) => `${inner}${item}`).join(',\n')}\n${indent}${close}`;
}
