import en, { type Messages } from './en';
import { currentLang, type Lang } from './lang';
import sv from './sv';

export { LANGS, LOCALES, currentLang, isLang, pickLang, withLang, type Lang } from './lang';
export type { Messages } from './en';

const CATALOGUES: Record<Lang, Messages> = { en, sv };

/** The words of the language being rendered (or of `lang`). */
export function t(lang: Lang = currentLang()): Messages {
  return CATALOGUES[lang];
}
