import { z } from 'zod';
import { parseJson, stringifyJson } from './json';

/** VROOM's ids are unsigned 64-bit integers. */
export const MAX_VROOM_ID = 2n ** 64n - 1n;
const TOO_BIG = `an id is at most 2^64 − 1 (${MAX_VROOM_ID})`;

/** An id as held after validation: a number when it fits one exactly, else its decimal digits. */
export type VroomIdValue = number | string;

function normalised(id: bigint): VroomIdValue {
  return id <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(id) : id.toString();
}

/**
 * A task or vehicle id, 0 … 2^64 − 1 as in VROOM. JSON ids above 2^53 − 1 arrive as bigints
 * (`parseJson`); after validation they are decimal strings, which cross queues and threads as JSON
 * does, and are written back as JSON numbers (`withNumericIds`). (Paketbygd) An id may also be
 * given as a string of digits: that is how a validated request travels.
 */
export const VroomId = z
  .union([z.number(), z.bigint(), z.string()], { error: 'an id is a whole number from 0 to 2^64 − 1' })
  .transform((value, ctx): VroomIdValue => {
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (typeof value === 'string') {
      if (!/^\d+$/.test(value)) return fail('an id is a whole number from 0 to 2^64 − 1');
      const id = BigInt(value);
      return id > MAX_VROOM_ID ? fail(TOO_BIG) : normalised(id);
    }
    if (typeof value === 'bigint') {
      if (value < 0n) return fail('an id cannot be negative');
      return value > MAX_VROOM_ID ? fail(TOO_BIG) : normalised(value);
    }
    if (!Number.isInteger(value)) return fail('an id is a whole number');
    if (value < 0) return fail('an id cannot be negative');
    // Written with an exponent (1e20): not exact above 2^53 − 1; VROOM's ids are written in digits.
    if (!Number.isSafeInteger(value))
      return fail('an id above 2^53 − 1 is written in digits, without an exponent');
    return value;
  });

/** An id in an answer: a number, or the decimal digits of one above 2^53 − 1. */
export const VroomIdOut = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]);

const asJsonNumber = (id: VroomIdValue | undefined) => (typeof id === 'string' ? BigInt(id) : id);

/**
 * A routing answer with its ids as JSON numbers again, for `stringifyJson`: VROOM's answers carry
 * ids as numbers, whatever their size.
 */
export function withNumericIds<
  T extends {
    routes: { vehicle: VroomIdValue; steps: { id?: VroomIdValue; job?: VroomIdValue }[] }[];
    unassigned: { id: VroomIdValue }[];
  },
>(answer: T): unknown {
  return {
    ...answer,
    routes: answer.routes.map((r) => ({
      ...r,
      vehicle: asJsonNumber(r.vehicle),
      steps: r.steps.map((s) => ({
        ...s,
        ...(s.id !== undefined ? { id: asJsonNumber(s.id) } : {}),
        ...(s.job !== undefined ? { job: asJsonNumber(s.job) } : {}),
      })),
    })),
    unassigned: answer.unassigned.map((u) => ({ ...u, id: asJsonNumber(u.id) })),
  };
}

/**
 * A stored routing answer's JSON text (ids above 2^53 − 1 as strings, as the worker stored it) with
 * those ids as JSON numbers. Parsed only when such an id may be there.
 */
export function answerTextWithNumericIds(text: string): string {
  if (!/"\d{16,}"/.test(text)) return text;
  return stringifyJson(withNumericIds(parseJson(text) as Parameters<typeof withNumericIds>[0]));
}
