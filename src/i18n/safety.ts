import safety from '../../locales/safety.json';

/**
 * The reviewed distress phrases of every language, as one list: a Swedish speaker on a Finnish
 * client (or the other way round) is heard in their own words. Kept in locales/safety.json, apart from
 * the UI texts, because it is a reviewed list per language, not a translation with the same keys.
 */
export const distressPhrases: readonly string[] = [...safety.fi, ...safety.sv, ...safety.en];
export const distressPhrasesOf = { fi: safety.fi, sv: safety.sv, en: safety.en } as const;
