/**
 * Rows of cells as plain-text columns, two spaces apart; widths count characters (code points), so
 * "CO₂" and "−1 234" line up like ASCII. With `rule`, a line of dashes sets the first row off as a head.
 */
export function textColumns(
  rows: readonly string[][],
  rightAligned: (column: number) => boolean,
  rule = false,
): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  const pad = (cell: string, c: number) => {
    const room = ' '.repeat(Math.max(0, widths[c]! - [...cell].length));
    return rightAligned(c) ? room + cell : cell + room;
  };
  const lines = rows.map((r) => r.map(pad).join('  ').trimEnd());
  if (rule) lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return lines.join('\n');
}

/** The reports' no-break spaces are plain spaces in a terminal. */
export function plainSpaces(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}
