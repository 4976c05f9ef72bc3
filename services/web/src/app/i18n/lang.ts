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
  for (const listener of listeners) listener();
}
