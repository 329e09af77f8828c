import { z } from 'zod';

export const locales = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof locales)[number];
export const localeSchema = z.enum(locales);

export const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (locales as readonly string[]).includes(v);

/** "fi-FI", "sv_SE", "EN" → a supported locale, or undefined. */
export function toLocale(tag: string | undefined | null): Locale | undefined {
  if (!tag) return undefined;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(base) ? base : undefined;
}

/** A stored choice wins over what the client says; the configured default comes last. */
export function resolveLocale(stored: Locale | undefined, activityLocale: string | undefined, fallback: Locale): Locale {
  return stored ?? toLocale(activityLocale) ?? fallback;
}
