/**
 * The distress rule: a reviewed phrase list per language (`checkins.safety.distressPhrases` in each locale file), matched on normalised
 * text as whole words — no model, no guessing. Passed in by the caller so the domain reads no files.
 */

/** Lower case, apostrophes dropped, å/ä/ö folded (people type without them on a phone), punctuation → spaces. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’'`´]/g, '')
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when any phrase occurs in the text as a run of whole words. */
export function soundsDistressed(text: string | undefined, phrases: readonly string[]): boolean {
  if (!text) return false;
  const haystack = ` ${normalise(text)} `;
  return phrases.some((p) => {
    const needle = normalise(p);
    return needle.length > 0 && haystack.includes(` ${needle} `);
  });
}
