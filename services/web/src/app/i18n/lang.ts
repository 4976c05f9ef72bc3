import { isLang, pickLang, t, type Lang, type Messages } from '@paketbygd/report';

const STORE_KEY = 'paketbygd.lang';

/** The page's language: the one the user chose on this browser, else the browser's own. */
function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // no storage
  }
  return pickLang(navigator.languages ?? [navigator.language]);
}

let current: Lang = initialLang();
const listeners: (() => void)[] = [];

export function lang(): Lang {
  return current;
}

/** The page's words in its language (the same catalogues as the reports). */
export function w(): Messages['web'] {
  return t(current).web;
}

export function onLangChange(listener: () => void): void {
  listeners.push(listener);
}

export function setLang(next: Lang): void {
  current = next;
  try {
    localStorage.setItem(STORE_KEY, next);
  } catch {
    // no storage
  }
  applyStatic();
  for (const listener of listeners) listener();
}

/**
 * The static page in the language: elements name their text with data-i18n="key" (a key of the
 * web catalogue), and attributes with data-i18n-aria-label / data-i18n-placeholder.
 */
export function applyStatic(root: ParentNode = document): void {
  const words = w() as unknown as Record<string, unknown>;
  const text = (key: string | undefined) =>
    key && typeof words[key] === 'string' ? (words[key] as string) : undefined;
  document.documentElement.lang = current;
  document.title = w().title;
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    const value = text(el.dataset.i18n);
    if (value !== undefined) el.textContent = value;
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-aria-label]').forEach((el) => {
    const value = text(el.dataset.i18nAriaLabel);
    if (value !== undefined) el.setAttribute('aria-label', value);
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-placeholder]').forEach((el) => {
    const value = text(el.dataset.i18nPlaceholder);
    if (value !== undefined) el.setAttribute('placeholder', value);
  });
}
