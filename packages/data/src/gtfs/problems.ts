/** A feed that cannot be read: says which file and, where there is one, which line. */
export class GtfsError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${message}`);
    this.name = 'GtfsError';
  }
}

/** Rows left out of a feed for one reason, counted, with the first few line numbers to look at. */
export interface SkippedRows {
  file: string;
  reason: string;
  count: number;
  firstLines: number[];
}

const LINES_KEPT = 5;

/** Counts skipped rows by file and reason, so that nothing is dropped without saying so. */
export class SkipTally {
  private readonly byKey = new Map<string, SkippedRows>();

  skip(file: string, line: number, reason: string): void {
    const key = `${file}\u0000${reason}`;
    let entry = this.byKey.get(key);
    if (!entry) {
      entry = { file, reason, count: 0, firstLines: [] };
      this.byKey.set(key, entry);
    }
    entry.count++;
    if (entry.firstLines.length < LINES_KEPT) entry.firstLines.push(line);
  }

  list(): SkippedRows[] {
    return [...this.byKey.values()];
  }
}

export function describeSkipped(s: SkippedRows): string {
  const more = s.count > s.firstLines.length ? ', …' : '';
  return `${s.file}: ${s.count} row${s.count === 1 ? '' : 's'} skipped, ${s.reason} (line${s.firstLines.length === 1 ? '' : 's'} ${s.firstLines.join(', ')}${more})`;
}
