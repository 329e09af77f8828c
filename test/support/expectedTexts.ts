import { appendFileSync } from 'node:fs';
import type { Locale } from '../../src/domain/shared/locale';
import { translator } from '../../src/i18n';

/** What a person reads, written out in the test: for one language the expectation is never computed by the product. */
export type LiteralTexts = Record<string, string>;

const keyOf = (key: string, vars?: Record<string, unknown>) => (vars ? `${key} ${JSON.stringify(vars)}` : key);

/**
 * The expected text of a locale key. In `literalLocale` it is the test's own literal (a wrong or
 * changed translation fails the test); a key the test has no literal for is a test bug. The other
 * languages are checked through the product's locale files (they have the same keys).
 */
export function expectedTexts(locale: Locale, literalLocale: Locale, literals: LiteralTexts) {
  const t = translator(locale);
  return (key: string, vars?: Record<string, unknown>): string => {
    if (locale !== literalLocale) return t(key, vars);
    const k = keyOf(key, vars);
    if (process.env.RECORD_LITERAL_TEXTS) appendFileSync(process.env.RECORD_LITERAL_TEXTS, `${JSON.stringify([k, t(key, vars)])}\n`);
    const literal = literals[k];
    if (literal === undefined && !process.env.RECORD_LITERAL_TEXTS) throw new Error(`no literal ${literalLocale} text for ${k} in this test`);
    return literal ?? t(key, vars);
  };
}
