import type { OutcomeEntry } from '../../domain/outcomes';
import type { Locale } from '../../domain/shared/locale';
import { formatShortDate, type Translate } from '../../i18n';

export const dateText = (iso: string, locale: Locale) => formatShortDate(iso, locale);

/** One entry in words: "Employed from 1.2.2026 (full time, open-ended)". */
export function entryText(t: Translate, locale: Locale, e: OutcomeEntry): string {
  const date = dateText(e.date, locale);
  const details = [
    e.hours && t(`outcomes.hours.${e.hours}`),
    e.term && t(`outcomes.term.${e.term}`),
    e.studyKind && t(`outcomes.studyKind.${e.studyKind}`),
    e.reason && t(`outcomes.reason.${e.reason}`),
    e.endDate && t('outcomes.until', { date: dateText(e.endDate, locale) }),
  ].filter(Boolean);
  const main = t(`outcomes.entry.${e.kind}`, { date });
  return details.length > 0 ? `${main} (${details.join(', ')})` : main;
}

/** 0.625 → "62,5 %" (fi, sv) or "62.5 %" (en). */
export const percent = (share: number, locale: Locale) =>
  `${new Intl.NumberFormat(locale === 'en' ? 'en-GB' : locale, { maximumFractionDigits: 1 }).format(share * 100)} %`;

/** 2.25 → "2,3" (fi, sv) or "2.3" (en). */
export const decimal = (n: number, locale: Locale) => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : locale, { maximumFractionDigits: 1 }).format(n);
