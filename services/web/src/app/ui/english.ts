import type { Worded } from '@paketbygd/report';
import { lang } from '../i18n/lang';

/**
 * ` lang="en"` for a sentence the planner or the worker wrote in English (the plans' remarks in a
 * comparison) when the page is in another language, so screen readers read it as English;
 * nothing on an English page.
 */
export const englishAttr = (): string => (lang() === 'en' ? '' : ' lang="en"');

/** ` lang="…"` for a worded sentence whose language is not the page's (the planner's English in an older result). */
export const langAttr = (w: Worded): string => (w.lang === lang() ? '' : ` lang="${w.lang}"`);
