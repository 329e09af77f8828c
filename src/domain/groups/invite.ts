import { randomInt } from 'node:crypto';

// Crockford-style alphabet without look-alikes (0/O, 1/I/L, U): easy to read aloud and type on a phone.
const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const length = 10; // 30^10 ≈ 5.9e14 codes; with per-user rate limiting a guess is hopeless.

export function newInviteCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < length; i++) code += alphabet[random(alphabet.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Accepts what people actually type: lower case, spaces, a missing dash. */
export function normalizeInviteCode(input: string): string | undefined {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '');
  if (cleaned.length !== length || ![...cleaned].every((c) => alphabet.includes(c))) return undefined;
  return `${cleaned.slice(0, 5)}-${cleaned.slice(5)}`;
}

/** Ten characters of the alphabet, maybe split 5+5 by a dash or a space, standing on their own (not inside a longer word). */
const candidate = /(?<![\p{L}\p{N}])([2-9a-z]{5})([ -]?)([2-9a-z]{5})(?![\p{L}\p{N}])/giu;

/**
 * The invite code in a message, or undefined when the message is a sentence. A message is a code when
 * it is nothing but a code (lower case, spaces or a missing dash allowed), or when it contains one
 * written the way codes look: with the dash, or with a digit, or in capitals (as in the bot's own
 * forwardable invite sentence). "keskustelu" or "understand" inside a sentence are words, not codes.
 */
export function findInviteCode(text: string): string | undefined {
  const whole = normalizeInviteCode(text.trim().replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, ''));
  if (whole && /[A-Z]/.test(whole)) return whole;
  candidate.lastIndex = 0;
  // Overlapping matches: in "koodi CPX6X-83FDA" the first try is "koodi CPX6X", the next "CPX6X-83FDA".
  for (let m = candidate.exec(text); m; candidate.lastIndex = m.index + 1, m = candidate.exec(text)) {
    const [found, first, separator, second] = m as unknown as [string, string, string, string];
    const chars = first + second;
    const looksLikeCode = separator === '-' || (/\d/.test(chars) && /[a-z]/i.test(chars)) || chars === chars.toUpperCase();
    if (looksLikeCode && /[a-z]/i.test(chars)) {
      const code = normalizeInviteCode(found);
      if (code) return code;
    }
  }
  return undefined;
}
