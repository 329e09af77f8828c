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

/**
 * Whether the client's locale tells the person's language for sure. Teams sends the language of its
 * own menus, and many Finnish and Swedish speakers run Teams in English: there "en-US" (or nothing)
 * is a guess and the bot asks. Finnish and Swedish tags, a bare language tag, and every tag from the
 * web chat page (which sets it from the chosen page language) are taken as they are.
 */
export function isSureLocale(tag: string | undefined | null, channelId: string | undefined): boolean {
  const locale = toLocale(tag);
  if (!locale) return false;
  if (channelId !== 'msteams' || locale !== 'en') return true;
  return tag!.trim().toLowerCase() === 'en';
}

/** A stored choice wins over what the client says; the configured default comes last. */
export function resolveLocale(stored: Locale | undefined, activityLocale: string | undefined, fallback: Locale): Locale {
  return stored ?? toLocale(activityLocale) ?? fallback;
}
