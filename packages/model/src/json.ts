import { isInteger, isSafeNumber, parse, stringify } from 'lossless-json';

/**
 * A digit run long enough to hold an integer above 2^53 − 1 (16 digits). Text without one parses
 * exactly with JSON.parse; text with one goes through the lossless parser, which is slower.
 */
const LONG_DIGITS = /\d{16}/;

/**
 * JSON text → value, losslessly: an integer that a number cannot hold exactly (above 2^53 − 1, such
 * as VROOM's 64-bit ids) becomes a bigint; everything else is as JSON.parse gives it. Throws a
 * SyntaxError on invalid JSON. The one JSON parser for documents (see `parseJsonText`).
 */
export function parseJson(text: string): unknown {
  if (!LONG_DIGITS.test(text)) return JSON.parse(text);
  return parse(text, null, exactNumber);
}

/** A JSON number's text → a number, or a bigint when it is an integer a number cannot hold exactly. */
function exactNumber(digits: string): number | bigint {
  return isInteger(digits) && !isSafeNumber(digits) ? BigInt(digits) : Number(digits);
}

/** Value → JSON text, as JSON.stringify, with bigints written as JSON numbers (the pair of `parseJson`). */
export function stringifyJson(value: unknown, indent?: number): string {
  return stringify(value, null, indent) ?? 'null';
}
