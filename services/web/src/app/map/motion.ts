/** Whether the user asked for less motion: the map then jumps instead of gliding and fading. */
export const reducedMotion = (): boolean =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
