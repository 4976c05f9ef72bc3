import type { MessageParam } from '@paketbygd/model';

/** The parameters of a coded message (a plan message, a stated assumption), read by key. */
export type Params = Record<string, MessageParam>;

export const str = (p: Params, key: string): string => String(p[key] ?? '');
export const num = (p: Params, key: string): number => Number(p[key] ?? NaN);
export const list = (p: Params, key: string): (string | number)[] => {
  const v = p[key];
  return Array.isArray(v) ? v : [];
};
