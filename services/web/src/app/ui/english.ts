import { lang } from '../i18n/lang';

/**
 * ` lang="en"` for a sentence the planner wrote in English (a criterion's explanation, what a
 * sensitivity case changed) when the page is in another language, so screen readers read it as
 * English; nothing on an English page.
 */
export const englishAttr = (): string => (lang() === 'en' ? '' : ' lang="en"');
