import { lang, w } from './lang';
import { pw } from './page-words';

/**
 * The static page in the language: elements name their text with data-i18n="key" (a key of the
 * web catalogue or of the page's own words), and attributes with data-i18n-aria-label / data-i18n-placeholder.
 */
export function applyStatic(root: ParentNode = document): void {
  // The reports' catalogue first, then the page's own words.
  const words = { ...(pw() as Record<string, unknown>), ...(w() as unknown as Record<string, unknown>) };
  const text = (key: string | undefined) =>
    key && typeof words[key] === 'string' ? (words[key] as string) : undefined;
  document.documentElement.lang = lang();
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
