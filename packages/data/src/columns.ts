import { z } from 'zod';

/** Column types shared by the readers: CSV cells arrive as strings. */
export const cell = {
  text: z.string(),
  nonEmpty: z.string().trim().min(1, 'is empty'),
  kommunCode: z.string().regex(/^\d{4}$/, 'a kommun code has four digits'),
  number: z.string().trim().min(1, 'is empty').transform(Number).refine(Number.isFinite, 'is not a number'),
  count: z
    .string()
    .trim()
    .min(1, 'is empty')
    .transform(Number)
    .refine((n) => Number.isInteger(n) && n >= 0, 'is not a whole number ≥ 0'),
  optionalNumber: z
    .string()
    .trim()
    .transform((s) => (s === '' ? undefined : Number(s)))
    .refine((n) => n === undefined || Number.isFinite(n), 'is not a number'),
};
