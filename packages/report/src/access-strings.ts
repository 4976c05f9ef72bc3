import en from './i18n/en';

/**
 * The access analysis's words in English, for the CLI's text tables (`paketbygd access`), which
 * are English; the reports take them from the catalogue of their language (`t().access`).
 */
export const ACCESS_STRINGS = en.access;
