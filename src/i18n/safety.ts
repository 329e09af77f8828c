import en from '../../locales/en.json';
import fi from '../../locales/fi.json';
import sv from '../../locales/sv.json';

/** A language's reviewed distress phrases: one locale key, phrases separated by "|" (so every language has the same keys). */
const phrasesOf = (list: string): string[] => list.split('|').map((p) => p.trim()).filter(Boolean);

/**
 * The reviewed distress phrases of every language, as one list: a Swedish speaker on a Finnish
 * client (or the other way round) is heard in their own words. Kept as `checkins.safety.distressPhrases`
 * in each locale file; add a phrase only with a second person's review (see the README's Check-ins section).
 */
export const distressPhrasesOf = {
  fi: phrasesOf(fi.checkins.safety.distressPhrases),
  sv: phrasesOf(sv.checkins.safety.distressPhrases),
  en: phrasesOf(en.checkins.safety.distressPhrases),
} as const;
export const distressPhrases: readonly string[] = [...distressPhrasesOf.fi, ...distressPhrasesOf.sv, ...distressPhrasesOf.en];
