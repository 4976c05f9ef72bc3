import type { z } from 'zod';

/** VROOM's default profile: the legacy `matrix` key is its durations (VROOM's input_parser). */
export const LEGACY_MATRIX_PROFILE = 'car';

/** `matrix` and `matrices` together are refused: it would be unclear which durations count. */
export function refuseMatrixWithMatrices(
  value: { matrix?: unknown; matrices?: unknown },
  ctx: z.RefinementCtx,
) {
  if (value.matrix !== undefined && value.matrices !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['matrix'],
      message: `give either "matrix" (VROOM's legacy key: the "${LEGACY_MATRIX_PROFILE}" durations) or "matrices", not both`,
    });
  }
}

/** The legacy `matrix` key as VROOM reads it: `matrices.car.durations`. */
export function legacyMatrixAsMatrices<T extends { matrix?: number[][]; matrices?: unknown }>(
  value: T,
): Omit<T, 'matrix'> {
  const { matrix, ...rest } = value;
  if (matrix === undefined) return rest;
  return { ...rest, matrices: { [LEGACY_MATRIX_PROFILE]: { durations: matrix } } };
}
