import i18next, { type TFunction } from 'i18next';
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

export * from './dates';

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
