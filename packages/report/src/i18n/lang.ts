import { LANGS, type Lang } from '@paketbygd/model';

export { LANGS, type Lang };

/** The locale whose number, date and list formats a language uses (Intl). */
export const LOCALES: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The best language for a list of preferred languages (such as navigator.languages): Swedish if asked for, else English. */
export function pickLang(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

let current: Lang = 'en';

/** The language of the report being rendered. */
export function currentLang(): Lang {
  return current;
}

/**
 * Renders in one language. Rendering is synchronous, so the language can be set for the length of
 * one call without being passed through every function; it is restored afterwards, even on error.
 */
export function withLang<T>(lang: Lang, render: () => T): T {
  const before = current;
  current = lang;
  try {
    return render();
  } finally {
    current = before;
  }
}
