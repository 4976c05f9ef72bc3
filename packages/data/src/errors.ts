/** A data file that is missing or malformed: the message names the file and, where it helps, the line. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    detail: string,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${detail}`);
    this.name = 'DataFileError';
  }
}

/** A kommun that is not one of the 290; the message lists the closest names. */
export class UnknownKommunError extends Error {
  constructor(
    readonly query: string,
    readonly closest: readonly string[],
    reason = 'is not a Swedish kommun',
  ) {
    super(`"${query}" ${reason}${closest.length ? `; closest: ${closest.join(', ')}` : ''}`);
    this.name = 'UnknownKommunError';
  }
}
