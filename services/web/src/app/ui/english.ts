import type { Worded } from '@paketbygd/report';
import { lang } from '../i18n/lang';

/**
 * ` lang="en"` for a sentence that stayed in the planner's English (an older comparison without its
 * criteria, a remark without a code) on a page in another language, so that screen readers read
 * it as English; nothing when the sentence is in the page's language.
 */
export const langAttr = (w: Worded): string => (w.lang === lang() ? '' : ` lang="${w.lang}"`);
