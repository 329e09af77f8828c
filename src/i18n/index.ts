import i18next, { type TFunction } from 'i18next';
import { DateTime } from 'luxon';
import type { Locale } from '../domain/shared/locale';
import en from '../../locales/en.json';
import fi from '../../locales/fi.json';
import sv from '../../locales/sv.json';

export const resources = { fi, sv, en } as const;

const instance = i18next.createInstance();
void instance.init({
  resources: { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } },
  lng: 'fi',
  fallbackLng: false,
  supportedLngs: ['fi', 'sv', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export type Translate = TFunction;

/** A translator fixed to one language. Missing keys surface as the key itself (and the locale test catches them). */
export function translator(locale: Locale): Translate {
  return instance.getFixedT(locale);
}

/**
 * The formatting locale of a language: English as written in Europe (day before month, 24-hour clock),
 * which is how English readers of a Finnish service expect dates, not the US "Dec 2, 10:00 AM".
 */
export const formatLocale = (locale: Locale): string => (locale === 'en' ? 'en-GB' : locale);

/** An instant as luxon DateTime in a zone, ready to format in a language. */
export const localTime = (instant: string | Date, locale: Locale, zone: string): DateTime =>
  (typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant)).setZone(zone).setLocale(formatLocale(locale));

/** "ti 24.11. klo 9.00" / "tis 24 nov. 09:00" / "Tue 24 Nov, 09:00", in the group's zone (Finnish writes 9.00, not 09.00). */
export function formatDateTime(instant: string | Date, locale: Locale, zone: string): string {
  return localTime(instant, locale, zone).toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', hour: locale === 'fi' ? 'numeric' : '2-digit', minute: '2-digit' });
}

/** The day in words, as a confirmation repeats it: "keskiviikkona 2. joulukuuta 2026" / "onsdag 2 december 2026" / "Wednesday, 2 December 2026". */
export function formatDayInWords(instant: string | Date, locale: Locale, zone: string): string {
  return localTime(instant, locale, zone).toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

export function formatDate(instant: string | Date, locale: Locale, zone: string): string {
  return localTime(instant, locale, zone).toLocaleString(DateTime.DATE_FULL);
}

/** "10.00" / "10:00": a time of day in a zone. */
export function formatTime(instant: string | Date, locale: Locale, zone: string): string {
  return localTime(instant, locale, zone).toLocaleString(DateTime.TIME_SIMPLE);
}

const keyOfText = new Map<string, string>();
const collect = (node: unknown, path: string) => {
  if (typeof node === 'string') keyOfText.set(node, path);
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) collect(v, path ? `${path}.${k}` : k);
};
for (const lang of ['fi', 'sv', 'en'] as const) collect(resources[lang], '');

/** A text of the locale files (without placeholders) in another language; undefined for any other text. */
export function retranslate(text: string, to: Locale): string | undefined {
  const key = keyOfText.get(text);
  return key ? translator(to)(key) : undefined;
}
